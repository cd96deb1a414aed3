import Testing
@testable import MigCore

/// MIG108 leaves a `sql` block alone only when every statement is a plain data
/// change; DDL, anything unclassifiable, and text the dialects could split
/// differently keep the warning.
@Suite struct DataOnlySQLTests {
    static let data = [
        "INSERT INTO t VALUES (1)",
        "update t set a = 1; delete from t where a = 2;",
        "-- seed\nINSERT INTO t (a) VALUES (1)",
        "/* DROP TABLE x */ INSERT INTO t VALUES (1)",
        "INSERT INTO t VALUES ('a;DROP TABLE x'), ('it''s')",
        "REPLACE INTO t VALUES (1)",
        "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) INSERT INTO t SELECT n FROM r",
        "with a as (select 1), b as not materialized (select 2) update t set x = 1",
        "UPDATE \"Order Items\" SET \"note;\" = 'x'",
    ]

    static let other = [
        "",
        "  -- only a comment\n",
        "CREATE TABLE t (a int)",
        "INSERT INTO t VALUES (1); DROP TABLE t",
        "ALTER TABLE t ADD COLUMN x int",
        "BEGIN; UPDATE t SET a = 1; COMMIT",
        "SELECT setval('s', 1)",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
        // PostgreSQL's E'' and MySQL's strings end after `\'`, the standard's does not.
        "INSERT INTO t VALUES (E'x\\''); DROP TABLE t; --'",
        "DO $$ BEGIN INSERT INTO t VALUES (1); END $$",
        "INSERT INTO t VALUES (1) # ; DROP TABLE t",
        "INSERT INTO t VALUES ('unterminated",
        "COPY t FROM stdin",
    ]

    @Test(arguments: data)
    func dataChangesAreRecognised(_ sql: String) {
        #expect(SQLStatementKinds.onlyChangesData(sql))
    }

    @Test(arguments: other)
    func everythingElseIsNot(_ sql: String) {
        #expect(!SQLStatementKinds.onlyChangesData(sql))
    }

    @Test func theLintFollowsTheClassification() throws {
        func findings(_ sql: String) -> [DiagnosticCode] {
            let source = "revision a1\nmessage \"m\"\n\nupgrade {\n  sql \"\"\"\(sql)\"\"\" reverse nothing\n}\n"
            let file = Parser.parse(source: source, path: "a1.mig").file
            let (checked, _) = RevisionChecker.check(id: "a1", file: file, before: .empty)
            return OpaqueSQL().check(checked, config: .default).compactMap(\.diagnostic.code)
        }
        #expect(findings("UPDATE t SET a = 1") == [])
        #expect(findings("CREATE TABLE t (a int)") == [.rawSQL])
        #expect(findings("UPDATE t SET a = 1; CREATE INDEX i ON t (a)") == [.rawSQL])
    }
}
