import MigCore
import Testing
@testable import MigRunner

/// How MySQL's and MariaDB's information_schema text reads back into the model,
/// including the MySQL 8 forms the MariaDB test server never shows.
@Suite struct MySQLReadingTests {
    @Test func columnTypes() {
        #expect(TypeMapping.mysql("int(11)") == .int)
        #expect(TypeMapping.mysql("int") == .int)
        #expect(TypeMapping.mysql("tinyint(1)") == .bool)
        #expect(TypeMapping.mysql("bigint(20)") == .bigint)
        #expect(TypeMapping.mysql("decimal(12,2)") == .decimal(precision: 12, scale: 2))
        #expect(TypeMapping.mysql("varchar(320)") == .varchar(320))
        #expect(TypeMapping.mysql("char(36)") == .char(36))
        #expect(TypeMapping.mysql("longtext") == .text)
        #expect(TypeMapping.mysql("text") == .sizedText(16_383))
        #expect(TypeMapping.mysql("mediumtext") == .sizedText(4_194_303))
        #expect(TypeMapping.mysql("longblob") == .blob)
        #expect(TypeMapping.mysql("datetime(6)") == .timestamp)
        #expect(TypeMapping.mysql("time(6)") == .time)
        #expect(TypeMapping.mysql("datetime") == .custom("datetime"))
        #expect(TypeMapping.mysql("int(10) unsigned") == .custom("int unsigned"))
        #expect(TypeMapping.mysql("TINYTEXT") == .custom("tinytext"))
    }

    @Test func mariaDBDefaults() {
        let read = { MySQLIntrospector.defaultValue($0, extra: "", dataType: "varchar", mariaDB: true) }
        #expect(read("'it\\'s'") == Expr(.string("it's")))
        #expect(read("'a''b\\\\c'") == Expr(.string("a'b\\c")))
        #expect(read("current_timestamp(6)") == Expr(.currentTimestamp))
        #expect(read("curdate()") == Expr(.currentDate))
        #expect(read("NULL") == Expr(.null))
        #expect(read("0.00") == Expr(.number("0.00")))
        #expect(read("lcase(concat('X','Y'))") == MySQLExpressionText.read("lower(concat('X', 'Y'))"))
    }

    @Test func mysql8Defaults() {
        #expect(MySQLIntrospector.defaultValue("it's", extra: "", dataType: "varchar", mariaDB: false) == Expr(.string("it's")))
        #expect(MySQLIntrospector.defaultValue("-1", extra: "", dataType: "int", mariaDB: false) == Expr(.number("-1")))
        #expect(MySQLIntrospector.defaultValue("CURRENT_TIMESTAMP(6)", extra: "DEFAULT_GENERATED", dataType: "datetime", mariaDB: false) == Expr(.currentTimestamp))
        #expect(MySQLIntrospector.defaultValue("_utf8mb4\\'abc\\'", extra: "DEFAULT_GENERATED", dataType: "longtext", mariaDB: false) == Expr(.string("abc")))
    }

    /// The backend's rendering of each default reads back as the same meaning.
    @Test func backendDefaultsRoundTrip() {
        for expr in [Expr(.string("it's \\ \"a\"")), Expr(.currentTimestamp), Expr(.currentDate), Expr(.unary(.not, Expr(.bool(false))))] {
            let back = MySQLExpressionText.read(Dialect.mysql.backend.render(expr))
            #expect(SchemaComparison.canonical(back) == SchemaComparison.canonical(MySQLExpressionText.read(Dialect.mysql.backend.render(back))), "\(expr)")
        }
        #expect(MySQLExpressionText.read("(NOT FALSE)") == Expr(.number("1")))
    }
}
