import Testing
@testable import MigCore

@Suite struct QuotingTests {
    @Test func identifiersAreAlwaysQuotedWithDoubling() {
        #expect(SQLiteBackend().quote("users") == #""users""#)
        #expect(PostgresBackend().quote(#"a"b"#) == #""a""b""#)
        #expect(MySQLBackend().quote("a`b") == "`a``b`")
        #expect(MySQLBackend().quote(#"a"b"#) == "`a\"b`")
    }

    @Test func stringLiteralsAreEscapedPerDialect() {
        #expect(SQLiteBackend().literal("it's") == "'it''s'")
        #expect(SQLiteBackend().literal(#"a\b"#) == #"'a\b'"#)
        #expect(PostgresBackend().literal("it's") == "'it''s'")
        #expect(PostgresBackend().literal(#"a\'b"#) == #"E'a\\''b'"#)
        #expect(MySQLBackend().literal(#"a\'b"#) == #"'a\\''b'"#)
    }

    @Test func commentTextCannotEndTheComment() {
        #expect(SQLText.commentText("a\nDROP TABLE x;\r\u{2028}b") == "a DROP TABLE x;  b")
    }

    @Test func numeralsAreCheckedBeforeGoingOutBare() {
        for ok in ["0", "42", "1.5", ".5", "1.", "1e3", "2.5E-10"] { #expect(SQLText.isNumeral(ok), "\(ok)") }
        for bad in ["", "-1", "1;", "1 --", "e3", "1e", "0x10", "1.2.3"] { #expect(!SQLText.isNumeral(bad), "\(bad)") }
        let hostile = Expr(.number("1); DROP TABLE users; --"))
        #expect(SQLiteBackend().render(hostile) == "'1); DROP TABLE users; --'")
    }

    @Test func customTypesPassOnlyWhenTheyAreOneTypeName() {
        let good = [
            "tsvector", "varchar(10)[]", "double precision", "geometry(Point, 4326)", "enum('a','b')", #""MyType""#,
            "public.citext", "character varying(10)", "timestamp(3) with time zone", "time without time zone",
            "int unsigned", "numeric(10,2)", "int[][]", "int[3]", "interval day to second", #"public."My Type""#,
        ]
        for ok in good {
            #expect(CustomTypeGrammar.isValid(ok), "\(ok)")
            #expect(PostgresBackend().typeName(.custom(ok), autoincrement: false) == ok)
        }
        let bad = [
            "int; DROP TABLE x", "int -- x", "int /* x */", "int)", "(int", "int\nx", "'a", "a\\b", "",
            "int, DROP COLUMN secret", "int, injected_col text", "text references secret(id)", "int default 1",
            "int not null", "text collate \"C\"", "int check (x > 0)", "enum('a\\', 'b')", "x()", "int ", " int",
            "a.b.c", "int[", "\"a\u{0}b\"", "int generated always as identity",
        ]
        for text in bad {
            #expect(!CustomTypeGrammar.isValid(text), "\(text)")
        }
        #expect(PostgresBackend().typeName(.custom("int; DROP TABLE x"), autoincrement: false) == #""int; DROP TABLE x""#)
        #expect(MySQLBackend().typeName(.custom("int; DROP TABLE x"), autoincrement: false) == "`int; DROP TABLE x`")
        #expect(SQLiteBackend().typeName(.custom("int, DROP COLUMN secret"), autoincrement: false) == #""int, DROP COLUMN secret""#)
    }

    @Test func functionNamesGoOutBareOnlyWhenPlain() {
        let plain = Expr(.call(name: Identifier("lower"), arguments: [Expr(.column(Identifier("email")))]))
        #expect(PostgresBackend().render(plain) == #"lower("email")"#)
        let odd = Expr(.call(name: Identifier("f(); DROP TABLE x; --"), arguments: []))
        #expect(PostgresBackend().render(odd) == #""f(); DROP TABLE x; --"()"#)
    }

    @Test func scriptStatementsEndEvenAfterATrailingComment() {
        #expect(ScriptBuilder.terminated("SELECT 1") == "SELECT 1;\n")
        #expect(ScriptBuilder.terminated("SELECT 1;\n\n") == "SELECT 1;\n")
        #expect(ScriptBuilder.terminated("SELECT 1 -- done") == "SELECT 1 -- done\n;\n")
    }
}

@Suite struct StatementEndTests {
    @Test func quotedDashesAreNotComments() {
        #expect(ScriptBuilder.terminated(#"DROP TABLE "a -- b""#) == "DROP TABLE \"a -- b\";\n")
        #expect(ScriptBuilder.terminated("SELECT '--'") == "SELECT '--';\n")
        #expect(ScriptBuilder.terminated("SELECT 1; -- done;") == "SELECT 1; -- done;\n;\n")
        #expect(ScriptBuilder.terminated("SELECT 1 /* -- */") == "SELECT 1 /* -- */;\n")
    }
}
