extension MigParser {
    /// create_table := NAME `{` (table_item (newline | `;` | `,`))* `}`
    mutating func parseCreateTable() throws(ParseAbort) -> CreateTable {
        let name = try parseName("a table", after: "`create table`")
        guard kind == .leftBrace else {
            let help = isWord(tokens[index - 1], "if") && at("not")
                ? "`if not exists` is not needed: migc knows what exists"
                : kind == .leftParen ? "a table body is written in braces: `create table \(name.name) { ... }`" : nil
            throw fail(.expectedTableBody(found: found), help: help)
        }
        let open = advance()
        var table = CreateTable(name: name, columns: [])
        while true {
            while kind == .newline || kind == .semicolon || kind == .comma { advance() }
            let before = index
            if kind == .rightBrace {
                table.trailingComments = takeLeading()
                advance()
                return table
            }
            if atEnd || startsOperationLine || startsBlock(current) {
                if atEnd && swallowedToEnd { return table }
                report(.unterminatedTableBody(name.name), at: span(previousEnd, previousEnd), label: "expected `}` here",
                       notes: [DiagnosticNote("the table body opens here", at: span(open))])
                table.trailingComments = takeLeading()
                return table
            }
            do {
                try parseTableItem(into: &table)
            } catch {
                synchronize(inTable: true)
            }
            if index == before { advance() }
        }
    }

    /// `create table`, `drop column`...: an operation keyword and its second word at
    /// the start of a line, so the table's `}` was forgotten.
    var startsOperationLine: Bool {
        guard startsOperation(current), newlineBeforeCurrent else { return false }
        let next = peek()
        if isWord(current, "sql") { return next.kind == .tripleString || next.kind == .string || next.kind == .word && peek(2).kind == .tripleString }
        let seconds: [StaticString] = ["table", "index", "unique", "column", "constraint", "foreign", "check", "primary", "into", "from"]
        if isWord(current, "update") { return isWord(peek(2), "set") }
        return seconds.contains { isWord(next, $0) } && peek(2).kind != .newline
    }

    /// table_item := column_definition | table_constraint, then an item end.
    mutating func parseTableItem(into table: inout CreateTable) throws(ParseAbort) {
        let leading = takeLeading()
        let start = current.start
        if let constraint = try parseTableConstraintKind() {
            let end = previousEnd
            try expectItemEnd()
            let trivia = Trivia(leading: leading, trailing: takeTrailing())
            table.constraints.append(TableConstraint(constraint, trivia: trivia, span: span(start, end)))
            return
        }
        var column = try parseColumnDefinition()
        try expectItemEnd()
        column.trivia = Trivia(leading: leading, trailing: takeTrailing())
        table.columns.append(column)
    }

    mutating func expectItemEnd() throws(ParseAbort) {
        guard atStatementEnd || kind == .comma else { throw fail(.expectedItemEnd(found: found)) }
        if kind == .semicolon || kind == .comma { advance() }
    }

    /// table_constraint := `primary` `key` cols | `unique` NAME cols
    ///   | `foreign` `key` NAME cols references | `check` NAME `(` EXPR `)`
    /// Returns nil when the item is a column (`check text`, `unique int`...).
    mutating func parseTableConstraintKind() throws(ParseAbort) -> TableConstraint.Kind? {
        let next = peek()
        if at("primary"), isWord(next, "key") {
            advance(); advance()
            return .primaryKey(columns: try parseColumnList(after: "`primary key`"))
        }
        if at("foreign"), isWord(next, "key") {
            advance(); advance()
            let name = try parseConstraintName("foreign key")
            let columns = try parseColumnList(after: "the constraint name")
            try consume("references") { .expectedReferences(found: $0) }
            return .foreignKey(name: name, columns: columns, target: try parseForeignKeyTarget())
        }
        let isUnique = at("unique"), isCheck = at("check")
        guard isUnique || isCheck else { return nil }
        if next.kind == .leftParen {
            let keyword = lowercased(current)
            throw fail(.missingConstraintName(keyword), label: "expected a name after `\(keyword)`",
                       help: "table constraints are named: `\(keyword) NAME (...)`")
        }
        guard next.kind == .word || next.kind == .quotedIdentifier, peek(2).kind == .leftParen else { return nil }
        // `check varchar(10)`: a column named `check` with a sized type, not a constraint.
        if peek(3).kind == .number, Self.typeKeywords.contains(where: { isWord(next, $0) }) { return nil }
        advance()
        let token = advance()
        let name = identifier(token)
        if isUnique { return .unique(name: name, columns: try parseColumnList(after: "the constraint name")) }
        return .check(name: name, expression: try parseParenthesizedExpression(after: "the constraint name"))
    }

    mutating func parseConstraintName(_ keyword: String) throws(ParseAbort) -> Identifier {
        guard kind == .word || kind == .quotedIdentifier else {
            throw fail(.missingConstraintName(keyword), label: "expected a name after `\(keyword)`",
                       help: "table constraints are named: `\(keyword) NAME (...)`")
        }
        let token = advance()
        return identifier(token)
    }

    /// column_definition := NAME TYPE modifier*
    mutating func parseColumnDefinition() throws(ParseAbort) -> ColumnDefinition {
        let start = current.start
        let name = try parseName("a column", after: "the table's `{`")
        return try parseColumnRest(name: name, start: start)
    }

    /// TYPE modifier*, after the column's name. `add column` stops at `backfill`.
    mutating func parseColumnRest(name: Identifier, start: Int, allowBackfill: Bool = false) throws(ParseAbort) -> ColumnDefinition {
        let type = try parseType()
        var column = try parseColumnModifiers(into: ColumnDefinition(name: name, type: type), allowBackfill: allowBackfill)
        column.span = span(from: start)
        return column
    }

    /// modifier*, added to `column`.
    mutating func parseColumnModifiers(into column: ColumnDefinition, allowBackfill: Bool = true) throws(ParseAbort) -> ColumnDefinition {
        var column = column
        while !atStatementEnd && kind != .comma {
            let before = index
            if kind != .word { throw fail(.expectedItemEnd(found: found)) }
            if at("backfill") {
                if allowBackfill { break }
                throw fail(.unknownModifier("backfill"), help: "`backfill` fills the rows a table already has: it belongs to `add column`")
            }
            let modifier = try parseColumnModifier()
            let key = Self.modifierKey(modifier.kind)
            if let first = column.modifiers.first(where: { Self.modifierKey($0.kind) == key }) {
                report(.duplicateModifier(Self.modifierNames[key]), at: modifier.span, notes: [DiagnosticNote("first written here", at: first.span)])
            } else if key <= 1, let other = column.modifiers.first(where: { Self.modifierKey($0.kind) == 1 - key }) {
                report(.conflictingNullability, at: modifier.span, notes: [DiagnosticNote("the other one is here", at: other.span)])
            } else {
                column.modifiers.append(modifier)
            }
            if index == before { break }
        }
        return column
    }

    static let modifierNames = ["null", "not null", "primary key", "unique", "default", "autoincrement", "references", "check"]

    /// The index of the modifier's name in `modifierNames`.
    static func modifierKey(_ kind: ColumnModifier.Kind) -> Int {
        switch kind {
        case .null: 0
        case .notNull: 1
        case .primaryKey: 2
        case .unique: 3
        case .defaultValue: 4
        case .autoincrement: 5
        case .references: 6
        case .check: 7
        }
    }

    static let modifierKeywords = ["null", "not", "primary", "unique", "default", "autoincrement", "references", "check"]

    /// modifier := `null` | `not` `null` | `primary` `key` | `unique` | `default` EXPR
    ///   | `autoincrement` | `references` fk_target | `check` `(` EXPR `)`
    mutating func parseColumnModifier() throws(ParseAbort) -> ColumnModifier {
        let start = current.start
        let kind: ColumnModifier.Kind
        if at("null") {
            advance()
            kind = .null
        } else if at("not") {
            advance()
            try consume("null") { .expectedNull(found: $0) }
            kind = .notNull
        } else if at("primary") {
            advance()
            try consume("key") { .expectedKey(after: "primary", found: $0) }
            kind = .primaryKey
        } else if at("unique") {
            advance()
            kind = .unique
        } else if at("default") {
            advance()
            kind = .defaultValue(try parseExpression())
        } else if at("autoincrement") {
            advance()
            kind = .autoincrement
        } else if at("references") {
            advance()
            kind = .references(try parseForeignKeyTarget())
        } else if at("check") {
            advance()
            kind = .check(try parseParenthesizedExpression(after: "`check`"))
        } else {
            let guess = Suggest.closest(to: lowercased(current), in: Self.modifierKeywords + ["not null", "primary key"])
            throw fail(.unknownModifier(text(current)),
                       help: guess.map { "did you mean `\($0)`?" }
                           ?? "modifiers are `null`, `not null`, `primary key`, `unique`, `default`, `autoincrement`, `references` and `check`",
                       fixIts: guess.map { [FixIt(replace: span(current), with: $0)] } ?? [])
        }
        return ColumnModifier(kind, span: span(from: start))
    }

    /// fk_target := TABLE `(` cols `)` (`on` (`delete` | `update`) ACTION)*
    mutating func parseForeignKeyTarget() throws(ParseAbort) -> ForeignKeyTarget {
        let table = try parseName("a table", after: "`references`")
        var target = ForeignKeyTarget(table: table, columns: try parseColumnList(after: "the referenced table"))
        var seen: [String: SourceSpan] = [:]
        while at("on") {
            let on = advance()
            let isDelete = at("delete")
            guard isDelete || at("update") else { throw fail(.expectedDeleteOrUpdate(found: found), help: wordGuess(["delete", "update"])) }
            let token = advance()
            let event = lowercased(token)
            let action = try parseReferentialAction()
            if let first = seen[event] {
                report(.duplicateAction(event), at: span(from: on.start), notes: [DiagnosticNote("first written here", at: first)])
                continue
            }
            seen[event] = span(from: on.start)
            if isDelete { target.onDelete = action } else { target.onUpdate = action }
        }
        return target
    }

    /// ACTION := `cascade` | `set` `null` | `set` `default` | `restrict` | `no` `action`
    mutating func parseReferentialAction() throws(ParseAbort) -> ReferentialAction {
        let start = current.start
        if at("cascade") { advance(); return .cascade }
        if at("restrict") { advance(); return .restrict }
        if at("set"), isWord(peek(), "null") { advance(); advance(); return .setNull }
        if at("set"), isWord(peek(), "default") { advance(); advance(); return .setDefault }
        if at("no"), isWord(peek(), "action") { advance(); advance(); return .noAction }
        let help = "actions are `cascade`, `set null`, `set default`, `restrict` and `no action`"
        guard kind == .word else { throw fail(.expectedAction(found: found), help: help) }
        var written = lowercased(current)
        var end = current.end
        if at("set") || at("no"), peek().kind == .word {
            written += " " + lowercased(peek())
            end = peek().end
        }
        let guess = Suggest.closest(to: written, in: ReferentialAction.allCases.map(\.rawValue))
        report(.unknownAction(written), at: span(start, end), help: guess.map { "did you mean `\($0)`?" } ?? help)
        throw ParseAbort()
    }
}
