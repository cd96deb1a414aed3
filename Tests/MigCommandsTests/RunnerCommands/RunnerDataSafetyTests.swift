import Foundation
import Testing

/// Issue 10's data-safety items, end to end through the binary on SQLite files:
/// a table rebuild never drops what the migrations do not know, heads applied
/// together are checked like a merge, and a `sql` block that ends the transaction
/// is reported as what it is.
@Suite struct RunnerDataSafetyTests {
    static let users = Mig.revision("a1", parent: nil, message: "users", upgrade: """
          create table users {
            id bigint primary key
            name text
          }
        """)

    /// a2 changes `users` behind the model's back; a3 needs a rebuild.
    static func project(raw: String) throws -> RunnerProject {
        let p = try RunnerProject()
        try p.write("a1_users.mig", users)
        try p.write("a2_raw.mig", Mig.revision("a2", parent: "a1", message: "raw", upgrade: "  sql \"\"\"\(raw)\"\"\""))
        try p.write("a3_not_null.mig", Mig.revision("a3", parent: "a2", message: "not null", upgrade: "  alter column users.name set not null"))
        return p
    }

    static let rawObjects = """
        INSERT INTO users (id, name) VALUES (1, 'ann');
        CREATE TABLE audit (note TEXT);
        CREATE TRIGGER users_audit AFTER UPDATE ON users BEGIN INSERT INTO audit VALUES ('updated ' || new.name); END;
        CREATE INDEX users_name_raw ON users (name)
        """

    @Test func aRebuildRefusesToDropAColumnTheModelDoesNotKnow() throws {
        let p = try Self.project(raw: "ALTER TABLE users ADD COLUMN legacy_notes text; INSERT INTO users VALUES (1, 'ann', 'keep me')")
        defer { p.remove() }
        try p.migc("upgrade", "a2")
        let run = try p.migc("upgrade")
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("migc refused: table `users` has column `legacy_notes`"), "\(run.stderr)")
        #expect(run.stderr.contains("migc stopped before it"), "\(run.stderr)")
        #expect(run.stderr.contains("rolled back whole"), "\(run.stderr)")
        #expect(try p.sqlite("SELECT legacy_notes FROM users") == "keep me\n")
        #expect(try p.versionRows() == ["a2"])
        // The same statements from a script: the guard stops sqlite3 before the drop.
        let script = try p.migc("upgrade", "--sql")
        #expect(script.status == 0, "\(script.stderr)")
        try script.stdout.write(to: p.dir.appendingPathComponent("up.sql"), atomically: true, encoding: .utf8)
        let sqlite = try Subprocess.run("/bin/sh", ["-c", "/usr/bin/sqlite3 app.db < up.sql"], in: p.dir)
        #expect(sqlite.status != 0)
        #expect(sqlite.stderr.contains("a table rebuild would drop columns, constraints, indexes or triggers"), "\(sqlite.stderr)")
        #expect(try p.sqlite("SELECT legacy_notes FROM users") == "keep me\n")
        #expect(try p.versionRows() == ["a2"])
    }

    /// A hand-made rebuild in raw SQL that adds a constraint (SQLite has no ALTER
    /// TABLE ADD CONSTRAINT): migc's rebuild would drop it, so it refuses, naming the
    /// kind, and `check` reports the constraint.
    @Test(arguments: [
        ("CHECK", "CONSTRAINT name_short CHECK (length(name) < 10)"),
        ("FOREIGN KEY", "FOREIGN KEY (id) REFERENCES owners (id)"),
        ("UNIQUE", "UNIQUE (name)"),
    ])
    func aRebuildRefusesToDropAConstraintTheModelDoesNotKnow(kind: String, clause: String) throws {
        let p = try Self.project(raw: """
            CREATE TABLE owners (id INTEGER PRIMARY KEY);
            INSERT INTO owners VALUES (1);
            CREATE TABLE users_new (id INTEGER NOT NULL PRIMARY KEY, name TEXT, \(clause));
            INSERT INTO users_new VALUES (1, 'ann');
            DROP TABLE users;
            ALTER TABLE users_new RENAME TO users
            """)
        defer { p.remove() }
        try p.migc("upgrade", "a2")
        let run = try p.migc("upgrade")
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("migc refused: table `users` has a \(kind) constraint that the migrations do not know"), "\(run.stderr)")
        #expect(try p.versionRows() == ["a2"])
        #expect(try p.sqlite("SELECT sql FROM sqlite_master WHERE name = 'users'").contains(clause))
        // The script's guard stops sqlite3 the same way.
        let script = try p.migc("upgrade", "--sql")
        try script.stdout.write(to: p.dir.appendingPathComponent("up.sql"), atomically: true, encoding: .utf8)
        let sqlite = try Subprocess.run("/bin/sh", ["-c", "/usr/bin/sqlite3 app.db < up.sql"], in: p.dir)
        #expect(sqlite.status != 0)
        #expect(try p.sqlite("SELECT sql FROM sqlite_master WHERE name = 'users'").contains(clause))
        let check = try p.migc("check")
        #expect(check.status == 1, "\(check.stdout)")
    }

    /// The same tables made by migc itself (names and literals that contain
    /// `check(`) rebuild without a refusal: the guard counts like for like.
    @Test func aRebuildOfMigcsOwnConstraintsIsNotRefused() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1.mig", Mig.revision("a1", parent: nil, message: "t", upgrade: """
              create table owners {
                id bigint primary key
              }
              create table `check(` {
                id bigint primary key
                `check(` text default "CHECK (x)" check (`check(` <> "check(")
                owner_id bigint references owners (id) unique
                check `t_check(` (id > 0)
              }
            """))
        try p.write("a2.mig", Mig.revision("a2", parent: "a1", message: "not null", upgrade: "  alter column `check(`.owner_id set not null"))
        try p.migc("upgrade", "a1")
        try p.sqlite("INSERT INTO owners VALUES (1); INSERT INTO \"check(\" (id, owner_id) VALUES (1, 1)")
        let run = try p.migc("upgrade")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try p.versionRows() == ["a2"])
        #expect(try p.sqlite("SELECT owner_id FROM \"check(\"") == "1\n")
    }

    @Test func aRebuildKeepsRawTriggersAndIndexes() throws {
        let p = try Self.project(raw: Self.rawObjects)
        defer { p.remove() }
        let run = try p.migc("upgrade")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try p.versionRows() == ["a3"])
        #expect(try p.rows("SELECT type || ' ' || name FROM sqlite_master WHERE tbl_name = 'users' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            == ["table users", "trigger users_audit", "index users_name_raw"])
        #expect(try p.sqlite("SELECT \"notnull\" FROM pragma_table_info('users') WHERE name = 'name'") == "1\n")
        try p.sqlite("UPDATE users SET name = 'bob'")
        #expect(try p.sqlite("SELECT note FROM audit") == "updated bob\n")
        // What the model does not know is drift, triggers included.
        let check = try p.migc("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("unexpected trigger `users_audit`"), "\(check.stdout)")
        #expect(check.stdout.contains("unexpected index `users_name_raw`"), "\(check.stdout)")
    }

    /// Outside a transaction a failure could not bring them back: refused instead.
    @Test func aRebuildOutsideATransactionRefusesToCarryTriggers() throws {
        let p = try Self.project(raw: Self.rawObjects)
        defer { p.remove() }
        try p.write("a3_not_null.mig", Mig.revision("a3", parent: "a2", message: "not null", header: "transaction off\n",
                                                    upgrade: "  alter column users.name set not null"))
        let run = try p.migc("upgrade")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("migc refused: table `users` has "), "\(run.stderr)")
        #expect(run.stderr.contains("trigger `users_audit`") && run.stderr.contains("index `users_name_raw`"), "\(run.stderr)")
        #expect(try p.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'") == ["users_audit"])
        #expect(try p.versionRows() == ["a2"])
    }

    @Test func aScriptRebuildStopsOnARawTriggerInsteadOfDroppingIt() throws {
        let p = try Self.project(raw: Self.rawObjects)
        defer { p.remove() }
        try p.migc("upgrade", "a2")
        let script = try p.migc("upgrade", "--sql")
        try script.stdout.write(to: p.dir.appendingPathComponent("up.sql"), atomically: true, encoding: .utf8)
        let sqlite = try Subprocess.run("/bin/sh", ["-c", "/usr/bin/sqlite3 app.db < up.sql"], in: p.dir)
        #expect(sqlite.status != 0)
        #expect(try p.rows("SELECT name FROM sqlite_master WHERE type = 'trigger'") == ["users_audit"])
        #expect(try p.versionRows() == ["a2"])
    }

    @Test func uncheckedColumnsAreDrift() throws {
        let p = try Self.project(raw: "ALTER TABLE users ADD COLUMN legacy_notes text")
        defer { p.remove() }
        try p.migc("upgrade", "a2")
        let check = try p.migc("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("legacy_notes"), "\(check.stdout)")
    }

    // MARK: Heads applied together

    static func conflictingHeads() throws -> RunnerProject {
        let p = try RunnerProject()
        try p.write("a1.mig", Mig.revision("a1", parent: nil, message: "a", upgrade: "  create table a {\n    id bigint primary key\n  }"))
        try p.write("b1.mig", Mig.revision("b1", parent: "a1", message: "x int", upgrade: "  add column a.x int"))
        try p.write("c1.mig", Mig.revision("c1", parent: "a1", message: "x text", upgrade: "  add column a.x text"))
        return p
    }

    @Test func conflictingHeadsFailLint() throws {
        let p = try Self.conflictingHeads()
        defer { p.remove() }
        let lint = try p.migc("lint")
        #expect(lint.status == 1, "\(lint.stdout)\(lint.stderr)")
        #expect((lint.stdout + lint.stderr).contains("heads `b1`, `c1` conflict when applied together"), "\(lint.stdout)\(lint.stderr)")
        #expect((lint.stdout + lint.stderr).contains("[E350]"))
    }

    @Test func upgradeAndStampRefuseConflictingHeads() throws {
        let p = try Self.conflictingHeads()
        defer { p.remove() }
        try p.migc("upgrade", "b1")
        let up = try p.migc("upgrade", "heads")
        #expect(up.status == 1, "\(up.stdout)\(up.stderr)")
        #expect(up.stderr.contains("[E350]"), "\(up.stderr)")
        #expect(try p.versionRows() == ["b1"])
        let stamp = try p.migc("stamp", "heads")
        #expect(stamp.status == 1, "\(stamp.stdout)\(stamp.stderr)")
        #expect(try p.versionRows() == ["b1"])
        // A database already at both (stamped by an older migc) cannot be checked either.
        try p.sqlite("INSERT INTO migc_version VALUES ('c1')")
        let check = try p.migc("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("[E350]"), "\(check.stderr)")
    }

    @Test func compatibleHeadsStillApplyTogether() throws {
        let p = try Self.conflictingHeads()
        defer { p.remove() }
        try p.write("c1.mig", Mig.revision("c1", parent: "a1", message: "y text", upgrade: "  add column a.y text"))
        let up = try p.migc("upgrade", "heads")
        #expect(up.status == 0, "\(up.stderr)")
        #expect(try p.versionRows() == ["b1", "c1"])
    }

    // MARK: Transaction control in `sql`

    @Test func aSQLBlockThatCommitsIsReportedHalfApplied() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1.mig", Mig.revision("a1", parent: nil, message: "t", upgrade: "  create table t {\n    id bigint primary key\n  }"))
        try p.write("a2.mig", Mig.revision("a2", parent: "a1", message: "commits", upgrade: """
              sql \"\"\"INSERT INTO t (id) VALUES (1); COMMIT\"\"\" reverse \"\"\"DELETE FROM t\"\"\"
              create table after_commit {
                id bigint primary key
              }
            """))
        let lint = try p.migc("lint")
        #expect(lint.stdout.contains("[MIG115]") || lint.stderr.contains("[MIG115]"), "\(lint.stdout)\(lint.stderr)")
        let run = try p.migc("upgrade")
        #expect(run.status == 1)
        #expect(run.stderr.contains("ended migc's transaction (`COMMIT`)"), "\(run.stderr)")
        #expect(run.stderr.contains("half applied"), "\(run.stderr)")
        #expect(!run.stderr.contains("rolled back whole"), "\(run.stderr)")
        // The truth: the row is committed, the rest of the revision never ran.
        #expect(try p.sqlite("SELECT count(*) FROM t") == "1\n")
        #expect(try p.sqlite("SELECT count(*) FROM sqlite_master WHERE name = 'after_commit'") == "0\n")
        #expect(try p.versionRows() == ["a1"])
    }

    // MARK: Low items

    /// A write that fails for lack of room is an I/O problem (exit 2), not a
    /// revision to fix (exit 1). The file-size limit (`ulimit -f`, SIGXFSZ ignored)
    /// makes SQLite's write fail with SQLITE_IOERR without root or a small disk.
    @Test func anIOFailureExitsTwoAndDoesNotBlameTheRevision() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1.mig", Mig.revision("a1", parent: nil, message: "t", upgrade: "  create table t {\n    id bigint primary key\n    b blob\n  }"))
        try p.write("a2.mig", Mig.revision("a2", parent: "a1", message: "fill", upgrade: """
              sql \"\"\"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t (id, b) SELECT i, randomblob(1000) FROM n\"\"\" reverse \"\"\"DELETE FROM t\"\"\"
            """))
        try p.migc("upgrade", "a1")
        let run = try Subprocess.run("/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 200; exec \"$0\" upgrade", CLI.binary.path], in: p.dir)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("could not be read or written"), "\(run.stderr)")
        #expect(!run.stderr.contains("fix the revision"), "\(run.stderr)")
        #expect(try p.versionRows() == ["a1"])
    }

    /// A version row naming an ancestor of another applied head is removed on the
    /// next run, with a history row saying so.
    @Test func aRedundantAncestorRowIsNormalisedAway() throws {
        let p = try Self.project(raw: "SELECT 1")
        defer { p.remove() }
        try p.migc("upgrade", "a2")
        try p.sqlite("INSERT INTO migc_version VALUES ('a1')")
        #expect(try p.versionRows() == ["a1", "a2"])
        let run = try p.migc("upgrade")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try p.versionRows() == ["a3"])
        #expect(try p.sqlite("SELECT note FROM migc_history WHERE revision = 'a1' AND direction = 'stamp'")
            == "normalised: removed from migc_version, an ancestor of the applied head a2\n")
    }
}
