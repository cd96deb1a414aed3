// Typed data changes: `insert`, `update`, `delete`, their `reverse`, and the
// `backfill` clause of `add column`. Continuation lines are allowed where nothing
// else could start: after `values` and between rows, before `where` and `reverse`.

extension MigParser {
    /// insert := `insert` `into` T `(` cols `)` `values` row (`,` row)* [reverse]
    mutating func parseInsert() throws(ParseAbort) -> Operation {
        advance()
        try consume("into") { .data(.expected("`into`", after: "`insert`", found: $0)) }
        let table = try parseName("a table", after: "`insert into`")
        let columns = try parseColumnList(after: "the table name")
        skipContinuation(before: "values")
        try consume("values", help: { _ in "write `insert into \(table.name) (...) values (...), (...)`" }) {
            .data(.expected("`values`", after: "the column list", found: $0))
        }
        var rows: [InsertRow] = []
        repeat {
            if !rows.isEmpty { advance() }
            while kind == .newline { advance() }
            rows.append(try parseRow())
        } while kind == .comma
        var insert = InsertRows(table: table, columns: columns, rows: rows)
        insert.reverse = try parseDataReverse()
        return .insert(insert)
    }

    /// row := `(` EXPR (`,` EXPR)* `)`
    mutating func parseRow() throws(ParseAbort) -> InsertRow {
        guard kind == .leftParen else { throw fail(.data(.expected("`(` and a row of values", after: "`values`", found: found))) }
        parenDepth += 1
        defer { parenDepth -= 1 }
        let open = advance()
        if kind == .rightParen { throw fail(.data(.emptyRow), label: "expected at least one value") }
        var values = [try parseExpression()]
        while kind == .comma {
            advance()
            values.append(try parseExpression())
        }
        try closeParen(open)
        return InsertRow(values, span: span(from: open.start))
    }

    /// update := `update` T `set` NAME `=` EXPR (`,` NAME `=` EXPR)* [`where` EXPR] [reverse]
    mutating func parseUpdate() throws(ParseAbort) -> Operation {
        advance()
        let table = try parseName("a table", after: "`update`")
        try consume("set", help: { _ in "write `update \(table.name) set column = value`" }) {
            .data(.expected("`set`", after: "the table name", found: $0))
        }
        var assignments: [Assignment] = []
        repeat {
            if !assignments.isEmpty {
                advance()
                while kind == .newline { advance() }
            }
            let column = try parseName("a column", after: assignments.isEmpty ? "`set`" : "`,`")
            guard kind == .equal else { throw fail(.data(.expected("`=`", after: "the column name", found: found))) }
            advance()
            assignments.append(Assignment(column: column, value: try parseExpression()))
        } while kind == .comma
        var update = UpdateRows(table: table, assignments: assignments)
        update.predicate = try parseDataWhere()
        update.reverse = try parseDataReverse()
        return .update(update)
    }

    /// delete := `delete` `from` T [`where` EXPR] [reverse]
    mutating func parseDelete() throws(ParseAbort) -> Operation {
        advance()
        try consume("from", help: { p in p.at("table") || p.at("column") ? "`delete` removes rows; to remove a table or column, use `drop`" : nil }) {
            .data(.expected("`from`", after: "`delete`", found: $0))
        }
        var delete = DeleteRows(table: try parseName("a table", after: "`delete from`"))
        delete.predicate = try parseDataWhere()
        delete.reverse = try parseDataReverse()
        return .delete(delete)
    }

    /// [`where` EXPR], possibly on the next line.
    mutating func parseDataWhere() throws(ParseAbort) -> Expr? {
        skipContinuation(before: "where")
        guard at("where") else { return nil }
        advance()
        return try parseExpression()
    }

    /// reverse := `reverse` (`nothing` | `{` data_statement* `}`), possibly on the next line.
    mutating func parseDataReverse() throws(ParseAbort) -> DataReverse? {
        skipContinuation(before: "reverse")
        guard at("reverse") else { return nil }
        let keyword = advance()
        if at("nothing") {
            let token = advance()
            return .nothing(span(token))
        }
        guard kind == .leftBrace else {
            let text = kind == .string || kind == .tripleString
            throw fail(.data(.expectedReverseBody(found: found)),
                       help: text ? "SQL text goes in a block: `reverse { sql \"...\" }`" : nil)
        }
        guard let block = parseBlockBody(after: keyword, name: "reverse") else { throw ParseAbort() }
        for statement in block.statements { checkReversible(statement) }
        return .block(block)
    }

    /// Only data changes may sit in a `reverse` block, without a `reverse` of their own.
    mutating func checkReversible(_ statement: Statement) {
        let op = statement.operation
        // Data changes and `sql`: what changes rows and nothing the model holds.
        guard op.isOpaqueToModel else {
            report(.data(.notDataOperation(Self.name(of: op))), at: statement.span,
                   help: "a `reverse` block holds `insert`, `update`, `delete` and `sql`; schema changes belong in the `downgrade` block")
            return
        }
        let nested: Bool = if case .sql(let s) = op { s.reverse != nil || s.forwardOnly != nil } else { op.dataReverse != nil }
        if nested {
            report(.data(.nestedReverse), at: statement.span, help: "remove the inner `reverse`: the downgrade never undoes it")
        }
    }

    /// Newlines before `keyword` when the next line starts with it.
    mutating func skipContinuation(before keyword: StaticString) {
        guard kind == .newline, isWord(peekPastNewlines(), keyword) else { return }
        while kind == .newline { advance() }
    }

    /// `backfill EXPR` after `add column T.c TYPE MODIFIERS` (modifiers may follow it).
    mutating func parseBackfill(into add: inout AddColumn) throws(ParseAbort) {
        while at("backfill") {
            let keyword = advance()
            let value = try parseExpression()
            if let first = add.backfill {
                report(.duplicateModifier("backfill"), at: span(from: keyword.start), notes: [DiagnosticNote("first written here", at: first.span)])
            } else {
                add.backfill = value
            }
            if !atStatementEnd, kind == .word, !at("backfill") {
                let start = add.column.span.start.offset
                var rest = try parseColumnModifiers(into: add.column)
                rest.span = span(from: start)
                add.column = rest
            }
        }
    }

    /// `case [OPERAND] (when EXPR then EXPR)+ [else EXPR] end`; the cursor is past
    /// `case`. Like parentheses, `case ... end` lets the expression span lines.
    mutating func parseCaseExpression(start: Int) throws(ParseAbort) -> Expr {
        parenDepth += 1
        defer { parenDepth -= 1 }
        skipTrivia()
        var c = CaseExpression(whens: [])
        if !at("when") { c.operand = try parseExpression() }
        while at("when") {
            advance()
            let condition = try parseExpression()
            try consume("then") { .data(.expected("`then`", after: "the `when` condition", found: $0)) }
            c.whens.append(CaseWhen(condition: condition, result: try parseExpression()))
        }
        if c.whens.isEmpty { throw fail(.data(.expected("`when`", after: c.operand == nil ? "`case`" : "the `case` operand", found: found))) }
        if at("else") {
            advance()
            c.otherwise = try parseExpression()
        }
        guard at("end") else { throw fail(.data(.expected("`end`", after: "the last `case` branch", found: found))) }
        parenDepth -= 1
        advance()
        parenDepth += 1
        return Expr(.caseWhen(c), span: span(from: start))
    }

    /// Whether the `case` just read opens a case expression rather than naming a
    /// column or a function: it does unless an operator or the end of an operand
    /// follows, or a `(` whose `)` is not followed by `when` (a call).
    func opensCaseExpression() -> Bool {
        switch kind {
        case .word:
            if at("not") { return !(isWord(peek(), "in") || isWord(peek(), "between")) }
            let operators: [StaticString] = ["and", "or", "is", "in", "between", "then", "else", "end"]
            return !operators.contains { at($0) }
        case .number, .string, .tripleString, .quotedIdentifier, .minus, .plus: return true
        case .leftParen: return isWord(tokenAfterParentheses(), "when")
        case .newline: return parenDepth == 0 && isWord(peekPastNewlines(), "when")
        default: return false
        }
    }

    /// The significant token after the `)` matching the current `(`.
    func tokenAfterParentheses() -> Token {
        var depth = 0
        var k = index
        while tokens[k].kind != .endOfFile {
            switch tokens[k].kind {
            case .leftParen: depth += 1
            case .rightParen:
                depth -= 1
                if depth == 0 {
                    k += 1
                    while tokens[k].kind == .comment || tokens[k].kind == .newline { k += 1 }
                    return tokens[k]
                }
            default: break
            }
            k += 1
        }
        return tokens[k]
    }
}

/// Syntax errors of data changes and `case` (one case of `SyntaxError`).
enum DataSyntaxError: Sendable {
    case expected(String, after: String, found: String)
    case emptyRow
    case notDataOperation(String)
    case nestedReverse
    case expectedReverseBody(found: String)

    var code: DiagnosticCode {
        switch self {
        case .expected, .emptyRow: .malformedDataOperation
        case .notDataOperation, .nestedReverse: .notInReverseBlock
        case .expectedReverseBody: .expectedReverseBody
        }
    }

    var message: String {
        switch self {
        case .expected(let what, let after, let found): "expected \(what) after \(after), found \(found)"
        case .emptyRow: "a row of values is empty"
        case .notDataOperation(let op): "`\(op)` cannot be part of a `reverse` block"
        case .nestedReverse: "an operation in a `reverse` block cannot have a `reverse` of its own"
        case .expectedReverseBody(let found): "expected `nothing` or `{` after `reverse`, found \(found)"
        }
    }
}
