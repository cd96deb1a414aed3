import Foundation
import Testing

/// A revision whose third op fails leaves the database exactly at the revision
/// before: schema (sqlite_master, byte for byte), version table, and rows.
@Suite struct RunnerFaultTests {
    static let users = Mig.revision("a1", parent: nil, message: "create users", upgrade: """
          create table users {
            id   int primary key
            name text not null
          }
          sql \"\"\"INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob'), (3, 'ann')\"\"\" reverse \"\"\"DELETE FROM users WHERE id IN (1, 2, 3)\"\"\"
        """)

    static let audit = Mig.revision("a2", parent: "a1", message: "create audit", upgrade: """
          create table audit {
            id   int primary key
            what text
          }
        """)

    /// Three ops; the third fails on the rows `a1` inserted, after the first two
    /// changed both the schema and the data.
    static let failingKinds: [(name: String, ops: String, failing: String, message: String)] = [
        ("unique index over duplicates", """
              add column users.nick text
              sql \"\"\"UPDATE users SET nick = 'x' || id\"\"\" reverse \"\"\"UPDATE users SET nick = NULL\"\"\"
              create unique index users_name_uq on users (name)
            """, "create unique index users_name_uq", "UNIQUE constraint failed: users.name"),
        ("sql violating a primary key", """
              sql \"\"\"UPDATE users SET name = 'changed'\"\"\" reverse \"\"\"SELECT 1\"\"\"
              create table tags {
                id int primary key
              }
              sql \"\"\"INSERT INTO users (id, name) VALUES (1, 'dup')\"\"\" reverse \"\"\"SELECT 1\"\"\"
            """, "INSERT INTO users (id, name) VALUES (1, 'dup')", "UNIQUE constraint failed: users.id"),
        ("table rebuild that cannot copy the rows", """
              add column users.nick text
              create index users_nick_idx on users (nick)
              alter column users.nick set not null
            """, "alter column users.nick set not null", "NOT NULL constraint failed"),
    ]

    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test(arguments: ["per-revision", "single"], 0..<3)
    func thirdOpFailsAndTheRevisionRollsBackWhole(mode: String, kind: Int) throws {
        let (name, ops, failing, message) = Self.failingKinds[kind]
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1_users.mig", Self.users)
        try p.write("a2_audit.mig", Self.audit)
        let bad = Mig.revision("a3", parent: "a2", message: "fails", upgrade: ops)
        try p.write("a3_fails.mig", bad)

        #expect(try p.migc("upgrade", "a2").status == 0, "\(name)")
        let master = try p.master()
        let rows = try p.sqlite("SELECT * FROM users ORDER BY id")
        let history = try p.sqlite("SELECT * FROM migc_history ORDER BY id")

        let r = try p.migc("upgrade", "--transaction", mode)
        #expect(r.status == 1, "\(name)")
        #expect(try p.master() == master, "\(name): schema changed")
        #expect(try p.versionRows() == ["a2"], "\(name)")
        #expect(try p.sqlite("SELECT * FROM users ORDER BY id") == rows, "\(name): rows changed")
        #expect(try p.sqlite("SELECT * FROM migc_history ORDER BY id") == history, "\(name): history changed")
        let failingLine = try #require(Self.line(of: failing, in: bad))
        #expect(r.stderr.contains("a3_fails.mig:\(failingLine):"), "\(name): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(name): \(r.stderr)")
        #expect(r.stderr.contains("revision a3"), "\(name)")
        #expect(r.stderr.contains("rolled back"), "\(name)")
    }

    /// Revisions 1..k-1 of a run stay committed and are reported, in both modes.
    @Test(arguments: ["per-revision", "single"])
    func earlierRevisionsOfTheRunStayApplied(mode: String) throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1_users.mig", Self.users)
        try p.write("a2_audit.mig", Self.audit)
        try p.write("a3_fails.mig", Mig.revision("a3", parent: "a2", message: "fails", upgrade: Self.failingKinds[0].ops))
        let expected: String = try {
            let clean = try RunnerProject()
            defer { clean.remove() }
            try clean.write("a1_users.mig", Self.users)
            try clean.write("a2_audit.mig", Self.audit)
            #expect(try clean.migc("upgrade").status == 0)
            return try clean.master()
        }()

        let r = try p.migc("upgrade", "--transaction", mode)
        #expect(r.status == 1)
        #expect(r.stdout.contains("applied a1"))
        #expect(r.stdout.contains("applied a2"))
        #expect(r.stderr.contains("2 earlier revisions of this run stay applied: a1, a2"), "\(r.stderr)")
        #expect(try p.versionRows() == ["a2"])
        #expect(try p.master() == expected)
        #expect(try p.historyCount("a1") == 1)
        #expect(try p.historyCount("a2") == 1)
        #expect(try p.historyCount("a3") == 0)
        #expect(try p.rows("SELECT id, name FROM users ORDER BY id") == ["1|ann", "2|bob", "3|ann"])
    }

    /// `INSERT OR ROLLBACK` ends SQLite's whole transaction, savepoints included: in
    /// single mode the earlier revisions of the run are gone too, and the report
    /// must say so rather than claim they stay applied.
    @Test func failureThatEndsTheWholeTransaction() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1_users.mig", Self.users)
        try p.write("a2_audit.mig", Self.audit)
        try p.write("a3_fails.mig", Mig.revision("a3", parent: "a2", message: "fails", upgrade: """
              create table tags {
                id int primary key
              }
              sql \"\"\"INSERT OR ROLLBACK INTO users (id, name) VALUES (1, 'dup')\"\"\" reverse \"\"\"SELECT 1\"\"\"
            """))
        let r = try p.migc("upgrade", "--transaction", "single")
        #expect(r.status == 1)
        #expect(try p.versionRows() == [])
        #expect(try p.master().isEmpty)
        #expect(!r.stderr.contains("stay applied"), "\(r.stderr)")
        #expect(r.stderr.contains("undone too: a1, a2"), "\(r.stderr)")

        // Per revision: a1 and a2 were committed before a3 started.
        let q = try p.migc("upgrade", "--transaction", "per-revision")
        #expect(q.status == 1)
        #expect(try p.versionRows() == ["a2"])
        #expect(q.stderr.contains("2 earlier revisions of this run stay applied: a1, a2"), "\(q.stderr)")
    }

    /// `transaction off` cannot roll back: the report says exactly what stays (the
    /// statements before the failing one) and the version table stays before it.
    @Test func transactionOffFailureSaysWhatStays() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1_users.mig", Self.users)
        try p.write("a2_audit.mig", Self.audit)
        try p.write("a3_fails.mig", Mig.revision("a3", parent: "a2", message: "outside", header: "transaction off\n", upgrade: """
              create table x1 {
                id int primary key
              }
              create index audit_what_idx on audit (what)
              create unique index users_name_uq on users (name)
            """))
        let r = try p.migc("upgrade")
        #expect(r.status == 1)
        #expect(r.stderr.contains("transaction off"), "\(r.stderr)")
        #expect(r.stderr.contains("statements before the failing one stay applied"), "\(r.stderr)")
        #expect(try p.versionRows() == ["a2"])
        #expect(try p.rows("SELECT name FROM sqlite_master WHERE name IN ('x1', 'audit_what_idx', 'users_name_uq') ORDER BY name") == ["audit_what_idx", "x1"])
    }

    /// A failing downgrade rolls back whole too.
    @Test func failingDowngradeRollsBackWhole() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1_users.mig", Self.users)
        try p.write("a2_audit.mig", Mig.revision("a2", parent: "a1", message: "audit", upgrade: """
              create table audit {
                id int primary key
              }
              add column users.nick text
            """, downgrade: """
              drop column users.nick
              sql \"\"\"INSERT INTO users (id, name) VALUES (1, 'dup')\"\"\" reverse \"\"\"SELECT 1\"\"\"
              drop table audit
            """))
        #expect(try p.migc("upgrade").status == 0)
        let master = try p.master()
        let r = try p.migc("downgrade", "-1")
        #expect(r.status == 1)
        #expect(r.stderr.contains("failed to undo"), "\(r.stderr)")
        #expect(r.stderr.contains("a2_audit.mig:"), "\(r.stderr)")
        #expect(try p.master() == master)
        #expect(try p.versionRows() == ["a2"])
    }
}
