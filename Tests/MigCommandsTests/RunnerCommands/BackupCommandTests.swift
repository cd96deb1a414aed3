import Foundation
import Testing

/// `migc upgrade|downgrade --backup` on a SQLite file, through the binary: the
/// printed restore command brings back a table a revision dropped with its rows.
@Suite struct BackupCommandTests {
    static func project(config: String = "") throws -> RunnerProject {
        let p = try RunnerProject(runner: "")
        if !config.isEmpty {
            let toml = "database = \"sqlite:app.db\"\ndir = \"migrations\"\n" + config
            try toml.write(to: p.dir.appendingPathComponent("migc.toml"), atomically: true, encoding: .utf8)
        }
        try p.write("f1_create.mig", Mig.revision("f1", parent: nil, message: "create keep_me", upgrade: "create table keep_me {\n  id bigint primary key\n  name text not null\n}"))
        try p.write("f2_drop.mig", Mig.revision("f2", parent: "f1", message: "drop keep_me", upgrade: "-- migc:allow MIG102 - on purpose\ndrop table keep_me"))
        #expect(try p.migc("upgrade", "f1", "--quiet").status == 0)
        _ = try p.sqlite("INSERT INTO keep_me VALUES (1, 'ada'), (2, 'grace')")
        return p
    }

    /// The `restore with:` command `out` printed.
    static func restoreCommand(_ out: String) throws -> String {
        let line = try #require(out.split(separator: "\n").first { $0.hasPrefix("  restore with: ") })
        return String(line.dropFirst("  restore with: ".count))
    }

    static func shell(_ command: String, in dir: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = dir
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func backUpDropRestore() throws {
        let p = try Self.project()
        defer { p.remove() }
        let r = try p.migc("upgrade", "--backup-to", "before-f2.db")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("backup: before-f2.db ("))
        #expect(r.stdout.contains("SQLite online backup)\n"))
        let restore = try Self.restoreCommand(r.stdout)
        #expect(restore == "sqlite3 app.db '.restore \"before-f2.db\"'")
        #expect(try p.rows("SELECT name FROM sqlite_master WHERE name = 'keep_me'").isEmpty)
        #expect(try Self.shell(restore, in: p.dir) == 0)
        #expect(try p.rows("SELECT name FROM keep_me ORDER BY id") == ["ada", "grace"])
        #expect(try p.versionRows() == ["f1"])
    }

    @Test func attachedPathForm() throws {
        let p = try Self.project()
        defer { p.remove() }
        let r = try p.migc("upgrade", "--backup=attached.db", "head")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("backup: attached.db ("))
        #expect(FileManager.default.fileExists(atPath: p.dir.appendingPathComponent("attached.db").path))
    }

    @Test func neverOverwritesAndMigratesNothingThen() throws {
        let p = try Self.project()
        defer { p.remove() }
        try "keep".write(to: p.dir.appendingPathComponent("taken.db"), atomically: true, encoding: .utf8)
        let r = try p.migc("upgrade", "--backup-to", "taken.db")
        #expect(r.status == 2)
        #expect(r.stderr.contains("nothing was migrated") && r.stderr.contains("already exists"))
        #expect(try String(contentsOf: p.dir.appendingPathComponent("taken.db"), encoding: .utf8) == "keep")
        #expect(try p.versionRows() == ["f1"])
        let device = try p.migc("downgrade", "base", "--backup-to", "/dev/null")
        #expect(device.status == 2)
        #expect(try p.versionRows() == ["f1"])
    }

    @Test func configMakesItTheDefault() throws {
        let p = try Self.project(config: "[backup]\nenabled = true\ndir = \"backups\"\n")
        defer { p.remove() }
        let r = try p.migc("downgrade", "base")
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: p.dir.appendingPathComponent("backups").path)
        // One from `upgrade f1` in project(), one from this downgrade (in the same
        // second, it gets a `-2`): never the same file twice.
        #expect(files.count == 2 && files.allSatisfy { $0.hasPrefix("app-backup-") && $0.hasSuffix(".db") }, "\(files)")
        let skipped = try p.migc("upgrade", "f1", "--no-backup")
        #expect(skipped.status == 0 && !skipped.stdout.contains("backup:"))
    }
}
