import Foundation
import Testing

/// The version table and the checksums: what migc refuses, and what it records.
@Suite struct RunnerVersionTableTests {
    func bookkeeping(_ p: RunnerProject) throws -> String {
        try p.sqlite("SELECT * FROM migc_version ORDER BY revision; SELECT * FROM migc_history ORDER BY id") + p.master()
    }

    /// An unknown revision id in migc_version is reported (exit 1, naming it) by every
    /// command that reads it, and nothing is "fixed": the tables stay as they were.
    @Test func unknownRevisionIsReportedNotFixed() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        #expect(try p.migc("upgrade", "2000bbbb").status == 0)
        try p.sqlite("INSERT INTO migc_version VALUES ('deadbeef0000')")
        let before = try bookkeeping(p)

        for args in [["upgrade"], ["upgrade", "head"], ["downgrade", "-1"], ["downgrade", "base"], ["current"], ["upgrade", "--sql"]] {
            let r = try p.migc(args)
            #expect(r.status == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("deadbeef0000"), "\(args): \(r.stderr)")
            #expect(try bookkeeping(p) == before, "\(args) changed the database")
        }
        // Only the version row, with the known one gone too.
        try p.sqlite("DELETE FROM migc_version WHERE revision = '2000bbbb'")
        let alone = try p.migc("upgrade")
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("deadbeef0000"))
        #expect(try p.versionRows() == ["deadbeef0000"])

        // The way out the message suggests: stamp, on purpose.
        let stamp = try p.migc("stamp", "2000bbbb")
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(try p.versionRows() == ["2000bbbb"])
        #expect(try p.migc("upgrade").status == 0)
        #expect(try p.versionRows() == ["4000dddd"])
    }

    /// An applied revision edited afterwards: upgrade and downgrade refuse, naming
    /// it; --allow-edited goes on and says so in migc_history.
    @Test func editedAppliedRevision() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        #expect(try p.migc("upgrade").status == 0)
        let name = "2000bbbb_add_email.mig"
        try p.write(name, try p.read(name).replacingOccurrences(of: "varchar(320)", with: "varchar(400)"))
        try p.write("5000eeee_age.mig", Mig.revision("5000eeee", parent: "4000dddd", message: "add age", upgrade: "  add column users.age int"))
        let before = try bookkeeping(p)

        for args in [["upgrade"], ["downgrade", "-1"]] {
            let r = try p.migc(args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("2000bbbb"), "\(r.stderr)")
            #expect(r.stderr.contains(name), "\(r.stderr)")
            #expect(r.stderr.contains("--allow-edited"), "\(r.stderr)")
            #expect(!r.stderr.contains("1000aaaa") && !r.stderr.contains("3000cccc"), "only the edited one is named")
            #expect(try bookkeeping(p) == before)
        }

        let allowed = try p.migc("upgrade", "--allow-edited")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(try p.versionRows() == ["5000eeee"])
        let note = try p.sqlite("SELECT note FROM migc_history WHERE revision = '5000eeee' AND direction = 'up'")
        #expect(note.contains("allow-edited") && note.contains("2000bbbb"), "\(note)")
    }

    /// Reformatting an applied revision (`migc fmt` style changes) is not an edit.
    @Test func reformattingIsNotAnEdit() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        #expect(try p.migc("upgrade").status == 0)
        let name = "3000cccc_create_posts.mig"
        let reformatted = try p.read(name)
            .replacingOccurrences(of: "    user_id int", with: "        user_id    INT")
            .replacingOccurrences(of: "upgrade {", with: "\n\nUPGRADE {")
        try p.write(name, reformatted)
        let r = try p.migc("downgrade", "-2")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["2000bbbb"])
    }

    /// Fold and replay build the same database from the same history.
    @Test func foldedFreshDatabaseMatchesReplay() throws {
        let folded = try RunnerProject()
        defer { folded.remove() }
        let ids = try folded.generateHistory(120)
        let r = try folded.migc("upgrade")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("applied \(ids.count) revisions"), "\(r.stdout)")

        let replayed = try RunnerProject()
        defer { replayed.remove() }
        try replayed.generateHistory(120)
        #expect(try replayed.migc("upgrade", "--no-fold", "--quiet").status == 0)
        #expect(try folded.structure() == replayed.structure())
        #expect(try folded.versionRows() == replayed.versionRows())
        #expect(try folded.rows("SELECT revision FROM migc_history WHERE direction = 'up' ORDER BY id") == ids)
        #expect(try replayed.rows("SELECT revision FROM migc_history WHERE direction = 'up' ORDER BY id") == ids)
        // Both go down the same way.
        #expect(try folded.migc("downgrade", "base", "--quiet").status == 0)
        #expect(try folded.structure() == RunnerProject.emptyStructure)
    }
}

extension RunnerProject {
    static var emptyStructure: String { "columns:\nindexes:\nforeign keys:\nviews/triggers:\n" }
}
