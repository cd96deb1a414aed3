import Foundation
import Testing

/// `migc build` end to end on the sql fixtures: the script runs in sqlite3 and
/// leaves the version table where the range ends.
@Suite struct BuildCommandTests {
    static func fixture(_ name: String) -> String {
        CLI.packageRoot.appendingPathComponent("Tests/Fixtures/sql/\(name)").path
    }

    static func sqlite(_ db: URL, _ script: String) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db.path]
        let input = db.deletingLastPathComponent().appendingPathComponent("in-\(UUID().uuidString).sql")
        try script.write(to: input, atomically: true, encoding: .utf8)
        process.standardInput = try FileHandle(forReadingFrom: input)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func upgradeInStepsThenDowngradeToBase() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("app.db")
        let first = try CLI.run(["build", "--dir", Self.fixture("drop_column"), "--to", "a2", "-o", dir.appendingPathComponent("a.sql").path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.sqlite(db, String(contentsOf: dir.appendingPathComponent("a.sql"), encoding: .utf8)).status == 0)
        let rest = try CLI.run(["build", "--dir", Self.fixture("drop_column"), "--from", "a2"])
        #expect(rest.status == 0)
        #expect(!rest.stdout.contains("CREATE TABLE IF NOT EXISTS \"migc_version\""), "only a range from base creates the version tables")
        #expect(try Self.sqlite(db, rest.stdout).status == 0)
        #expect(try Self.sqlite(db, "SELECT revision FROM migc_version; SELECT count(*) FROM items;").stdout == "a3\n2\n")
        let down = try CLI.run(["build", "--dir", Self.fixture("drop_column"), "--down"])
        #expect(down.status == 0)
        #expect(down.stdout.contains("-- downgrade"))
        #expect(try Self.sqlite(db, down.stdout).status == 0)
        #expect(try Self.sqlite(db, "SELECT count(*) FROM migc_version; SELECT direction FROM migc_history ORDER BY id;").stdout == "0\nup\nup\nup\ndown\ndown\ndown\n")
    }

    @Test func dialectsAndUsageErrors() throws {
        let pg = try CLI.run(["build", "--dir", Self.fixture("indexes"), "--dialect", "postgres"])
        #expect(pg.status == 0)
        #expect(pg.stdout.contains("CREATE INDEX CONCURRENTLY \"posts_slug_title_idx\""))
        #expect(pg.stderr.contains("MIG803"), "concurrently inside a transaction is reported")
        let my = try CLI.run(["build", "--dir", Self.fixture("indexes"), "--dialect", "mysql"])
        #expect(my.status == 0)
        #expect(my.stderr.contains("MIG801") && my.stderr.contains("MIG802"))
        #expect(!my.stdout.contains("BEGIN;"))
        let bad = try CLI.run(["build", "--dir", Self.fixture("indexes"), "--dialect", "oracle"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown dialect `oracle`"))
        let unknown = try CLI.run(["build", "--dir", Self.fixture("indexes"), "--to", "zz"])
        #expect(unknown.status == 2)
    }

    @Test func refusesAnIrreversibleDowngrade() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            revision r1
            message "raw"

            upgrade {
              sql \"\"\"CREATE TABLE t (x INTEGER)\"\"\"
            }
            """.write(to: dir.appendingPathComponent("r1.mig"), atomically: true, encoding: .utf8)
        let up = try CLI.run(["build", "--dir", dir.path])
        #expect(up.status == 0)
        let down = try CLI.run(["build", "--dir", dir.path, "--down"])
        #expect(down.status == 1)
        #expect(down.stderr.contains("cannot build a downgrade past revision r1"))
        #expect(down.stdout.isEmpty)
    }

    @Test func refusesAHistoryWithErrors() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            revision r1
            message "drop a table that does not exist"

            upgrade {
              drop table ghosts
            }
            """.write(to: dir.appendingPathComponent("r1.mig"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["build", "--dir", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("ghosts"))
        #expect(r.stdout.isEmpty)
    }
}
