import Foundation
import Testing

/// The Alembic skill's four "common issues", end to end, each showing migc's answer.
@Suite struct RunnerCommonIssuesTests {
    static func table(_ name: String) -> String {
        "  create table \(name) {\n    id int primary key\n  }"
    }

    /// Issue 1, multiple heads: `upgrade head` refuses, listing the heads, with a
    /// hint; `migc heads` shows them; `migc merge heads` then `upgrade head` works.
    @Test func multipleHeads() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("b1.mig", Mig.revision("b1", parent: nil, message: "base table", upgrade: Self.table("core")))
        try p.write("b2.mig", Mig.revision("b2left", parent: "b1", message: "left branch", upgrade: Self.table("left_side")))
        try p.write("b3.mig", Mig.revision("b3right", parent: "b1", message: "right branch", upgrade: Self.table("right_side")))

        let refused = try p.migc("upgrade", "head")
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("b2left") && refused.stderr.contains("b3right"), "\(refused.stderr)")
        #expect(refused.stderr.contains("merge"), "the hint names `migc merge`: \(refused.stderr)")
        #expect(try p.master().isEmpty, "nothing ran")
        #expect(try p.versionRows().isEmpty)

        let heads = try p.migc("heads")
        #expect(heads.status == 0)
        #expect(heads.stdout.contains("b2left") && heads.stdout.contains("b3right"))
        #expect(heads.stdout.split(separator: "\n").count == 2)

        let merged = try p.migc("merge", "heads", "-m", "merge migrations")
        #expect(merged.status == 0, "\(merged.stderr)")
        let afterMerge = try p.migc("heads")
        #expect(afterMerge.stdout.split(separator: "\n").count == 1)
        let mergeID = try #require(afterMerge.stdout.split(separator: " ").first.map(String.init))

        let up = try p.migc("upgrade", "head")
        #expect(up.status == 0, "\(up.stderr)")
        #expect(try p.versionRows() == [mergeID])
        #expect(try p.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('core', 'left_side', 'right_side') ORDER BY name") == ["core", "left_side", "right_side"])
        let current = try p.migc("current")
        #expect(current.stdout.contains(mergeID))

        // And back: undoing the merge gives back two applied heads.
        let down = try p.migc("downgrade", "-1")
        #expect(down.status == 0, "\(down.stderr)")
        #expect(try p.versionRows() == ["b2left", "b3right"])
    }

    /// Without merging, `upgrade heads` applies every branch and the version table
    /// holds one row per branch.
    @Test func upgradeHeadsAppliesEveryBranch() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("b1.mig", Mig.revision("b1", parent: nil, message: "base table", upgrade: Self.table("core")))
        try p.write("b2.mig", Mig.revision("b2left", parent: "b1", message: "left branch", upgrade: Self.table("left_side")))
        try p.write("b3.mig", Mig.revision("b3right", parent: "b1", message: "right branch", upgrade: Self.table("right_side")))
        let r = try p.migc("upgrade", "heads", "--no-fold")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["b2left", "b3right"])
        let current = try p.migc("current")
        #expect(current.stdout.contains("b2left") && current.stdout.contains("b3right"))
        // Folded on a fresh database: the same tables and version rows.
        let fresh = try RunnerProject()
        defer { fresh.remove() }
        for name in ["b1.mig", "b2.mig", "b3.mig"] { try fresh.write(name, try p.read(name)) }
        let folded = try fresh.migc("upgrade", "heads")
        #expect(folded.status == 0, "\(folded.stderr)")
        #expect(try fresh.versionRows() == ["b2left", "b3right"])
        #expect(try fresh.structure() == p.structure())
        #expect(try fresh.rows("SELECT revision FROM migc_history ORDER BY revision") == ["b1", "b2left", "b3right"])
    }

    /// Issue 2, schema drift: a column added and an index dropped behind migc's back.
    /// `migc check` reports both, table by table (exit 1). The fixes: undo one in the
    /// database; record the other in a new revision and `stamp` it (with a warning).
    @Test func schemaDrift() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        #expect(try p.migc("upgrade").status == 0)
        let clean = try p.migc("check")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("no drift"))

        try p.sqlite("ALTER TABLE users ADD COLUMN phone TEXT; DROP INDEX posts_user_idx")
        let before = try p.master()
        let drift = try p.migc("check")
        #expect(drift.status == 1, "\(drift.stdout)\(drift.stderr)")
        #expect(drift.stdout.contains("table `users`") && drift.stdout.contains("phone"), "\(drift.stdout)")
        #expect(drift.stdout.contains("table `posts`") && drift.stdout.contains("posts_user_idx"), "\(drift.stdout)")
        #expect(drift.stdout.contains("4000dddd"), "names the revision compared against")
        #expect(try p.master() == before, "check changes nothing")

        let json = try p.migc("check", "--format", "json")
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)")
        #expect(object["drift"] as? Bool == true)
        let tables = Set(((object["differences"] as? [[String: Any]]) ?? []).compactMap { $0["table"] as? String })
        #expect(tables == ["users", "posts"], "\(json.stdout)")

        // Undo one in the database...
        try p.sqlite("CREATE INDEX posts_user_idx ON posts (user_id)")
        let one = try p.migc("check")
        #expect(one.status == 1)
        #expect(!one.stdout.contains("posts_user_idx") && one.stdout.contains("phone"), "\(one.stdout)")
        // ...and record the other as a revision the database already has.
        try p.write("5000eeee_phone.mig", Mig.revision("5000eeee", parent: "4000dddd", message: "add phone", upgrade: "  add column users.phone text"))
        let stamp = try p.migc("stamp", "head")
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(stamp.stderr.contains("warning"), "\(stamp.stderr)")
        #expect(try p.versionRows() == ["5000eeee"])
        let fixed = try p.migc("check")
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")

        // A stamp that does not match the schema is what check is for.
        #expect(try p.migc("stamp", "3000cccc").status == 0)
        let wrong = try p.migc("check")
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("body") && wrong.stdout.contains("phone"), "\(wrong.stdout)")
    }

    /// Issue 3, a migration fails: rolled back whole, reported at the op; fix the
    /// file and upgrade again.
    @Test func failedMigrationThenFixed() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1_users.mig", RunnerFaultTests.users)
        try p.write("a2_audit.mig", RunnerFaultTests.audit)
        let bad = Mig.revision("a3", parent: "a2", message: "unique names", upgrade: RunnerFaultTests.failingKinds[0].ops)
        try p.write("a3_unique.mig", bad)
        #expect(try p.migc("upgrade", "a2").status == 0)
        let master = try p.master()

        let failed = try p.migc("upgrade")
        #expect(failed.status == 1)
        let line = try #require(RunnerFaultTests.line(of: "create unique index", in: bad))
        #expect(failed.stderr.contains("a3_unique.mig:\(line):"), "\(failed.stderr)")
        #expect(failed.stderr.contains("UNIQUE constraint failed: users.name"))
        #expect(failed.stderr.contains("fix the revision"))
        #expect(try p.master() == master)
        #expect(try p.versionRows() == ["a2"])

        // The fix: the data has duplicates, so the index cannot be unique.
        try p.write("a3_unique.mig", bad.replacingOccurrences(of: "create unique index", with: "create index"))
        let fixed = try p.migc("upgrade")
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try p.versionRows() == ["a3"])
        #expect(try p.historyCount("a3") == 1)
        #expect(try p.rows("SELECT id, name, nick FROM users ORDER BY id") == ["1|ann|x1", "2|bob|x2", "3|ann|x3"])
    }

    /// Issue 4, no downgrade: a `sql` without `reverse` and no downgrade block makes
    /// `migc downgrade` past it refuse, naming it, changing nothing; `migc lint`
    /// reports MIG101. Structural ops with no downgrade block are derived.
    @Test func missingDowngrade() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("c1.mig", Mig.revision("c1", parent: nil, message: "create users", upgrade: """
              create table users {
                id   int primary key
                name text
              }
            """))
        let raw = Mig.revision("c2", parent: "c1", message: "backfill", upgrade: """
              add column users.kind text
              sql \"\"\"UPDATE users SET kind = 'person'\"\"\"
            """)
        try p.write("c2_backfill.mig", raw)
        try p.write("c3.mig", Mig.revision("c3", parent: "c2", message: "add email", upgrade: """
              add column users.email text
              create index users_email_idx on users (email)
            """))
        #expect(try p.migc("upgrade").status == 0)
        try p.sqlite("INSERT INTO users (id, name, kind, email) VALUES (1, 'ann', 'person', 'a@example.com')")
        let master = try p.master()
        let history = try p.sqlite("SELECT * FROM migc_history")

        let refused = try p.migc("downgrade", "base")
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("c2"), "\(refused.stderr)")
        let line = try #require(RunnerFaultTests.line(of: "sql \"\"\"UPDATE", in: raw))
        #expect(refused.stderr.contains("c2_backfill.mig:\(line):"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was changed"))
        // Nothing changed: not even c3, which could have been undone.
        #expect(try p.master() == master)
        #expect(try p.versionRows() == ["c3"])
        #expect(try p.sqlite("SELECT * FROM migc_history") == history)
        let sqlRefused = try p.migc("downgrade", "base", "--sql")
        #expect(sqlRefused.status == 1)
        #expect(sqlRefused.stderr.contains("c2"))

        let lint = try p.migc("lint")
        #expect(lint.stdout.contains("MIG101") || lint.stderr.contains("MIG101"), "\(lint.stdout)\(lint.stderr)")
        #expect((lint.stdout + lint.stderr).contains("c2_backfill.mig:\(line):"))

        // c3 has no downgrade block but only structural ops: derived, and it works.
        let down = try p.migc("downgrade", "-1")
        #expect(down.status == 0, "\(down.stderr)")
        #expect(try p.versionRows() == ["c2"])
        #expect(try p.rows("SELECT id, name, kind FROM users") == ["1|ann|person"])
        #expect(try p.rows("SELECT name FROM pragma_table_info('users') ORDER BY cid") == ["id", "name", "kind"])
        #expect(try p.rows("SELECT name FROM sqlite_master WHERE name = 'users_email_idx'").isEmpty)
        // Down to c2 itself is fine: c2 is the target, not undone.
        #expect(try p.migc("downgrade", "c2").status == 0)
        #expect(try p.migc("downgrade", "c1").status == 1)
        #expect(try p.versionRows() == ["c2"])
    }
}
