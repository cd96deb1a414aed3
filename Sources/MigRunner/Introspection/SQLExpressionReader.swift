import MigCore

// Reads the SQL a database shows for a default, check or index predicate back into
// the portable `Expr`, dropping what the database adds on its own: casts
// (`'abc'::text`, `(0)::numeric`), redundant parentheses, identifier quotes, keyword
// case. PostgreSQL's `x = ANY (ARRAY[...])` reads back as `x in (...)`. Text that does
// not parse becomes `Expr.unreadable(text)`, which only equals the same text.

enum SQLExpressionReader {
    static func read(_ sql: String) -> Expr {
        var parser = Parser(tokens: SQLTokenizer.tokenize(sql))
        if let expr = parser.parseExpression(), parser.atEnd { return expr }
        return .unreadable(sql)
    }

    private struct Parser {
        let tokens: [SQLToken]
        var position = 0
        init(tokens: [SQLToken]) { self.tokens = tokens }

        var atEnd: Bool { position >= tokens.count }
        var current: SQLToken? { position < tokens.count ? tokens[position] : nil }
        mutating func advance() { position += 1 }
        mutating func take(word: String) -> Bool {
            guard current?.isWord(word) == true else { return false }
            advance()
            return true
        }
        mutating func take(symbol: String) -> Bool {
            guard current?.isSymbol(symbol) == true else { return false }
            advance()
            return true
        }

        mutating func parseExpression() -> Expr? { parseOr() }

        mutating func parseOr() -> Expr? {
            guard var left = parseAnd() else { return nil }
            while take(word: "OR") {
                guard let right = parseAnd() else { return nil }
                left = Expr(.binary(.or, left, right))
            }
            return left
        }

        mutating func parseAnd() -> Expr? {
            guard var left = parseNot() else { return nil }
            while take(word: "AND") {
                guard let right = parseNot() else { return nil }
                left = Expr(.binary(.and, left, right))
            }
            return left
        }

        mutating func parseNot() -> Expr? {
            if take(word: "NOT") { return parseNot().map { Expr(.unary(.not, $0)) } }
            return parseComparison()
        }

        mutating func parseComparison() -> Expr? {
            guard let left = parseConcat() else { return nil }
            if take(word: "IS") {
                let negated = take(word: "NOT")
                guard take(word: "NULL") else { return nil }
                return Expr(.isNull(left, negated: negated))
            }
            let negated = take(word: "NOT")
            if take(word: "IN") { return parseList().map { Expr(.inList(left, $0, negated: negated)) } }
            if take(word: "BETWEEN") {
                guard let lo = parseConcat(), take(word: "AND"), let hi = parseConcat() else { return nil }
                return Expr(.between(left, lower: lo, upper: hi, negated: negated))
            }
            if negated { return nil }
            let operators: [(String, BinaryOperator)] = [
                ("=", .equal), ("<>", .notEqual), ("!=", .notEqual), ("<=", .lessEqual), (">=", .greaterEqual),
                ("<", .less), (">", .greater),
            ]
            for (symbol, op) in operators where take(symbol: symbol) {
                if let list = parseQuantifiedArray() {
                    // `x = ANY (ARRAY[..])` is `x IN (..)`; `x <> ALL (ARRAY[..])` is `NOT IN`.
                    return Expr(.inList(left, list, negated: op == .notEqual))
                }
                return parseConcat().map { Expr(.binary(op, left, $0)) }
            }
            return left
        }

        /// `ANY (ARRAY[a, b])` / `ALL (ARRAY[a, b])`, as PostgreSQL shows `IN` lists.
        mutating func parseQuantifiedArray() -> [Expr]? {
            guard current?.isWord("ANY") == true || current?.isWord("ALL") == true else { return nil }
            let saved = position
            advance()
            // `ANY (ARRAY[..])`, or with the array cast: `ANY ((ARRAY[..])::text[])`.
            if take(symbol: "(") {
                let wrapped = take(symbol: "(")
                if take(word: "ARRAY"), take(symbol: "["), let items = parseItems(until: "]"), !wrapped || take(symbol: ")") {
                    skipCasts()
                    if take(symbol: ")") {
                        skipCasts()
                        return items
                    }
                }
            }
            position = saved
            return nil
        }

        mutating func parseList() -> [Expr]? {
            guard take(symbol: "(") else { return nil }
            return parseItems(until: ")")
        }

        mutating func parseItems(until close: String) -> [Expr]? {
            var items: [Expr] = []
            if take(symbol: close) { return items }
            repeat {
                guard let item = parseExpression() else { return nil }
                items.append(item)
            } while take(symbol: ",")
            return take(symbol: close) ? items : nil
        }

        mutating func parseConcat() -> Expr? { parseBinary(level: 0) }

        /// `||`, then `+ -`, then `* / %`, left-associative.
        mutating func parseBinary(level: Int) -> Expr? {
            let levels: [[(String, BinaryOperator)]] = [
                [("||", .concat)], [("+", .add), ("-", .subtract)], [("*", .multiply), ("/", .divide), ("%", .remainder)],
            ]
            guard level < levels.count else { return parseUnary() }
            guard var left = parseBinary(level: level + 1) else { return nil }
            outer: while true {
                for (symbol, op) in levels[level] where take(symbol: symbol) {
                    guard let right = parseBinary(level: level + 1) else { return nil }
                    left = Expr(.binary(op, left, right))
                    continue outer
                }
                return left
            }
        }

        mutating func parseUnary() -> Expr? {
            if take(symbol: "-") {
                guard let operand = parseUnary() else { return nil }
                if case .number(let n) = operand.kind, !n.hasPrefix("-") { return Expr(.number("-" + n)) }
                return Expr(.unary(.negate, operand))
            }
            if take(symbol: "+") { return parseUnary() }
            guard let primary = parsePrimary() else { return nil }
            skipCasts()
            return primary
        }

        /// `::type`, `::character varying(20)`, `::text[]`: dropped.
        mutating func skipCasts() {
            while take(symbol: "::") {
                while let token = current, token.kind == .word || token.kind == .quoted,
                      !["AND", "OR", "IS", "NOT", "IN", "BETWEEN"].contains(token.text.uppercased()) {
                    advance()
                }
                if current?.isSymbol("(") == true { _ = parseList() }
                if current?.isSymbol("[") == true { advance(); _ = take(symbol: "]") }
            }
        }

        mutating func parsePrimary() -> Expr? {
            guard let token = current else { return nil }
            advance()
            switch token.kind {
            case .number: return Expr(.number(token.text))
            case .string: return Expr(.string(token.text))
            case .quoted: return Expr(.column(Identifier(token.text)))
            case .symbol:
                guard token.text == "(", let inner = parseExpression(), take(symbol: ")") else { return nil }
                return inner
            case .word: return parseWord(token)
            }
        }

        mutating func parseWord(_ token: SQLToken) -> Expr? {
            switch token.text.uppercased() {
            case "TRUE": return Expr(.bool(true))
            case "FALSE": return Expr(.bool(false))
            case "NULL": return Expr(.null)
            case "CURRENT_TIMESTAMP": return Expr(.currentTimestamp)
            case "CURRENT_DATE": return Expr(.currentDate)
            case "CAST":
                guard take(symbol: "("), let inner = parseExpression(), take(word: "AS") else { return nil }
                var depth = 0
                while let t = current, !(depth == 0 && t.isSymbol(")")) {
                    if t.isSymbol("(") { depth += 1 } else if t.isSymbol(")") { depth -= 1 }
                    advance()
                }
                return take(symbol: ")") ? inner : nil
            default:
                guard current?.isSymbol("(") == true else { return Expr(.column(Identifier(token.text))) }
                guard let args = parseList() else { return nil }
                let name = token.text.lowercased()
                if name == "now", args.isEmpty { return Expr(.currentTimestamp) }
                return Expr(.call(name: Identifier(name), arguments: args))
            }
        }
    }
}

extension Expr {
    /// SQL the introspector could not read back, kept as text so drift reports can
    /// quote it. Only equal to the same text.
    static func unreadable(_ sql: String) -> Expr {
        Expr(.call(name: Identifier("sql"), arguments: [Expr(.string(sql.trimmingWhitespace()))]))
    }

    /// The text of an expression the introspector could not read, else nil.
    var unreadableText: String? {
        guard case .call(let name, let args) = kind, name.name == "sql", args.count == 1, case .string(let text) = args[0].kind else { return nil }
        return text
    }
}
