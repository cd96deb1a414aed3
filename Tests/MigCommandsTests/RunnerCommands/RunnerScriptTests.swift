import Foundation
import Testing

/// `upgrade --sql` / `downgrade --sql` print exactly what `migc build` writes for the
/// same range, and that script, run with the sqlite3 CLI, leaves the database where
/// `migc upgrade` would.
@Suite struct RunnerScriptTests {
    /// Script texts differ only in nothing: compare them whole.
    func expectSame(_ a: CLI.Result, _ b: CLI.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.status == 0, "\(what): \(a.stderr)", sourceLocation: sourceLocation)
        #expect(b.status == 0, "\(what): \(b.stderr)", sourceLocation: sourceLocation)
        #expect(!a.stdout.isEmpty, "\(what)", sourceLocation: sourceLocation)
        #expect(a.stdout == b.stdout, "\(what)", sourceLocation: sourceLocation)
    }

    @Test func sqlEqualsBuildForTheSameRange() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        // A fresh database: from base.
        expectSame(try p.migc("upgrade", "--sql"), try p.migc("build", "--to", "head"), "fresh upgrade")
        expectSame(try p.migc("upgrade", "--sql"), try p.migc("build"), "fresh upgrade, build's defaults")
        expectSame(try p.migc("upgrade", "2000bbbb", "--sql"), try p.migc("build", "--to", "2000bbbb"), "fresh partial upgrade")
        #expect(try p.versionRows().isEmpty, "--sql ran nothing")

        // From where the database is.
        #expect(try p.migc("upgrade", "2000bbbb").status == 0)
        expectSame(try p.migc("upgrade", "--sql"), try p.migc("build", "--from", "2000bbbb", "--to", "head"), "upgrade from 2000bbbb")
        expectSame(try p.migc("upgrade", "+1", "--sql"), try p.migc("build", "--from", "2000bbbb", "--to", "3000cccc"), "upgrade +1")
        expectSame(try p.migc("downgrade", "-1", "--sql"), try p.migc("build", "--down", "--from", "2000bbbb", "--to", "1000aaaa"), "downgrade -1")
        expectSame(try p.migc("downgrade", "base", "--sql"), try p.migc("build", "--down", "--from", "2000bbbb", "--to", "base"), "downgrade base")
        // --from overrides the database.
        expectSame(try p.migc("upgrade", "--sql", "--from", "3000cccc"), try p.migc("build", "--from", "3000cccc"), "--from")
        #expect(try p.versionRows() == ["2000bbbb"], "--sql ran nothing")

        #expect(try p.migc("upgrade").status == 0)
        expectSame(try p.migc("downgrade", "base", "--sql"), try p.migc("build", "--down"), "downgrade everything")
        expectSame(try p.migc("downgrade", "1000aaaa", "--sql"), try p.migc("build", "--down", "--to", "1000aaaa"), "downgrade to an id")
        #expect(try p.versionRows() == ["4000dddd"], "--sql ran nothing")
    }

    /// The script, run by sqlite3, gives the database migc would build, and migc
    /// then agrees it is at the head (same version rows, same checksums).
    @Test func buildScriptRunBySqlite3MatchesMigc() throws {
        let scripted = try RunnerProject(fixture: "basic")
        defer { scripted.remove() }
        let migrated = try RunnerProject(fixture: "basic")
        defer { migrated.remove() }
        #expect(try migrated.migc("upgrade", "--no-fold").status == 0)

        let build = try scripted.migc("build", "-o", "up.sql")
        #expect(build.status == 0, "\(build.stderr)")
        let run = try Subprocess.run("/bin/sh", ["-c", "/usr/bin/sqlite3 app.db < up.sql"], in: scripted.dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try scripted.structure() == migrated.structure())
        #expect(try scripted.master() == migrated.master())
        #expect(try scripted.versionRows() == ["4000dddd"])
        #expect(try scripted.rows("SELECT id, name FROM users ORDER BY id") == ["1|ann", "2|bob"])
        let again = try scripted.migc("upgrade")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("nothing to do"))
        #expect(try scripted.migc("check").status == 0)

        // And down again with the downgrade script.
        #expect(try scripted.migc("build", "--down", "-o", "down.sql").status == 0)
        let down = try Subprocess.run("/bin/sh", ["-c", "/usr/bin/sqlite3 app.db < down.sql"], in: scripted.dir)
        #expect(down.status == 0, "\(down.stderr)")
        #expect(try scripted.versionRows() == [])
        #expect(try scripted.structure() == RunnerProject.emptyStructure)
    }
}
