import Testing
@testable import MigCore

/// Expression printing: parentheses only where precedence needs them.
@Suite struct PrinterExpressionTests {
    static func col(_ name: String) -> Expr { Expr(.column(Identifier(name))) }
    static func num(_ text: String) -> Expr { Expr(.number(text)) }
    static func bin(_ op: BinaryOperator, _ l: Expr, _ r: Expr) -> Expr { Expr(.binary(op, l, r)) }
    static func not(_ e: Expr) -> Expr { Expr(.unary(.not, e)) }
    static func neg(_ e: Expr) -> Expr { Expr(.unary(.negate, e)) }

    static let a = col("a"), b = col("b"), c = col("c")

    static let cases: [(Expr, String)] = [
        (bin(.add, bin(.add, a, b), c), "a + b + c"),
        (bin(.add, a, bin(.add, b, c)), "a + (b + c)"),
        (bin(.subtract, a, bin(.subtract, b, c)), "a - (b - c)"),
        (bin(.multiply, bin(.add, a, b), c), "(a + b) * c"),
        (bin(.add, a, bin(.multiply, b, c)), "a + b * c"),
        (bin(.divide, a, bin(.multiply, b, c)), "a / (b * c)"),
        (bin(.remainder, bin(.multiply, a, b), c), "a * b % c"),
        (bin(.or, bin(.and, a, b), c), "a and b or c"),
        (bin(.and, a, bin(.or, b, c)), "a and (b or c)"),
        (bin(.and, bin(.or, a, b), c), "(a or b) and c"),
        (bin(.greaterEqual, bin(.add, a, num("1")), num("0")), "a + 1 >= 0"),
        (bin(.equal, bin(.equal, a, b), c), "(a = b) = c"),
        (bin(.equal, a, bin(.less, b, c)), "a = (b < c)"),
        (bin(.concat, bin(.concat, a, b), c), "a || b || c"),
        (bin(.concat, bin(.add, a, b), c), "a + b || c"),
        (bin(.add, bin(.concat, a, b), c), "(a || b) + c"),
        (not(bin(.equal, a, b)), "not a = b"),
        (not(bin(.and, a, b)), "not (a and b)"),
        (bin(.and, not(a), b), "not a and b"),
        (not(not(a)), "not not a"),
        (bin(.equal, a, not(b)), "a = (not b)"),
        (not(Expr(.isNull(a, negated: false))), "not a is null"),
        (Expr(.isNull(bin(.equal, a, b), negated: false)), "(a = b) is null"),
        (bin(.equal, Expr(.isNull(a, negated: false)), b), "(a is null) = b"),
        (bin(.add, a, Expr(.isNull(b, negated: false))), "a + (b is null)"),
        (Expr(.call(name: Identifier("date"), arguments: [a])), "date(a)"),
        (Expr(.isNull(bin(.add, a, b), negated: true)), "a + b is not null"),
        (Expr(.isNull(bin(.and, a, b), negated: false)), "(a and b) is null"),
        (Expr(.isNull(Expr(.isNull(a, negated: false)), negated: false)), "(a is null) is null"),
        (bin(.and, Expr(.isNull(a, negated: false)), b), "a is null and b"),
        (Expr(.inList(a, [num("1"), bin(.add, b, num("2"))], negated: false)), "a in (1, b + 2)"),
        (Expr(.inList(a, [Expr(.string("x"))], negated: true)), "a not in (\"x\")"),
        (Expr(.inList(not(a), [], negated: false)), "(not a) in ()"),
        (Expr(.between(a, lower: num("1"), upper: bin(.add, b, num("1")), negated: false)), "a between 1 and b + 1"),
        (Expr(.between(a, lower: bin(.equal, b, c), upper: num("2"), negated: true)), "a not between (b = c) and 2"),
        (bin(.and, Expr(.between(a, lower: b, upper: c, negated: false)), a), "a between b and c and a"),
        (neg(num("1")), "-1"),
        (neg(neg(num("1"))), "-(-1)"),
        (neg(bin(.add, a, b)), "-(a + b)"),
        (bin(.subtract, a, neg(num("1"))), "a - -1"),
        (bin(.multiply, neg(a), b), "-a * b"),
        (Expr(.unary(.plus, num("2"))), "+2"),
        (Expr(.call(name: Identifier("coalesce"), arguments: [a, bin(.or, b, c)])), "coalesce(a, b or c)"),
        (Expr(.call(name: Identifier("now"), arguments: [])), "now()"),
        (Expr(.string("say \"hi\"\\\n")), "\"say \\\"hi\\\"\\\\\\n\""),
        (Expr(.currentTimestamp), "current_timestamp"),
        (Expr(.currentDate), "current_date"),
        (Expr(.bool(true)), "true"),
        (Expr(.null), "null"),
        (col("Order Total"), "`Order Total`"),
        (col("key"), "`key`"),
        (num("1.5e3"), "1.5e3"),
    ]

    @Test(arguments: cases.indices)
    func prints(index: Int) {
        let (expr, expected) = Self.cases[index]
        #expect(Printer.print(expr) == expected)
    }

    @Test func defaultValuesAreBareOnlyWhenSimple() {
        #expect(Printer.defaultValue(Self.num("0")) == "0")
        #expect(Printer.defaultValue(Self.neg(Self.num("1"))) == "-1")
        #expect(Printer.defaultValue(Expr(.currentTimestamp)) == "current_timestamp")
        #expect(Printer.defaultValue(Self.bin(.add, Self.a, Self.b)) == "(a + b)")
        #expect(Printer.defaultValue(Self.neg(Self.a)) == "(-a)")
        #expect(Printer.defaultValue(Expr(.call(name: Identifier("now"), arguments: []))) == "now()")
    }

    @Test func types() {
        #expect(Printer.print(.decimal(precision: 12, scale: 2)) == "decimal(12, 2)")
        #expect(Printer.print(.decimal(precision: 10, scale: nil)) == "decimal(10)")
        #expect(Printer.print(.decimal(precision: nil, scale: nil)) == "decimal")
        #expect(Printer.print(.varchar(320)) == "varchar(320)")
        #expect(Printer.print(.char(2)) == "char(2)")
        #expect(Printer.print(.custom("tsvector")) == "\"tsvector\"")
        #expect(Printer.print(.timestamptz) == "timestamptz")
    }
}
