import MigCore
import MigTestSupport
import Testing
@testable import MigRunner

@Suite struct DriverTests {
    @Test(arguments: Engine.allCases)
    func executeAndQuery(engine: Engine) throws {
        let driver = try engine.freshDatabase().connect()
        #expect(driver.dialect.rawValue == engine.rawValue)
        try driver.execute("""
            CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, name TEXT);
            INSERT INTO t (id, name) VALUES (1, 'one');
            INSERT INTO t (id, name) VALUES (2, NULL);
            """)
        let rows = try driver.query("SELECT id, name FROM t WHERE id >= $1 ORDER BY id", ["1"])
        #expect(rows == [["1", "one"], ["2", nil]])
        #expect(try driver.query("SELECT name FROM t WHERE name = $1", ["it's"]).isEmpty)
        try driver.execute("INSERT INTO t (id, name) VALUES (3, 'it''s')")
        #expect(try driver.scalar("SELECT name FROM t WHERE name = $1 AND id = $2", ["it's", "3"]) == "it's")
        #expect(try driver.scalar("SELECT count(*) FROM t") == "3")
    }

    @Test(arguments: Engine.allCases)
    func parametersOutOfOrder(engine: Engine) throws {
        let driver = try engine.freshDatabase().connect()
        let row = try driver.query("SELECT $2, $1", ["a", "b"])
        #expect(row == [["b", "a"]])
    }

    @Test(arguments: Engine.allCases)
    func errorsCarryMessageCodeAndStatement(engine: Engine) throws {
        let driver = try engine.freshDatabase().connect()
        try driver.execute("CREATE TABLE a (x INTEGER)")
        do {
            try driver.execute("CREATE TABLE b (y INTEGER);\nCREATE TABLE a (x INTEGER);\nCREATE TABLE c (z INTEGER)")
            Issue.record("expected failure")
        } catch {
            // SQLite names the one statement; PostgreSQL and MySQL run the script as one request.
            let whole = "CREATE TABLE b (y INTEGER);\nCREATE TABLE a (x INTEGER);\nCREATE TABLE c (z INTEGER)"
            #expect(error.statement == (engine == .sqlite ? "CREATE TABLE a (x INTEGER)" : whole))
            #expect(error.message.contains("already exists"))
            #expect(error.code == ["sqlite": "SQLITE_ERROR", "postgres": "42P07", "mysql": "1050/42S01"][engine.rawValue])
        }
        // SQLite runs statement by statement: `b` was made before `a` failed.
        if engine == .mysql {
            #expect(try driver.scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'b'") == "1")
            #expect(try driver.scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'c'") == "0")
        }
        if engine == .sqlite {
            #expect(try driver.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'b'") == "1")
            #expect(try driver.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'c'") == "0")
        }
    }

    @Test(arguments: Engine.allCases)
    func transactions(engine: Engine) throws {
        let driver = try engine.freshDatabase().connect()
        try driver.execute("CREATE TABLE t (x INTEGER)")
        #expect(!driver.inTransaction)
        try driver.begin()
        #expect(driver.inTransaction)
        try driver.execute("INSERT INTO t VALUES (1)")
        driver.rollbackQuietly()
        #expect(!driver.inTransaction)
        #expect(try driver.scalar("SELECT count(*) FROM t") == "0")
        try driver.begin()
        try driver.execute("INSERT INTO t VALUES (2)")
        try driver.commit()
        #expect(try driver.scalar("SELECT count(*) FROM t") == "1")
    }

    @Test(arguments: Engine.allCases)
    func closedConnectionFails(engine: Engine) throws {
        let driver = try engine.freshDatabase().connect()
        driver.close()
        #expect(throws: DatabaseError.self) { try driver.execute("SELECT 1") }
        driver.close()
    }

    @Test func sqliteForeignKeysAreOff() throws {
        let driver = try SQLiteFiles.fresh().connect()
        #expect(try driver.scalar("PRAGMA foreign_keys") == "0")
    }

    /// Double quotes name identifiers only: a misquoted name fails instead of
    /// silently becoming a string (SQLite's legacy default), in DML and in DDL.
    @Test func sqliteDoubleQuotedStringsAreErrors() throws {
        let driver = try SQLiteFiles.fresh().connect()
        try driver.execute("CREATE TABLE t (x TEXT)")
        for sql in [
            "INSERT INTO t (x) VALUES (\"nosuchcolumn\")",
            "SELECT count(*) FROM t WHERE x = \"nosuchcolumn\"",
            "CREATE TABLE u (x TEXT CHECK (x <> \"nosuchcolumn\"))",
        ] {
            do {
                try driver.execute(sql)
                Issue.record("ran: \(sql)")
            } catch {
                #expect(error.message == "no such column: nosuchcolumn", "\(sql)")
            }
        }
        #expect(try driver.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'u'") == "0")
        try driver.execute("INSERT INTO t (\"x\") VALUES ('quoted identifier')")
        #expect(try driver.scalar("SELECT \"x\" FROM t") == "quoted identifier")
    }

    /// A database whose schema was written with a double-quoted string (by an older
    /// tool) still opens, and its check still holds.
    @Test func sqliteLegacyDoubleQuotedSchemaStillLoads() throws {
        let database = SQLiteFiles.fresh()
        let legacy = try database.connect()
        try legacy.execute("""
            CREATE TABLE old (x TEXT CHECK (x <> 'bad'));
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = 'CREATE TABLE old (x TEXT CHECK (x <> "bad"))' WHERE name = 'old';
            PRAGMA writable_schema = OFF;
            """)
        legacy.close()
        let driver = try database.connect()
        try driver.execute("INSERT INTO old (x) VALUES ('good')")
        #expect(throws: DatabaseError.self) { try driver.execute("INSERT INTO old (x) VALUES ('bad')") }
        #expect(try driver.scalar("SELECT count(*) FROM old") == "1")
    }

    @Test func sqliteMemory() throws {
        let driver = try DatabaseURL(parsing: "sqlite::memory:").connect()
        try driver.execute("CREATE TABLE t (x)")
        #expect(try driver.scalar("SELECT count(*) FROM t") == "0")
    }

    @Test func sqliteCannotOpenMissingDirectory() {
        #expect(throws: DatabaseError.self) {
            try DatabaseURL(parsing: "sqlite:/nonexistent-dir-migc/x.db").connect()
        }
    }

    @Test func postgresConnectionErrorIsRedacted() throws {
        let cluster = try PostgresCluster.shared.get()
        let url = try DatabaseURL(parsing: "postgres://nobody:topsecret99@/missing_db?host=\(cluster.directory)&port=\(cluster.port)")
        do {
            _ = try url.connect()
            Issue.record("expected failure")
        } catch {
            #expect(!error.description.contains("topsecret99"))
            #expect(error.message.contains("cannot connect to postgres://nobody:***@"))
        }
    }

    @Test func mysqlConnectionErrorIsRedacted() throws {
        let server = try MariaDBServer.shared.get()
        let url = try DatabaseURL(parsing: "mysql://nobody:topsecret99@/missing_db?socket=\(server.socket)")
        do {
            _ = try url.connect()
            Issue.record("expected failure")
        } catch {
            #expect(!error.description.contains("topsecret99"))
            #expect(error.message.contains("cannot connect to mysql://nobody:***@/missing_db?socket="))
        }
    }

    /// utf8mb4 both ways: four-byte characters survive, whatever the client locale.
    @Test func mysqlTextIsUTF8MB4() throws {
        let driver = try ScratchMySQL.freshDatabase().connect()
        try driver.execute("CREATE TABLE t (v VARCHAR(20) DEFAULT 'café') DEFAULT CHARSET utf8mb4")
        _ = try driver.query("INSERT INTO t (v) VALUES ($1)", ["naïve 😀"])
        try driver.execute("INSERT INTO t () VALUES ()")
        #expect(try driver.query("SELECT v FROM t ORDER BY v DESC") == [["naïve 😀"], ["café"]])
        #expect(try driver.scalar("SELECT $1", ["back\\slash 'quote'"]) == "back\\slash 'quote'")
    }

    @Test func postgresNoticesAreSilenced() throws {
        let driver = try PostgresCluster.freshDatabase().connect()
        try driver.execute("DROP TABLE IF EXISTS nothing_here")
    }
}
