@testable import MigCore

/// Seeded random syntax trees of the shapes the parser produces, for the printer's
/// round-trip property. Names, strings and comments lean on the awkward cases:
/// keywords, spaces, quotes, backslashes, newlines, non-ASCII.
struct RandomTrees {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64: small, fast, and the same on every platform.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
    mutating func some<T>(_ max: Int, _ make: (inout RandomTrees) -> T) -> [T] {
        (0..<(1 + int(max))).map { _ in make(&self) }
    }

    // MARK: Lexical pieces

    static let names = [
        "a", "users", "t1", "_x", "Order Items", "key", "date", "null", "true", "not", "unique",
        "check", "primary", "foreign", "desc", "asc", "on", "to", "9lives", "ünï", "a-b", "CamelCase", "upgrade",
    ]
    static let words = ["lower", "coalesce", "now", "length", "f", "Upper", "true"]
    static let numbers = ["0", "42", "1.5", ".5", "2.", "1e3", "2.5E-3", "007"]
    static let texts = ["", "x", "it's", "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "ünïcödé", "\"\"\"", "ends with \"", "-- not a comment", "crlf\r\nline\r"]
    static let comments = ["", " plain", " migc:allow MIG102 - why", "-- double", " `quoted` \"string\"", " ünï"]

    mutating func name() -> Identifier { Identifier(pick(Self.names)) }
    mutating func names(_ max: Int = 3) -> [Identifier] { some(max) { $0.name() } }
    mutating func text() -> String { pick(Self.texts) }

    mutating func trivia() -> Trivia {
        Trivia(leading: chance(20) ? some(2) { $0.pick(Self.comments) } : [], trailing: chance(15) ? pick(Self.comments) : nil)
    }

    mutating func comments() -> [String] { chance(20) ? some(2) { $0.pick(Self.comments) } : [] }

    // MARK: Expressions and types

    mutating func expr(_ depth: Int = 3) -> Expr {
        if depth <= 0 || chance(30) { return Expr(leaf()) }
        let d = depth - 1
        switch int(7) {
        case 0: return Expr(.unary(pick([.negate, .plus, .not]), expr(d)))
        case 1: return Expr(.isNull(expr(d), negated: chance(50)))
        case 2: return Expr(.inList(expr(d), some(2) { $0.expr(d - 1) }, negated: chance(50)))
        case 3: return Expr(.between(expr(d), lower: expr(d), upper: expr(d), negated: chance(50)))
        case 4: return Expr(.call(name: Identifier(pick(Self.words)), arguments: chance(20) ? [] : some(2) { $0.expr(d) }))
        case 5 where chance(50):
            return Expr(.caseWhen(CaseExpression(operand: chance(50) ? expr(d) : nil, whens: some(2) { CaseWhen(condition: $0.expr(d), result: $0.expr(d)) },
                                                 otherwise: chance(50) ? expr(d) : nil)))
        default: return Expr(.binary(pick(BinaryOperator.allCases), expr(d), expr(d)))
        }
    }

    mutating func leaf() -> Expr.Kind {
        switch int(7) {
        case 0: .number(pick(Self.numbers))
        case 1: .string(text())
        case 2: .bool(chance(50))
        case 3: .null
        case 4: pick([.currentTimestamp, .currentDate])
        default: .column(name())
        }
    }

    mutating func type() -> ColumnType {
        switch int(19) {
        case 0: .smallint
        case 1: .int
        case 2: .bigint
        case 3: .real
        case 4: .double
        case 5: .decimal(precision: nil, scale: nil)
        case 6: .decimal(precision: 1 + int(20), scale: nil)
        case 7: .decimal(precision: 12, scale: int(13))
        case 8: .bool
        case 9: int(2) == 0 ? .text : .sizedText(1 + int(5_000_000))
        case 10: .varchar(1 + int(500))
        case 11: .char(1 + int(10))
        case 12: .blob
        case 13: .date
        case 14: .time
        case 15: .timestamp
        case 16: .timestamptz
        case 17: pick([.uuid, .json])
        default: .custom(pick(["tsvector", "citext", "\"My Type\"[]", "timestamp(3) with time zone"]))
        }
    }
}
