import Dispatch
import Foundation
import MigCore
import Synchronization
import Testing
@testable import MigRunner

/// The apply engine on real databases: atomic revisions, transaction modes, the lock.
@Suite struct ApplyEngineTests {
    static let origin = SourceSpan(
        file: "migrations/b_second.mig", start: SourceLocation(line: 9, column: 3, offset: 120),
        end: SourceLocation(line: 9, column: 30, offset: 147))

    /// A linear history r1..rN; each revision creates a table and logs itself.
    static func linear(_ count: Int, failing: Int? = nil, transactional: Bool = true) -> [PlannedRevision] {
        (1...count).map { i in
            var statements = [
                SQLStatement("CREATE TABLE \"t\(i)\" (\"x\" INTEGER)"),
                SQLStatement("INSERT INTO \"log\" (\"revision\") VALUES ('r\(i)')"),
            ]
            if i == failing { statements.append(SQLStatement("INSERT INTO \"nope\" VALUES (1)", origin: origin)) }
            return PlannedRevision(
                id: "r\(i)", message: "revision \(i)", direction: .up, statements: statements, transactional: transactional,
                removedHeads: i == 1 ? [] : ["r\(i - 1)"], addedHeads: ["r\(i)"], history: [("r\(i)", "sum\(i)")])
        }
    }

    /// What is still to apply from `heads` (the plan callback `migc upgrade` gives).
    static func remaining(_ plan: [PlannedRevision]) -> ([String]) throws -> [PlannedRevision] {
        { heads in
            guard let head = heads.first, let i = plan.firstIndex(where: { $0.id == head }) else { return plan }
            return Array(plan[(i + 1)...])
        }
    }

    static func prepare(_ engine: Engine) throws -> (DatabaseURL, MigrationRunner) {
        let url = try engine.freshDatabase()
        let runner = try MigrationRunner(url: url)
        try runner.driver.execute("CREATE TABLE \"log\" (\"revision\" VARCHAR(20))")
        try runner.driver.execute("INSERT INTO \"log\" (\"revision\") VALUES ('existing')")
        return (url, runner)
    }

    static func tables(_ runner: MigrationRunner) throws -> [String] {
        try Introspector.schema(of: runner.driver).tables.keys.sorted()
    }

    @Test(arguments: Engine.transactional)
    func failingStatementLeavesTheRevisionBefore(engine: Engine) throws {
        let (_, runner) = try Self.prepare(engine)
        _ = try runner.migrate(options: .init(transactionMode: .perRevision), plan: Self.remaining(Self.linear(1)))
        do {
            _ = try runner.migrate(options: .init(transactionMode: .perRevision), plan: Self.remaining(Self.linear(2, failing: 2)))
            Issue.record("expected the third statement of r2 to fail")
        } catch let failure as RunFailure {
            #expect(failure.revision == "r2")
            #expect(failure.statement?.text == "INSERT INTO \"nope\" VALUES (1)")
            #expect(failure.statement?.origin?.description == "migrations/b_second.mig:9:3")
            #expect(failure.error.message.contains("nope"))
            #expect(failure.rolledBack)
            #expect(failure.report.applied.isEmpty)
        }
        #expect(try Self.tables(runner) == ["log", "t1"])
        #expect(try runner.store.heads() == ["r1"])
        #expect(try runner.store.history().map(\.revision) == ["r1"])
        #expect(try runner.driver.query("SELECT \"revision\" FROM \"log\" ORDER BY \"revision\"") == [["existing"], ["r1"]])
        #expect(!runner.driver.inTransaction)
    }

    @Test(arguments: Engine.transactional)
    func singleTransactionCommitsTheRevisionsBeforeTheFailure(engine: Engine) throws {
        let (_, runner) = try Self.prepare(engine)
        var progress: [String] = []
        do {
            _ = try runner.migrate(options: .init(transactionMode: .single), plan: Self.remaining(Self.linear(3, failing: 3)),
                                   progress: { progress.append($0.id) })
            Issue.record("expected r3 to fail")
        } catch let failure as RunFailure {
            #expect(failure.revision == "r3")
            #expect(failure.report.applied.map(\.id) == ["r1", "r2"])
        }
        #expect(progress == ["r1", "r2"])
        #expect(try Self.tables(runner) == ["log", "t1", "t2"])
        #expect(try runner.store.heads() == ["r2"])
        #expect(try runner.driver.query("SELECT \"revision\" FROM \"log\" ORDER BY \"revision\"") == [["existing"], ["r1"], ["r2"]])
        #expect(!runner.driver.inTransaction)
    }

    @Test(arguments: Engine.transactional, TransactionMode.allCases)
    func successfulRunRecordsEverything(engine: Engine, mode: TransactionMode) throws {
        let (_, runner) = try Self.prepare(engine)
        let report = try runner.migrate(options: .init(transactionMode: mode), plan: Self.remaining(Self.linear(3)))
        #expect(report.applied.map(\.id) == ["r1", "r2", "r3"])
        #expect(report.headsAfter == ["r3"])
        let history = try runner.store.history()
        #expect(history.map(\.revision) == ["r1", "r2", "r3"])
        #expect(history.map(\.direction) == ["up", "up", "up"])
        #expect(try runner.store.appliedChecksums() == ["r1": "sum1", "r2": "sum2", "r3": "sum3"])
        // Nothing left to do: a second run applies nothing.
        #expect(try runner.migrate(options: .init(transactionMode: mode), plan: Self.remaining(Self.linear(3))).applied.isEmpty)
    }

    @Test(arguments: Engine.transactional)
    func transactionOffKeepsEarlierStatements(engine: Engine) throws {
        let (_, runner) = try Self.prepare(engine)
        do {
            _ = try runner.migrate(options: .init(transactionMode: .perRevision), plan: Self.remaining(Self.linear(1, failing: 1, transactional: false)))
            Issue.record("expected failure")
        } catch let failure as RunFailure {
            #expect(!failure.rolledBack)
        }
        #expect(try Self.tables(runner) == ["log", "t1"])
        #expect(try runner.store.heads() == [])
    }

    @Test(arguments: Engine.transactional)
    func stampMovesOnlyTheVersionTable(engine: Engine) throws {
        let (_, runner) = try Self.prepare(engine)
        let result = try runner.stamp(options: .init(transactionMode: .perRevision), to: { _ in ["r2"] })
        #expect(result.before == [] && result.after == ["r2"])
        #expect(try runner.store.heads() == ["r2"])
        #expect(try runner.store.history().map(\.direction) == ["stamp"])
        #expect(try Self.tables(runner) == ["log"])
    }

    /// Two runners, each on its own connection and thread, migrate one database at
    /// once: the lock makes one wait, and every revision is applied exactly once.
    @Test(arguments: Engine.transactional)
    func concurrentRunnersApplyEachRevisionOnce(engine: Engine) throws {
        let (url, setup) = try Self.prepare(engine)
        setup.driver.close()
        let plan = Self.linear(8)
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let runner = try MigrationRunner(url: url, lockTimeout: 30)
                _ = try runner.migrate(options: .init(transactionMode: .perRevision), plan: Self.remaining(plan))
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let check = try MigrationRunner(url: url)
        let logged = try check.driver.query("SELECT \"revision\", count(*) FROM \"log\" GROUP BY \"revision\" ORDER BY \"revision\"")
        #expect(logged.count == 9)
        #expect(logged.allSatisfy { $0[1] == "1" })
        #expect(try check.store.heads() == ["r8"])
        #expect(try check.store.history().count == 8)
    }

    /// A runner that cannot get the lock gives up cleanly after the timeout.
    @Test(arguments: Engine.transactional)
    func lockTimeoutFailsCleanly(engine: Engine) throws {
        let (url, setup) = try Self.prepare(engine)
        setup.driver.close()
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let outcome = Mutex<String>("")
        let thread = Thread {
            do {
                let holder = try MigrationRunner(url: url)
                _ = try holder.migrate(options: .init(transactionMode: .perRevision), plan: { _ in
                    entered.signal()
                    release.wait()
                    return []
                })
            } catch {
                outcome.withLock { $0 = "holder failed: \(error)" }
            }
        }
        thread.start()
        entered.wait()
        defer { release.signal() }
        let waiter = try MigrationRunner(url: url, lockTimeout: 0.3)
        do {
            _ = try waiter.migrate(options: .init(transactionMode: .perRevision, lockTimeout: 0.3), plan: Self.remaining(Self.linear(1)))
            Issue.record("expected a lock timeout")
        } catch let error as RunnerError {
            #expect(error.message.contains("another migc is migrating this database"))
        }
        #expect(try waiter.store.heads() == [])
        #expect(outcome.withLock { $0 } == "")
    }
}
