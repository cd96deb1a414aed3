import Dispatch
import Foundation
import MigCore
import Synchronization
import Testing
@testable import MigRunner

/// The runner on MariaDB, where DDL commits statement by statement: what a failure
/// half-way through a revision leaves, resuming it, undoing it, and the lock.
@Suite struct MySQLRunnerTests {
    /// A history on disk: r1 creates `a`; r2 creates `b`, `c` and `d` (the third
    /// op failing when `failing` is set: `d` references a missing table).
    static func project(failing: Bool) throws -> (String, RevisionGraph) {
        let dir = NSTemporaryDirectory() + "migc-mysql-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "revision r1\nmessage \"a\"\n\nupgrade {\n  create table a {\n    id int primary key\n  }\n}\n"
            .write(toFile: dir + "/r1.mig", atomically: true, encoding: .utf8)
        let target = failing ? "nowhere" : "a"
        try """
            revision r2
            parent r1
            message "b c d"

            upgrade {
              create table b {
                id int primary key
              }
              create table c {
                id int primary key
              }
              sql "CREATE TABLE d (id INT PRIMARY KEY, a_id INT, FOREIGN KEY (a_id) REFERENCES \(target) (id))" reverse "DROP TABLE d"
            }

            """.write(toFile: dir + "/r2.mig", atomically: true, encoding: .utf8)
        let loaded = ProjectLoader.load(directory: dir)
        let (graph, diagnostics) = loaded.buildGraph()
        #expect(!diagnostics.hasErrors)
        return (dir, graph)
    }

    static func upgrade(_ runner: MigrationRunner, _ graph: RevisionGraph, undoPartial: Bool = false) throws -> RunReport {
        try runner.migrate(options: .init(transactionMode: .perRevision, undoPartial: undoPartial), plan: { heads in
            let steps = try RangePlanner.steps(.up, to: "head", from: heads, in: graph)
            return try MigrationPlanner.revisions(for: steps, in: graph).map { PlannedRevision($0, direction: .up, dialect: .mysql) }
        })
    }

    static func tables(_ runner: MigrationRunner) throws -> [String] {
        try Introspector.schema(of: runner.driver).tables.keys.sorted()
    }

    static func progressRows(_ runner: MigrationRunner) throws -> [Row] {
        try runner.driver.query("SELECT revision, direction, position FROM migc_progress ORDER BY position")
    }

    /// Fails at r2's third statement: r1 stays whole, r2's first two statements stay
    /// (reported as ran), the third is the failure, the version table says r1.
    static func failHalfWay() throws -> (MigrationRunner, String, RunFailure) {
        let (dir, graph) = try project(failing: true)
        let runner = try MigrationRunner(url: try ScratchMySQL.freshDatabase())
        do {
            _ = try upgrade(runner, graph)
            Issue.record("expected r2 to fail")
            throw CancellationError()
        } catch let failure as RunFailure {
            return (runner, dir, failure)
        }
    }

    @Test func failureReportsWhatRanAndWhatDidNot() throws {
        let (runner, _, failure) = try Self.failHalfWay()
        #expect(failure.revision == "r2")
        #expect(!failure.rolledBack)
        #expect(failure.report.applied.map(\.id) == ["r1"])
        let partial = try #require(failure.partial)
        #expect(partial.ran.map(\.text).map { $0.hasPrefix("CREATE TABLE `b`") || $0.hasPrefix("CREATE TABLE `c`") } == [true, true])
        #expect(partial.failed?.text.contains("REFERENCES nowhere") == true)
        #expect(partial.notRun.isEmpty)
        #expect(partial.undo?.map(\.text) == ["DROP TABLE `c`", "DROP TABLE `b`"])
        #expect(try runner.store.heads() == ["r1"])
        #expect(try Self.tables(runner) == ["a", "b", "c"])
        #expect(try Self.progressRows(runner) == [["r2", "up", "1"], ["r2", "up", "2"]])
    }

    @Test func upgradeAfterTheFixResumesAtTheFailedStatement() throws {
        let (runner, dir, _) = try Self.failHalfWay()
        // The fix: r2's third op now references `a`; the first two are unchanged.
        let text = try String(contentsOfFile: dir + "/r2.mig", encoding: .utf8).replacingOccurrences(of: "nowhere", with: "a")
        try text.write(toFile: dir + "/r2.mig", atomically: true, encoding: .utf8)
        let (graph, _) = ProjectLoader.load(directory: dir).buildGraph()
        let report = try Self.upgrade(runner, graph)
        #expect(report.applied.map(\.id) == ["r2"])
        #expect(try runner.store.heads() == ["r2"])
        #expect(try Self.tables(runner) == ["a", "b", "c", "d"])
        #expect(try Self.progressRows(runner).isEmpty)
        #expect(try runner.store.history().map(\.revision) == ["r1", "r2"])
    }

    @Test func aChangedStatementBeforeTheStopIsRefused() throws {
        let (runner, dir, _) = try Self.failHalfWay()
        let text = try String(contentsOfFile: dir + "/r2.mig", encoding: .utf8)
            .replacingOccurrences(of: "create table c {", with: "create table cc {")
        try text.write(toFile: dir + "/r2.mig", atomically: true, encoding: .utf8)
        let (graph, _) = ProjectLoader.load(directory: dir).buildGraph()
        do {
            _ = try Self.upgrade(runner, graph)
            Issue.record("expected a refusal")
        } catch let error as RunnerError {
            #expect(error.message.contains("stopped after statement 2"))
            #expect(error.message.contains("statement 2 is no longer the one that ran"))
        }
        #expect(try Self.tables(runner) == ["a", "b", "c"])
        #expect(try Self.progressRows(runner).count == 2)
    }

    @Test func undoPartialRunsTheInverseOfWhatRan() throws {
        let (runner, dir, _) = try Self.failHalfWay()
        let (graph, _) = ProjectLoader.load(directory: dir).buildGraph()
        let report = try Self.upgrade(runner, graph, undoPartial: true)
        #expect(report.applied.isEmpty)
        #expect(report.undonePartial?.revision == "r2")
        #expect(report.undonePartial?.ranStatements == 2)
        #expect(try Self.tables(runner) == ["a"])
        #expect(try Self.progressRows(runner).isEmpty)
        #expect(try runner.store.heads() == ["r1"])
        // Nothing left to undo.
        #expect(throws: RunnerError.self) { _ = try Self.upgrade(runner, graph, undoPartial: true) }
    }

    @Test func anotherRunCannotStartWhileARevisionIsStopped() throws {
        let (runner, _, _) = try Self.failHalfWay()
        do {
            _ = try runner.migrate(options: .init(transactionMode: .perRevision), plan: { _ in
                [PlannedRevision(id: "x", message: "x", direction: .down, statements: [SQLStatement("SELECT 1")], removedHeads: ["r1"], addedHeads: [], history: [("x", nil)])]
            })
            Issue.record("expected a refusal")
        } catch let error as RunnerError {
            #expect(error.message.contains("revision r2 stopped after 2 statements of its upgrade"))
        }
    }

    /// A runner killed while r2's second statement ran, after it took effect: its
    /// row is still `finished = 0`. The next run retries it, fails (`already
    /// exists`), and says how to mark it run; marked, the run resumes after it.
    @Test func aStatementInterruptedByAKillIsReportedAsUnknown() throws {
        let (_, graph) = try Self.project(failing: false)
        let runner = try MigrationRunner(url: try ScratchMySQL.freshDatabase())
        _ = try runner.migrate(options: .init(transactionMode: .perRevision), plan: { heads in
            let steps = try RangePlanner.steps(.up, to: "r1", from: heads, in: graph)
            return try MigrationPlanner.revisions(for: steps, in: graph).map { PlannedRevision($0, direction: .up, dialect: .mysql) }
        })
        let r2 = try MigrationPlanner.revisions(for: RangePlanner.steps(.up, to: "r2", from: ["r1"], in: graph), in: graph)
            .map { PlannedRevision($0, direction: .up, dialect: .mysql) }[0]
        // What a kill -9 right after statement 2 committed leaves behind.
        let journal = StatementProgress(driver: runner.driver)
        for (i, statement) in r2.statements.prefix(2).enumerated() {
            try journal.start("r2", .up, position: i + 1, statement: statement)
            try runner.driver.execute(statement.text)
        }
        try journal.finish("r2", .up, position: 1)

        #expect(throws: RunnerError.self) { _ = try Self.upgrade(runner, graph, undoPartial: true) }
        let mark: String
        do {
            _ = try Self.upgrade(runner, graph)
            Issue.record("expected statement 2 to fail again")
            return
        } catch let failure as RunFailure {
            #expect(failure.error.message.contains("already exists"))
            #expect(failure.partial?.ran.count == 1)
            mark = try #require(failure.partial?.interruptedEarlier)
        }
        #expect(mark == "UPDATE `migc_progress` SET `finished` = 1 WHERE `revision` = 'r2' AND `direction` = 'up' AND `position` = 2")
        #expect(try Self.progressRows(runner).count == 2, "the unknown row stays")
        try runner.driver.execute(mark)
        #expect(try Self.upgrade(runner, graph).applied.map(\.id) == ["r2"])
        #expect(try Self.tables(runner) == ["a", "b", "c", "d"])
        #expect(try Self.progressRows(runner).isEmpty)
    }

    /// Several runners at once on one database: GET_LOCK makes them take turns, and
    /// each revision is applied exactly once.
    @Test func concurrentRunnersApplyEachRevisionOnce() throws {
        let url = try ScratchMySQL.freshDatabase()
        let setup = try url.connect()
        try setup.execute("CREATE TABLE log (revision VARCHAR(20))")
        let plan: [PlannedRevision] = (1...6).map { i in
            PlannedRevision(
                id: "r\(i)", message: "r\(i)", direction: .up,
                statements: [SQLStatement("CREATE TABLE t\(i) (x INT)"), SQLStatement("INSERT INTO log VALUES ('r\(i)')")],
                removedHeads: i == 1 ? [] : ["r\(i - 1)"], addedHeads: ["r\(i)"], history: [("r\(i)", "sum\(i)")])
        }
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let runner = try MigrationRunner(url: url, lockTimeout: 60)
                _ = try runner.migrate(options: .init(transactionMode: .perRevision, lockTimeout: 60)) { heads in
                    guard let head = heads.first, let i = plan.firstIndex(where: { $0.id == head }) else { return plan }
                    return Array(plan[(i + 1)...])
                }
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let logged = try setup.query("SELECT revision, count(*) FROM log GROUP BY revision ORDER BY revision")
        #expect(logged.map { $0[1] } == Array(repeating: "1", count: 6))
        #expect(try VersionStore(driver: setup).heads() == ["r6"])
    }

    @Test func lockTimeoutFailsCleanly() throws {
        let url = try ScratchMySQL.freshDatabase()
        let holder = try url.connect()
        let name = try MigrationLock.mysqlLockName(holder)
        #expect(try holder.scalar("SELECT GET_LOCK($1, 0)", [name]) == "1")
        let waiter = try MigrationRunner(url: url, lockTimeout: 1)
        do {
            _ = try waiter.migrate(options: .init(transactionMode: .perRevision, lockTimeout: 1), plan: { _ in [] })
            Issue.record("expected a lock timeout")
        } catch let error as RunnerError {
            #expect(error.message.contains("another migc is migrating this database"))
        }
        holder.close()  // a closed session's named locks are released
        _ = try waiter.migrate(options: .init(transactionMode: .perRevision, lockTimeout: 5), plan: { _ in [] })
    }
}
