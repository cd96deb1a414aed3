import Dispatch
import Foundation
import MigCore
import Synchronization
import Testing
@testable import MigRunner

/// Issue 10: a revision's own SQL that ends migc's transaction, and DDL queued
/// behind another session's lock, on real databases.
@Suite struct TransactionSafetyTests {
    static func unit(_ id: String, parent: String?, _ statements: [String]) -> PlannedRevision {
        PlannedRevision(
            id: id, message: id, direction: .up, statements: statements.map { SQLStatement($0) },
            removedHeads: parent.map { [$0] } ?? [], addedHeads: [id], history: [(id, nil)])
    }

    static func prepare(_ engine: Engine) throws -> MigrationRunner {
        let runner = try MigrationRunner(url: try engine.freshDatabase())
        try runner.driver.execute("CREATE TABLE log (x INTEGER)")
        return runner
    }

    static func logged(_ runner: MigrationRunner) throws -> [String] {
        try runner.driver.query("SELECT x FROM log ORDER BY x").compactMap { $0[0] }
    }

    /// Before: PostgreSQL ran the rest in autocommit and reported success; SQLite
    /// failed at RELEASE and said "rolled back whole" with rows committed.
    // MySQL commits DDL by itself: its partial revisions are MySQLRunnerTests'.
    @Test(arguments: Engine.transactional, TransactionMode.allCases)
    func aCommitInTheRevisionStopsItAndSaysWhatIsCommitted(engine: Engine, mode: TransactionMode) throws {
        let runner = try Self.prepare(engine)
        let plan = [
            Self.unit("r1", parent: nil, ["INSERT INTO log VALUES (1)"]),
            Self.unit("r2", parent: "r1", ["INSERT INTO log VALUES (2)", "INSERT INTO log VALUES (3); COMMIT", "INSERT INTO log VALUES (4)"]),
        ]
        do {
            _ = try runner.migrate(options: .init(transactionMode: mode), plan: { _ in plan })
            Issue.record("expected r2 to stop at its COMMIT")
        } catch let failure as RunFailure {
            #expect(failure.revision == "r2")
            #expect(failure.transactionEndedBy?.keyword == "COMMIT")
            #expect(!failure.rolledBack)
            #expect(failure.report.applied.map(\.id) == ["r1"])
            #expect(failure.undoneEarlier.isEmpty)
        }
        #expect(try Self.logged(runner) == ["1", "2", "3"])
        #expect(try runner.store.heads() == ["r1"])
        #expect(!runner.driver.inTransaction)
    }

    // MySQL commits DDL by itself: its partial revisions are MySQLRunnerTests'.
    @Test(arguments: Engine.transactional, TransactionMode.allCases)
    func aRollbackInTheRevisionIsReportedAsSuch(engine: Engine, mode: TransactionMode) throws {
        let runner = try Self.prepare(engine)
        let plan = [
            Self.unit("r1", parent: nil, ["INSERT INTO log VALUES (1)"]),
            Self.unit("r2", parent: "r1", ["INSERT INTO log VALUES (2)", "ROLLBACK", "INSERT INTO log VALUES (4)"]),
        ]
        do {
            _ = try runner.migrate(options: .init(transactionMode: mode), plan: { _ in plan })
            Issue.record("expected r2 to stop at its ROLLBACK")
        } catch let failure as RunFailure {
            #expect(failure.transactionEndedBy?.keyword == "ROLLBACK")
            #expect(failure.rolledBack)
            // One transaction for the run: the ROLLBACK took r1 with it.
            #expect(failure.undoneEarlier == (mode == .single ? ["r1"] : []))
        }
        #expect(try Self.logged(runner) == (mode == .single ? [] : ["1"]))
        #expect(try runner.store.heads() == (mode == .single ? [] : ["r1"]))
    }

    /// `--lock-timeout` bounds DDL waiting behind another session's lock on
    /// PostgreSQL (`lock_timeout`), not only the wait for migc's own lock. Before, the
    /// ALTER waited for ever; here the holder lets go after 30 s so the test ends.
    @Test func ddlBehindAnotherSessionsLockGivesUpAfterTheLockTimeout() throws {
        let url = try PostgresCluster.freshDatabase()
        let holder = try url.connect()
        try holder.execute("CREATE TABLE busy (x integer)")
        try holder.execute("BEGIN")
        _ = try holder.query("SELECT * FROM busy")  // ACCESS SHARE until the holder commits
        let outcome = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let started = Date()
        Thread {
            defer { done.signal() }
            do {
                let runner = try MigrationRunner(url: url, lockTimeout: 1)
                let plan = [Self.unit("r1", parent: nil, ["ALTER TABLE busy ADD COLUMN y integer"])]
                _ = try runner.migrate(
                    options: .init(transactionMode: .perRevision, lockTimeout: 1, timeouts: RunTimeouts(lockTimeout: .init(milliseconds: 1_000), retries: 0)),
                    plan: { _ in plan })
                outcome.withLock { $0 = "applied" }
            } catch let failure as RunFailure {
                outcome.withLock { $0 = failure.error.code }
            } catch {
                outcome.withLock { $0 = "\(error)" }
            }
        }.start()
        if done.wait(timeout: .now() + 30) == .timedOut {
            Issue.record("the ALTER waited more than 30 s behind another session's lock with --lock-timeout 1")
            try holder.execute("ROLLBACK")
            done.wait()
        }
        #expect(outcome.withLock { $0 } == "55P03")  // lock_not_available
        #expect(Date().timeIntervalSince(started) < 15)
        try holder.execute("ROLLBACK")
        #expect(try holder.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'busy'") == [["1"]])
    }

    /// A failed `CREATE INDEX CONCURRENTLY` leaves an INVALID index; the failure names it.
    @Test func aFailedConcurrentIndexNamesTheInvalidIndexItLeft() throws {
        let runner = try MigrationRunner(url: try PostgresCluster.freshDatabase())
        try runner.driver.execute("CREATE TABLE dup (x integer); INSERT INTO dup VALUES (1), (1)")
        let plan = [PlannedRevision(
            id: "r1", message: "r1", direction: .up, statements: [SQLStatement("CREATE UNIQUE INDEX CONCURRENTLY \"dup_x_key\" ON \"dup\" (\"x\")")],
            transactional: false, removedHeads: [], addedHeads: ["r1"], history: [("r1", nil)])]
        do {
            _ = try runner.migrate(options: .init(transactionMode: .perRevision), plan: { _ in plan })
            Issue.record("expected the unique index to fail on duplicates")
        } catch let failure as RunFailure {
            #expect(failure.error.code == "23505")
            #expect(failure.invalidIndexes == ["dup_x_key"])
        }
    }
}
