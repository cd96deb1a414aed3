import Dispatch
import Foundation
import MigCore
import Synchronization
import Testing
@testable import MigRunner

/// Issue 15: per-revision lock timeouts and retries against a second session that
/// holds a lock on the table, on real PostgreSQL, MariaDB and SQLite. Timeouts are
/// 200 ms (MariaDB: 1 s, its smallest) so the suite stays quick.
@Suite(.serialized) struct LockRetryTests {
    /// Another session's connection, handed to the thread that lets its lock go.
    final class Holder: @unchecked Sendable {
        let driver: any DatabaseDriver
        init(_ driver: any DatabaseDriver) { self.driver = driver }
        func release() { try? driver.execute("ROLLBACK") }
    }

    /// Retries seen, and a release of the holder after the first one.
    final class Retries: Sendable {
        let seen = Mutex<[LockRetry]>([])
        let firstRetry = DispatchSemaphore(value: 0)
        func record(_ retry: LockRetry) {
            let count = seen.withLock { $0.append(retry); return $0.count }
            if count == 1 { firstRetry.signal() }
        }
        var all: [LockRetry] { seen.withLock { $0 } }

        /// Lets `holder` go once the first attempt has failed; wait on the result.
        func releaseAfterFirstRetry(_ holder: Holder) -> DispatchSemaphore {
            let released = DispatchSemaphore(value: 0)
            let first = firstRetry
            Thread {
                if first.wait(timeout: .now() + 60) == .success { holder.release() }
                released.signal()
            }.start()
            return released
        }
    }

    static func files(header: String = "lock_timeout 200ms") -> [String: String] {
        [
            "a.mig": """
                revision a1
                message "busy table"
                upgrade {
                  create table busy {
                    x int
                  }
                }
                """,
            "b.mig": """
                revision b1
                parent a1
                message "alter it"
                \(header)
                upgrade {
                  create table side {
                    id int
                  }
                  add column busy.y int
                }
                """,
            "c.mig": """
                revision c1
                parent b1
                message "index it"
                transaction off
                lock_timeout 200ms
                upgrade {
                  create index busy_x on busy (x) concurrently
                }
                """,
        ]
    }

    static func migrator(_ url: DatabaseURL, header: String = "lock_timeout 200ms") throws -> Migrator {
        let migrator = try Migrator(project: try PostgresDriftTests.project(files(header: header)), url: url)
        _ = try migrator.upgrade(to: "a1", options: .init(transactionMode: .perRevision, fold: false))
        return migrator
    }

    static func options(_ retries: Retries, count: Int, mode: TransactionMode = .perRevision, lock: Int? = nil) -> Migrator.Options {
        var options = Migrator.Options(transactionMode: mode, fold: false)
        options.timeouts = RunTimeouts(
            lockTimeout: lock.map { TimeoutDuration(milliseconds: $0) } ?? RunTimeouts.defaultLockTimeout,
            retries: count, retryDelay: TimeoutDuration(milliseconds: 50), onRetry: { retries.record($0) })
        return options
    }

    // MARK: PostgreSQL

    /// The ALTER times out behind a reader's ACCESS SHARE lock, the revision is
    /// retried, and it succeeds once the reader lets go; the retry names the reader.
    @Test(arguments: TransactionMode.allCases)
    func postgresRetriesTheRevisionUntilTheLockIsReleased(mode: TransactionMode) throws {
        let url = try PostgresCluster.freshDatabase()
        let migrator = try Self.migrator(url)
        let holder = Holder(try url.connect())
        try holder.driver.execute("BEGIN")
        _ = try holder.driver.query("SELECT * FROM busy")
        let retries = Retries()
        let released = retries.releaseAfterFirstRetry(holder)
        let report = try migrator.upgrade(to: "b1", options: Self.options(retries, count: 3, mode: mode))
        released.wait()
        #expect(report.applied.map(\.id) == ["b1"])
        let seen = retries.all
        #expect(seen.count >= 1)
        #expect(seen.first?.statementOnly == false)
        #expect(seen.first?.error.code == "55P03")
        #expect(seen.first?.blockers.first?.contains("AccessShareLock on busy") == true, "\(seen.first?.blockers ?? [])")
        #expect(try migrator.appliedHeads() == ["b1"])
        #expect(try migrator.drift().differences.isEmpty)
    }

    /// With the lock held past the last attempt: rolled back whole (no `side`
    /// table), the version table at a1, the failure names the holder's pid. The
    /// header's 200 ms wins over the run's 5 s.
    @Test func postgresGivesUpCleanlyNamingTheBlocker() throws {
        let url = try PostgresCluster.freshDatabase()
        let migrator = try Self.migrator(url)
        let holder = try url.connect()
        let pid = try holder.scalar("SELECT pg_backend_pid()") ?? "?"
        try holder.execute("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE")
        defer { try? holder.execute("ROLLBACK") }
        let retries = Retries()
        let started = Date()
        do {
            _ = try migrator.upgrade(to: "b1", options: Self.options(retries, count: 2))
            Issue.record("expected b1 to give up on the lock")
        } catch let failure as RunFailure {
            #expect(failure.error.code == "55P03")
            #expect(failure.attempts == 3)
            #expect(failure.rolledBack)
            #expect(failure.blockers.contains { $0.hasPrefix("pid \(pid) ") && $0.contains("AccessShareLock on busy") }, "\(failure.blockers)")
        }
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(retries.all.map(\.attempt) == [1, 2])
        #expect(try migrator.appliedHeads() == ["a1"])
        #expect(try migrator.driver.query("SELECT to_regclass('side')::text") == [[nil]])
    }

    /// `transaction off`: CREATE INDEX CONCURRENTLY waits for a writer's open
    /// transaction, times out leaving an INVALID index, which the runner drops
    /// before running the statement again; the index ends up valid.
    @Test func postgresRetriesAConcurrentIndexAfterDroppingTheInvalidLeftover() throws {
        let url = try PostgresCluster.freshDatabase()
        let migrator = try Self.migrator(url)
        _ = try migrator.upgrade(to: "b1", options: .init(transactionMode: .perRevision, fold: false))
        let holder = Holder(try url.connect())
        try holder.driver.execute("BEGIN; INSERT INTO busy (x) VALUES (1)")
        let retries = Retries()
        let released = retries.releaseAfterFirstRetry(holder)
        let report = try migrator.upgrade(to: "c1", options: Self.options(retries, count: 3))
        released.wait()
        #expect(report.applied.map(\.id) == ["c1"])
        #expect(retries.all.first?.statementOnly == true)
        let valid = try migrator.driver.query("""
            SELECT c.relname, i.indisvalid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'busy%'
            """)
        #expect(valid == [["busy_x", "true"]])
        #expect(try migrator.drift().differences.isEmpty)
    }

    /// `statement_timeout` in the header bounds a slow statement; a statement
    /// timeout is not a lock timeout, so it is not retried.
    @Test func postgresStatementTimeoutStopsASlowStatementWithoutRetrying() throws {
        let project = try PostgresDriftTests.project(["a.mig": """
            revision a1
            message "slow"
            statement_timeout 200ms
            upgrade {
              create table t {
                id int
              }
              sql "SELECT pg_sleep(5)" reverse "SELECT 1"
            }
            """])
        let migrator = try Migrator(project: project, url: try PostgresCluster.freshDatabase())
        let retries = Retries()
        let started = Date()
        do {
            _ = try migrator.upgrade(to: "head", options: Self.options(retries, count: 3))
            Issue.record("expected the statement timeout")
        } catch let failure as RunFailure {
            #expect(failure.error.code == "57014")
            #expect(failure.attempts == 1)
            #expect(failure.rolledBack)
        }
        #expect(Date().timeIntervalSince(started) < 4)
        #expect(retries.all.isEmpty)
        #expect(try migrator.appliedHeads() == [])
    }

    /// A `-c lock_timeout=...` in the URL stays when nothing else set one; the run's
    /// value replaces it otherwise.
    @Test func postgresURLOptionsKeepTheirLockTimeout() throws {
        var url = try PostgresCluster.freshDatabase()
        guard case .postgres(var pg) = url.target else { return }
        pg.options.append(.init(key: "options", value: "-c lock_timeout=150"))
        url = DatabaseURL(.postgres(pg))
        let project = try PostgresDriftTests.project(Self.files())
        for keep in [true, false] {
            let migrator = try Migrator(project: project, url: url)
            var options = Migrator.Options(transactionMode: .perRevision, fold: false)
            options.timeouts.keepsSessionLockTimeout = keep
            _ = try migrator.upgrade(to: keep ? "a1" : "b1", options: options)
            #expect(try migrator.driver.scalar("SHOW lock_timeout") == (keep ? "150ms" : "5s"))
        }
    }

    // MARK: MariaDB

    /// MariaDB: the ALTER waits for the metadata lock of a reader's open
    /// transaction (lock_wait_timeout, whole seconds), is retried, and succeeds
    /// once the reader commits; held past the attempts, it fails naming open
    /// transactions, and the database stays at a1.
    @Test func mariadbRetriesOnTheMetadataLock() throws {
        let url = try ScratchMySQL.freshDatabase()
        let migrator = try Self.migrator(url)
        let holder = Holder(try url.connect())
        try holder.driver.execute("BEGIN")
        _ = try holder.driver.query("SELECT * FROM busy")
        let failing = Retries()
        do {
            _ = try migrator.upgrade(to: "b1", options: Self.options(failing, count: 1))
            Issue.record("expected b1 to give up on the metadata lock")
        } catch let failure as RunFailure {
            #expect(failure.error.code?.hasPrefix("1205/") == true, "\(failure.error)")
            #expect(failure.attempts == 2)
            #expect(!failure.blockers.isEmpty)
        }
        #expect(try migrator.appliedHeads() == ["a1"])
        let retries = Retries()
        let released = retries.releaseAfterFirstRetry(holder)
        let report = try migrator.upgrade(to: "b1", options: Self.options(retries, count: 3))
        released.wait()
        #expect(report.applied.map(\.id) == ["b1"])
        #expect(retries.all.first?.statementOnly == true)
        #expect(try migrator.drift().differences.isEmpty)
    }

    // MARK: SQLite

    /// SQLite: another connection's write transaction makes BEGIN IMMEDIATE wait
    /// out the busy timeout; the revision is retried and applies once it commits.
    @Test(arguments: TransactionMode.allCases)
    func sqliteRetriesOnTheBusyTimeout(mode: TransactionMode) throws {
        let url = SQLiteFiles.fresh()
        let migrator = try Self.migrator(url)
        let holder = Holder(try url.connect())
        try holder.driver.execute("BEGIN IMMEDIATE")
        let retries = Retries()
        let released = retries.releaseAfterFirstRetry(holder)
        let report = try migrator.upgrade(to: "b1", options: Self.options(retries, count: 3, mode: mode))
        released.wait()
        #expect(report.applied.map(\.id) == ["b1"])
        #expect(retries.all.first?.error.code == "SQLITE_BUSY")
        #expect(try migrator.appliedHeads() == ["b1"])
    }

    @Test func sqliteGivesUpCleanly() throws {
        let url = SQLiteFiles.fresh()
        let migrator = try Self.migrator(url)
        let holder = try url.connect()
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        let retries = Retries()
        #expect(throws: (any Error).self) {
            _ = try migrator.upgrade(to: "b1", options: Self.options(retries, count: 1))
        }
        #expect(retries.all.count == 1)
        try holder.execute("ROLLBACK")
        #expect(try migrator.appliedHeads() == ["a1"])
    }

    // MARK: Retry safety

    @Test func whatRunsAgainOutsideATransaction() {
        let index = Operation.createIndex(CreateIndex(name: Identifier("i"), table: Identifier("t"), columns: [IndexColumn(name: Identifier("x"))], concurrently: true))
        #expect(RetrySafety.of(index) == .afterDroppingInvalidIndex("i"))
        func sql(_ text: String) -> RetrySafety { RetrySafety.of(.sql(RawSQL(text: StringLiteral(text)))) }
        #expect(sql("CREATE TABLE IF NOT EXISTS t (x int); DROP VIEW IF EXISTS v; CREATE OR REPLACE VIEW v AS SELECT 1").isSafe)
        #expect(!sql("UPDATE t SET x = 1").isSafe)
        #expect(!sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (x)").isSafe)
        #expect(!sql("BEGIN; CREATE TABLE IF NOT EXISTS t (x int); COMMIT").isSafe)
    }

    @Test func durationsParseAndPrint() {
        #expect(TimeoutDuration.parse("200ms")?.milliseconds == 200)
        #expect(TimeoutDuration.parse("1.5s")?.milliseconds == 1_500)
        #expect(TimeoutDuration.parse("2min")?.milliseconds == 120_000)
        #expect(TimeoutDuration.parse("30")?.milliseconds == 30_000)
        #expect(TimeoutDuration.parse("off") == .off)
        #expect(TimeoutDuration.parse("5 sec") == nil)
        #expect(TimeoutDuration.parse("-1s") == nil)
        #expect(TimeoutDuration.parse("30d") == nil)
        #expect(TimeoutDuration(milliseconds: 1_500).description == "1500ms")
        #expect(TimeoutDuration(milliseconds: 120_000).description == "2min")
        #expect(TimeoutSQL.statements(lock: .init(milliseconds: 200), statement: .init(milliseconds: 1_500), server: .mariadb, local: false)
            == ["SET SESSION lock_wait_timeout = 1", "SET SESSION max_statement_time = 1.500"])
        #expect(TimeoutSQL.statements(lock: .init(milliseconds: 200), statement: .off, server: .postgres, local: true)
            == ["SET LOCAL lock_timeout = 200", "SET LOCAL statement_timeout = 0"])
    }
}
