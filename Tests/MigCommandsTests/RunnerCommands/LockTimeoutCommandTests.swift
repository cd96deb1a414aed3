import Foundation
import MigRunner
import Testing

/// `--lock-timeout`, `--retries`, `--retry-delay` and the header's `lock_timeout`
/// through the binary, against a SQLite file another connection holds the write
/// lock of (issue 15).
@Suite struct LockTimeoutCommandTests {
    static func project() throws -> RunnerProject {
        let p = try RunnerProject()
        try p.write("r1.mig", Mig.revision("r1", parent: nil, message: "one", upgrade: "  create table t {\n    id int primary key\n  }"))
        #expect(try p.migc("upgrade", "--quiet").status == 0)
        try p.write("r2.mig", Mig.revision("r2", parent: "r1", message: "two", upgrade: "  add column t.name text"))
        return p
    }

    @Test func eachRetryIsReportedAndTheLastFailureSaysWhy() throws {
        let p = try Self.project()
        defer { p.remove() }
        let holder = try DatabaseURL(parsing: "sqlite:" + p.databasePath).connect()
        try holder.execute("BEGIN IMMEDIATE")
        let r = try p.migc("upgrade", "--lock-timeout", "200ms", "--retries", "2", "--retry-delay", "50ms")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("revision r2: lock timeout on attempt 1 of 3; retrying the revision in 50 ms"), "\(r.stderr)")
        #expect(r.stderr.contains("revision r2: lock timeout on attempt 2 of 3; retrying the revision in 100 ms"), "\(r.stderr)")
        #expect(r.stderr.contains("gave up after 3 attempts"), "\(r.stderr)")
        try holder.execute("ROLLBACK")
        #expect(try p.versionRows() == ["r1"])
        #expect(try p.migc("upgrade", "--quiet").status == 0)
        #expect(try p.versionRows() == ["r2"])
    }

    /// The header's `lock_timeout` wins over the flag: with the flag at 1 h the run
    /// still gives up in well under a second per attempt.
    @Test func theHeaderLineWinsOverTheFlag() throws {
        let p = try Self.project()
        defer { p.remove() }
        try p.write("r2.mig", Mig.revision("r2", parent: "r1", message: "two", header: "lock_timeout 100ms\n", upgrade: "  add column t.name text"))
        let holder = try DatabaseURL(parsing: "sqlite:" + p.databasePath).connect()
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        let started = Date()
        let r = try p.migc("upgrade", "--lock-timeout", "1h", "--retries", "0")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func badDurationsAreRefused() throws {
        let p = try Self.project()
        defer { p.remove() }
        let r = try p.migc("upgrade", "--lock-timeout", "5 sec")
        #expect(r.status == 2)
        #expect(r.stderr.contains("expected a duration such as 5s, 200ms, 1min or off, not `5 sec`"), "\(r.stderr)")
        try "database = \"sqlite:app.db\"\ndir = \"migrations\"\n[runner]\nstatement_timeout = \"soon\"\n"
            .write(to: p.dir.appendingPathComponent("migc.toml"), atomically: true, encoding: .utf8)
        let config = try p.migc("upgrade")
        #expect(config.status == 2)
        #expect(config.stderr.contains("`runner.statement_timeout` must be a duration"), "\(config.stderr)")
    }
}
