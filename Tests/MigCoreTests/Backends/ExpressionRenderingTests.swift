import Testing
@testable import MigCore

@Suite struct ExpressionRenderingTests {
    func col(_ n: String) -> Expr { Expr(.column(Identifier(n))) }
    func num(_ n: String) -> Expr { Expr(.number(n)) }
    func bin(_ op: BinaryOperator, _ l: Expr, _ r: Expr) -> Expr { Expr(.binary(op, l, r)) }

    @Test func parenthesesFollowTheTreeNotTheSource() {
        let pg = PostgresBackend()
        #expect(pg.render(bin(.multiply, bin(.add, col("a"), num("1")), num("2"))) == #"("a" + 1) * 2"#)
        #expect(pg.render(bin(.add, col("a"), bin(.multiply, num("1"), num("2")))) == #""a" + 1 * 2"#)
        #expect(pg.render(bin(.subtract, col("a"), bin(.subtract, num("1"), num("2")))) == #""a" - (1 - 2)"#)
        #expect(pg.render(bin(.and, bin(.or, col("a"), col("b")), col("c"))) == #"("a" OR "b") AND "c""#)
        #expect(pg.render(bin(.equal, bin(.less, col("a"), col("b")), Expr(.bool(true)))) == #"("a" < "b") = TRUE"#)
    }

    @Test func negationNeverFormsAComment() {
        let e = Expr(.unary(.negate, Expr(.unary(.negate, num("1")))))
        #expect(SQLiteBackend().render(e) == "-(-1)")
        #expect(SQLiteBackend().render(bin(.subtract, col("a"), Expr(.unary(.negate, num("1"))))) == #""a" - -1"#)
    }

    @Test func concatenationPerDialect() {
        let e = bin(.concat, col("a"), bin(.add, col("b"), num("1")))
        #expect(SQLiteBackend().render(e) == #""a" || ("b" + 1)"#)
        #expect(MySQLBackend().render(e) == "CONCAT(`a`, `b` + 1)")
    }

    @Test func predicatesAndLiterals() {
        let pg = PostgresBackend()
        #expect(pg.render(Expr(.isNull(col("a"), negated: true))) == #""a" IS NOT NULL"#)
        #expect(pg.render(Expr(.inList(col("s"), [Expr(.string("a")), Expr(.string("b'c"))], negated: false))) == #""s" IN ('a', 'b''c')"#)
        #expect(pg.render(Expr(.between(col("n"), lower: num("1"), upper: num("9"), negated: true))) == #""n" NOT BETWEEN 1 AND 9"#)
        #expect(pg.render(Expr(.unary(.not, bin(.equal, col("a"), num("1"))))) == #"NOT ("a" = 1)"#)
        #expect(pg.render(Expr(.currentTimestamp)) == "CURRENT_TIMESTAMP")
        #expect(MySQLBackend().render(Expr(.currentTimestamp)) == "CURRENT_TIMESTAMP(6)")
        #expect(pg.render(Expr(.inList(col("a"), [], negated: false))) == "(1 = 0)")
    }

    @Test func defaultsParenthesizeExpressions() {
        let column = Column(name: "c", type: .int)
        let sum = bin(.add, num("1"), num("2"))
        #expect(SQLiteBackend().defaultClause(sum, for: column) == "(1 + 2)")
        #expect(SQLiteBackend().defaultClause(Expr(.currentTimestamp), for: column) == "CURRENT_TIMESTAMP")
        #expect(MySQLBackend().defaultClause(Expr(.string("x")), for: Column(name: "t", type: .text)) == "('x')")
        #expect(MySQLBackend().defaultClause(Expr(.string("x")), for: Column(name: "t", type: .varchar(3))) == "'x'")
    }
}
