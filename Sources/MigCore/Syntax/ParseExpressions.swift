/// Expressions by precedence, loosest first: `or`, `and`, `not`, comparisons and
/// `is [not] null` / `[not] in` / `[not] between`, `||`, `+ -`, `* / %`, unary `-`.
extension MigParser {
    mutating func parseExpression() throws(ParseAbort) -> Expr {
        try enterExpression()
        defer { expressionDepth -= 1 }
        return try parseOr()
    }

    /// Deep nesting is an error, not a stack overflow.
    mutating func enterExpression() throws(ParseAbort) {
        expressionDepth += 1
        if expressionDepth > Self.maximumExpressionDepth {
            expressionDepth -= 1
            throw fail(.nestedTooDeeply, label: "more than \(Self.maximumExpressionDepth) levels deep here",
                       help: "split the expression or remove redundant parentheses")
        }
    }

    /// A left-associative chain (`a + b + c ...`) nests as deep as it is long: it
    /// counts toward the same cap, so no later tree walk can overflow the stack.
    mutating func extendChain(_ chain: inout Int) throws(ParseAbort) {
        chain += 1
        expressionDepth += 1
        if expressionDepth > Self.maximumExpressionDepth {
            throw fail(.nestedTooDeeply, label: "more than \(Self.maximumExpressionDepth) operators deep here",
                       help: "split the expression")
        }
    }

    mutating func parseOr() throws(ParseAbort) -> Expr {
        var left = try parseAnd()
        var chain = 0
        defer { expressionDepth -= chain }
        while at("or") {
            try extendChain(&chain)
            advance()
            let right = try parseAnd()
            left = Expr(.binary(.or, left, right), span: left.span.through(right.span))
        }
        return left
    }

    mutating func parseAnd() throws(ParseAbort) -> Expr {
        var left = try parseNot()
        var chain = 0
        defer { expressionDepth -= chain }
        while at("and") {
            try extendChain(&chain)
            advance()
            let right = try parseNot()
            left = Expr(.binary(.and, left, right), span: left.span.through(right.span))
        }
        return left
    }

    mutating func parseNot() throws(ParseAbort) -> Expr {
        guard at("not") else { return try parseComparison() }
        let start = advance().start
        try enterExpression()
        defer { expressionDepth -= 1 }
        let operand = try parseNot()
        return Expr(.unary(.not, operand), span: span(from: start))
    }

    static func comparison(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
    }

    mutating func parseComparison() throws(ParseAbort) -> Expr {
        var left = try parseConcat()
        var chain = 0
        defer { expressionDepth -= chain }
        while true {
            if Self.comparison(kind) != nil || at("is") || at("in") || at("between") || at("not") { try extendChain(&chain) }
            if let op = Self.comparison(kind) {
                advance()
                let right = try parseConcat()
                left = Expr(.binary(op, left, right), span: left.span.through(right.span))
            } else if at("is") {
                advance()
                let negated = at("not")
                if negated { advance() }
                try consume("null", help: { _ in "only `is null` and `is not null` are supported" }) { .expectedIsNull(found: $0) }
                left = Expr(.isNull(left, negated: negated), span: span(from: left.span.start.offset))
            } else if at("in") || (at("not") && isWord(peek(), "in")) {
                let negated = at("not")
                if negated { advance() }
                advance()
                let list = try parseInList()
                left = Expr(.inList(left, list, negated: negated), span: span(from: left.span.start.offset))
            } else if at("between") || (at("not") && isWord(peek(), "between")) {
                let negated = at("not")
                if negated { advance() }
                advance()
                let lower = try parseConcat()
                try consume("and") { .expectedBetweenAnd(found: $0) }
                let upper = try parseConcat()
                left = Expr(.between(left, lower: lower, upper: upper, negated: negated), span: left.span.through(upper.span))
            } else {
                return left
            }
        }
    }

    mutating func parseInList() throws(ParseAbort) -> [Expr] {
        guard kind == .leftParen else { throw fail(.expectedInList(found: found)) }
        parenDepth += 1
        defer { parenDepth -= 1 }
        let open = advance()
        if kind == .rightParen { throw fail(.emptyInList, label: "expected at least one value") }
        var list = [try parseExpression()]
        while kind == .comma {
            advance()
            list.append(try parseExpression())
        }
        try closeParen(open)
        return list
    }

    mutating func parseConcat() throws(ParseAbort) -> Expr {
        var left = try parseAdditive()
        var chain = 0
        defer { expressionDepth -= chain }
        while kind == .concat {
            try extendChain(&chain)
            advance()
            let right = try parseAdditive()
            left = Expr(.binary(.concat, left, right), span: left.span.through(right.span))
        }
        return left
    }

    mutating func parseAdditive() throws(ParseAbort) -> Expr {
        var left = try parseMultiplicative()
        var chain = 0
        defer { expressionDepth -= chain }
        while kind == .plus || kind == .minus {
            try extendChain(&chain)
            let op: BinaryOperator = advance().kind == .plus ? .add : .subtract
            let right = try parseMultiplicative()
            left = Expr(.binary(op, left, right), span: left.span.through(right.span))
        }
        return left
    }

    mutating func parseMultiplicative() throws(ParseAbort) -> Expr {
        var left = try parseUnary()
        var chain = 0
        defer { expressionDepth -= chain }
        while kind == .star || kind == .slash || kind == .percent {
            try extendChain(&chain)
            let k = advance().kind
            let op: BinaryOperator = k == .star ? .multiply : k == .slash ? .divide : .remainder
            let right = try parseUnary()
            left = Expr(.binary(op, left, right), span: left.span.through(right.span))
        }
        return left
    }

    mutating func parseUnary() throws(ParseAbort) -> Expr {
        guard kind == .minus || kind == .plus else { return try parsePrimary() }
        let token = advance()
        try enterExpression()
        defer { expressionDepth -= 1 }
        let operand = try parseUnary()
        return Expr(.unary(token.kind == .minus ? .negate : .plus, operand), span: span(from: token.start))
    }

    /// primary := NUMBER | STRING | `true` | `false` | `null` | `current_timestamp`
    ///   | `current_date` | NAME [`(` args `)`] | `(` EXPR `)`
    mutating func parsePrimary() throws(ParseAbort) -> Expr {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return Expr(.number(text(token)), span: span(token))
        case .string, .tripleString:
            advance()
            return Expr(.string(stringValue(token)), span: span(token))
        case .leftParen:
            parenDepth += 1
            defer { parenDepth -= 1 }
            advance()
            let inner = try parseExpression()
            try closeParen(token)
            return Expr(inner.kind, span: span(from: token.start))
        case .quotedIdentifier:
            advance()
            return Expr(.column(identifier(token)), span: span(token))
        case .word:
            if atAbandonedLine { throw fail(.expectedExpression(found: found)) }
            return try parseWordExpression()
        default:
            // Where the expression's context ends anyway, leave a placeholder and go
            // on: the statement is kept and nothing else is reported.
            let closesContext = parenDepth > 0 ? kind == .rightParen || kind == .comma : atStatementEnd || kind == .comma
            guard closesContext, !atAbandonedLine else { throw fail(.expectedExpression(found: found)) }
            report(.expectedExpression(found: found), at: errorSpan())
            return Expr(.invalid, span: errorSpan())
        }
    }

    mutating func parseWordExpression() throws(ParseAbort) -> Expr {
        let token = advance()
        let tokenSpan = span(token)
        if isWord(token, "case"), opensCaseExpression() { return try parseCaseExpression(start: token.start) }
        if kind != .leftParen {
            if isWord(token, "true") { return Expr(.bool(true), span: tokenSpan) }
            if isWord(token, "false") { return Expr(.bool(false), span: tokenSpan) }
            if isWord(token, "null") { return Expr(.null, span: tokenSpan) }
            if isWord(token, "current_timestamp") { return Expr(.currentTimestamp, span: tokenSpan) }
            if isWord(token, "current_date") { return Expr(.currentDate, span: tokenSpan) }
            return Expr(.column(identifier(token)), span: tokenSpan)
        }
        parenDepth += 1
        defer { parenDepth -= 1 }
        let open = advance()
        var arguments: [Expr] = []
        if kind != .rightParen {
            arguments.append(try parseExpression())
            while kind == .comma {
                advance()
                arguments.append(try parseExpression())
            }
        }
        guard kind == .rightParen else {
            throw fail(.expectedArgumentsEnd(found: found), notes: [DiagnosticNote("the argument list opens here", at: span(open))])
        }
        try closeParen(open)
        return Expr(.call(name: identifier(token), arguments: arguments), span: span(from: token.start))
    }

    /// `(` EXPR `)`, for `check`.
    mutating func parseParenthesizedExpression(after: String) throws(ParseAbort) -> Expr {
        guard kind == .leftParen else { throw fail(.expectedParenthesizedExpression(after: after, found: found)) }
        parenDepth += 1
        defer { parenDepth -= 1 }
        let open = advance()
        let expression = try parseExpression()
        try closeParen(open)
        return expression
    }
}
