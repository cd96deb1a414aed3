extension MigParser {
    /// statement := operation (newline | `;` | `}` | EOF), with its comments.
    mutating func parseStatement() throws(ParseAbort) -> Statement {
        let leading = takeLeading()
        let start = current.start
        let operation = try parseOperation()
        let end = previousEnd
        if !atStatementEnd && !newlineBeforeCurrent {
            let help = at("exists") && isWord(tokens[index - 1], "if")
                ? "`if exists` is not needed: migc knows what exists"
                : startsOperation(current) ? "put each operation on its own line, or separate them with `;`" : nil
            throw fail(.expectedStatementEnd(after: "the `\(Self.name(of: operation))` operation", found: found), help: help)
        }
        try expectStatementEnd(after: "the operation")
        return Statement(operation, trivia: Trivia(leading: leading, trailing: takeTrailing()), span: span(start, end))
    }

    /// How messages name an operation: `drop table`, `create index`...
    static func name(of operation: Operation) -> String {
        switch operation {
        case .createTable: "create table"
        case .dropTable: "drop table"
        case .renameTable: "rename table"
        case .addColumn: "add column"
        case .dropColumn: "drop column"
        case .renameColumn: "rename column"
        case .alterColumn: "alter column"
        case .createIndex(let i): i.unique ? "create unique index" : "create index"
        case .dropIndex: "drop index"
        case .addConstraint(let c):
            switch c.kind {
            case .unique: "add unique"
            case .foreignKey: "add foreign key"
            case .check: "add check"
            case .primaryKey: "add primary key"
            }
        case .dropConstraint: "drop constraint"
        case .validateConstraint: "validate constraint"
        case .sql: "sql"
        case .insert: "insert"
        case .update: "update"
        case .delete: "delete"
        case .createEnum, .dropEnum, .renameEnum, .alterEnum: enumOperationName(operation)
        case .createView: "create view"
        case .replaceView: "replace view"
        case .dropView: "drop view"
        case .renameView: "rename view"
        case .comment: "comment on"
        }
    }

    mutating func parseOperation() throws(ParseAbort) -> Operation {
        guard kind == .word else { throw fail(.unknownOperation(text(current)), label: "expected an operation") }
        if at("create") { return try parseCreate() }
        if at("drop") { return try parseDrop() }
        if at("add") { return try parseAdd() }
        if at("alter") { return isWord(peek(), "enum") ? try parseAlterEnum() : try parseAlterColumn() }
        if at("rename") { return try parseRename() }
        if at("validate") { return try parseValidate() }
        if at("sql") { return try parseRawSQL() }
        if at("insert") { return try parseInsert() }
        if at("update") { return try parseUpdate() }
        if at("delete") { return try parseDelete() }
        if at("replace") { return try parseReplace() }
        if at("comment") { return try parseComment() }
        let guess = Suggest.closest(to: lowercased(current), in: Self.operationKeywords)
        throw fail(.unknownOperation(text(current)),
                   help: guess.map { "did you mean `\($0)`?" } ?? "operations are " + Self.operationKeywordList,
                   fixIts: guess.map { [FixIt(replace: span(current), with: $0)] } ?? [])
    }

    /// create := `create` (`table` create_table | [`unique`] `index` create_index)
    mutating func parseCreate() throws(ParseAbort) -> Operation {
        advance()
        if at("enum") { return try parseCreateEnum() }
        if at("table") {
            advance()
            return .createTable(try parseCreateTable())
        }
        if at("view") {
            advance()
            return .createView(try parseViewDefinition(after: "create view"))
        }
        var unique = false
        if at("unique") {
            advance()
            unique = true
        }
        try consume("index", help: { p in p.wordGuess(["table", "index", "unique", "enum"]) }) { .expectedAfterCreate(found: $0) }
        return .createIndex(try parseCreateIndex(unique: unique))
    }

    /// A "did you mean" help for the current word among `candidates`.
    func wordGuess(_ candidates: [String]) -> String? {
        guard kind == .word, let guess = Suggest.closest(to: lowercased(current), in: candidates) else { return nil }
        return "did you mean `\(guess)`?"
    }

    /// create_index := NAME `on` TABLE `(` index_columns `)` [`where` EXPR] [`concurrently`]
    mutating func parseCreateIndex(unique: Bool) throws(ParseAbort) -> CreateIndex {
        if at("on"), peek().kind == .word || peek().kind == .quotedIdentifier, peek(2).kind == .leftParen {
            throw fail(.expectedName(what: "an index", after: "`create index`", found: found),
                       help: "indexes are named: `create index NAME on TABLE (...)`")
        }
        let name = try parseName("an index", after: "`create index`")
        try consume("on") { .expectedOn(after: "the index name", found: $0) }
        let table = try parseName("a table", after: "`on`")
        var options = IndexOptions()
        if at("using") { options.method = parseIndexMethod() }
        let columns = try parseParenthesized(after: "the table name") { (p, first) throws(ParseAbort) -> IndexColumn in
            var key = try p.parseIndexKey(after: first ? "`(`" : "`,`")
            if p.at("desc") { p.advance(); key.descending = true } else if p.at("asc") { p.advance() }
            return key
        }
        var index = CreateIndex(name: name, table: table, unique: unique, columns: columns)
        var seenWhere: SourceSpan?
        var seenConcurrently: SourceSpan?
        var seenOption: [String: SourceSpan] = [:]
        while at("where") || at("concurrently") || at("include") || at("nulls") {
            if at("include") || at("nulls") {
                let keyword = current
                if let first = seenOption[lowercased(keyword)] {
                    report(.duplicateIndexClause(lowercased(keyword)), at: span(keyword),
                           notes: [DiagnosticNote("first written here", at: first)])
                }
                seenOption[lowercased(keyword)] = span(keyword)
                _ = try parseIndexOption(&options)
                continue
            }
            let keyword = advance()
            let isWhere = isWord(keyword, "where")
            if let first = isWhere ? seenWhere : seenConcurrently {
                report(.duplicateIndexClause(isWhere ? "where" : "concurrently"), at: span(keyword),
                       notes: [DiagnosticNote("first written here", at: first)])
            }
            if isWhere {
                seenWhere = span(keyword)
                index.predicate = try parseExpression()
            } else {
                seenConcurrently = span(keyword)
                index.concurrently = true
            }
        }
        index.options = options
        return index
    }

    /// drop := `drop` (`table` T | `column` T.c | `index` I | `constraint` C `on` T)
    mutating func parseDrop() throws(ParseAbort) -> Operation {
        advance()
        if at("enum") { return try parseDropEnum() }
        if at("table") {
            advance()
            return .dropTable(DropTable(name: try parseName("a table", after: "`drop table`")))
        }
        if at("column") {
            advance()
            let (table, column) = try parseQualifiedColumn(after: "`drop column`")
            return .dropColumn(DropColumn(table: table, column: column))
        }
        if at("view") {
            advance()
            return .dropView(DropView(name: try parseName("a view", after: "`drop view`")))
        }
        if at("index") {
            advance()
            let name = try parseName("an index", after: "`drop index`")
            return .dropIndex(DropIndex(name: name, concurrently: parseDropConcurrently()))
        }
        try consume("constraint", help: { p in p.wordGuess(["table", "column", "index", "constraint", "enum"]) }) { .expectedAfterDrop(found: $0) }
        let name = try parseName("a constraint", after: "`drop constraint`")
        try consume("on", help: { _ in "write `drop constraint NAME on TABLE`" }) { .expectedOn(after: "the constraint name", found: $0) }
        return .dropConstraint(DropConstraint(name: name, table: try parseName("a table", after: "`on`")))
    }

    /// rename := `rename` (`table` T `to` U | `column` T.c `to` d)
    mutating func parseRename() throws(ParseAbort) -> Operation {
        advance()
        if at("enum") { return try parseRenameEnum() }
        if at("table") {
            advance()
            let name = try parseName("a table", after: "`rename table`")
            try consume("to") { .expectedTo(after: "the table name", found: $0) }
            return .renameTable(RenameTable(name: name, newName: try parseName("a new table", after: "`to`")))
        }
        if at("view") {
            advance()
            let name = try parseName("a view", after: "`rename view`")
            try consume("to") { .expectedTo(after: "the view name", found: $0) }
            return .renameView(RenameView(name: name, newName: try parseName("a new view", after: "`to`")))
        }
        try consume("column", help: { p in p.wordGuess(["table", "column", "enum", "view"]) }) { .expectedAfterRename(found: $0) }
        let (table, column) = try parseQualifiedColumn(after: "`rename column`")
        try consume("to") { .expectedTo(after: "the column name", found: $0) }
        return .renameColumn(RenameColumn(table: table, column: column, newName: try parseName("a new column", after: "`to`")))
    }

    /// alter := `alter` `column` T.c (`type` TYPE [`using` EXPR] | `set` `not` `null`
    ///        | `drop` `not` `null` | `set` `default` EXPR | `drop` `default`)
    mutating func parseAlterColumn() throws(ParseAbort) -> Operation {
        advance()
        try consume("column", help: { p in p.wordGuess(["column", "enum"]) }) { .expectedAfterAlter(found: $0) }
        let (table, column) = try parseQualifiedColumn(after: "`alter column`")
        let change: AlterColumn.Change
        var online = false
        if at("type") {
            advance()
            let type = try parseType()
            var using: Expr?
            if at("using") {
                advance()
                using = try parseExpression()
            }
            change = .type(type, using: using)
        } else if at("set") {
            advance()
            if at("default") {
                advance()
                change = .setDefault(try parseExpression())
            } else {
                try consume("not", help: { p in
                    p.at("data") || p.at("type") ? "change a type with `alter column T.c type TYPE`" : p.wordGuess(["not", "default"])
                }) { .expectedAfterSet(found: $0) }
                try consume("null") { .expectedNull(found: $0) }
                change = .setNotNull
                online = parseOnline()
            }
        } else if at("drop") {
            advance()
            if at("default") {
                advance()
                change = .dropDefault
            } else {
                try consume("not", help: { p in p.wordGuess(["not", "default"]) }) { .expectedAfterSet(found: $0) }
                try consume("null") { .expectedAfterDropNot(found: $0) }
                change = .dropNotNull
            }
        } else {
            throw fail(.expectedAlterChange(found: found), help: wordGuess(["type", "set", "drop"]))
        }
        return .alterColumn(AlterColumn(table: table, column: column, change: change, online: online))
    }

    static let dialects = ["sqlite", "postgres", "mysql"]

    /// raw_sql := `sql` [DIALECT] STRING [`reverse` (STRING | `nothing`)]
    mutating func parseRawSQL() throws(ParseAbort) -> Operation {
        advance()
        var dialect: Identifier?
        if kind == .word, peek().kind == .tripleString || peek().kind == .string {
            let token = advance()
            let name = lowercased(token)
            if !Self.dialects.contains(name) {
                let guess = Suggest.closest(to: name, in: Self.dialects)
                report(.unknownDialect(text(token)), at: span(token),
                       help: guess.map { "did you mean `\($0)`?" } ?? "dialects are `sqlite`, `postgres` and `mysql`",
                       fixIts: guess.map { [FixIt(replace: span(token), with: $0)] } ?? [])
            }
            dialect = Identifier(name, span: span(token))
        }
        guard kind == .tripleString || kind == .string else { throw fail(.expectedSQLText(found: found)) }
        let token = advance()
        var sql = RawSQL(dialect: dialect, text: stringLiteral(token))
        if kind == .newline, isWord(peekPastNewlines(), "reverse") {
            while kind == .newline { advance() }
        }
        if at("reverse") {
            advance()
            if at("nothing") {
                let token = advance()
                sql.forwardOnly = span(token)
                return .sql(sql)
            }
            guard kind == .tripleString || kind == .string else { throw fail(.expectedReverseText(found: found), help: "or `reverse nothing` for a forward-only change") }
            let token = advance()
            sql.reverse = stringLiteral(token)
        }
        return .sql(sql)
    }

    /// The first token after the current run of newlines (comments skipped).
    func peekPastNewlines() -> Token {
        var k = index
        while tokens[k].kind == .newline || tokens[k].kind == .comment { k += 1 }
        return tokens[k]
    }

    // MARK: Names

    /// NAME := word | `quoted name`. Keywords are contextual, so any word is a name.
    mutating func parseName(_ what: String, after: @autoclosure () -> String) throws(ParseAbort) -> Identifier {
        guard kind == .word || kind == .quotedIdentifier else {
            let digits = kind == .number && !newlineBeforeCurrent
            throw fail(.expectedName(what: what, after: after(), found: found),
                       help: digits ? "a name that starts with a digit must be quoted in backticks" : nil)
        }
        let token = advance()
        return identifier(token)
    }

    /// T `.` c
    mutating func parseQualifiedColumn(after: String) throws(ParseAbort) -> (Identifier, Identifier) {
        let table = try parseName("a table", after: after)
        guard kind == .dot else {
            throw fail(.expectedQualifiedColumn(found: found), help: "name the column with its table: `\(table.name).column`")
        }
        advance()
        let column = try parseName("a column", after: "`\(table.name).`")
        return (table, column)
    }

    /// `(` item (`,` item)* `)`, never empty.
    mutating func parseParenthesized<T>(after: String, _ item: (inout MigParser, Bool) throws(ParseAbort) -> T) throws(ParseAbort) -> [T] {
        guard kind == .leftParen else { throw fail(.expectedColumnList(after: after, found: found)) }
        parenDepth += 1
        defer { parenDepth -= 1 }
        let open = advance()
        if kind == .rightParen {
            throw fail(.emptyColumnList, label: "expected at least one column")
        }
        var items = [try item(&self, true)]
        while kind == .comma {
            advance()
            items.append(try item(&self, false))
        }
        try closeParen(open)
        return items
    }

    /// Consumes `)` matching `open`; the cursor leaves parenthesis mode first so the
    /// token after `)` is seen as the statement sees it.
    mutating func closeParen(_ open: Token) throws(ParseAbort) {
        guard kind == .rightParen else {
            let note = [DiagnosticNote("to match this `(`", at: span(open))]
            if newlineBeforeCurrent {
                report(.expectedClosingParen(found: "newline"), at: span(previousEnd, previousEnd), notes: note)
                throw ParseAbort()
            }
            throw fail(.expectedClosingParen(found: found), notes: note)
        }
        parenDepth -= 1
        advance()
        parenDepth += 1
    }

    /// Column names in parentheses: `(a, b)`.
    mutating func parseColumnList(after: String) throws(ParseAbort) -> [Identifier] {
        try parseParenthesized(after: after) { (p, first) throws(ParseAbort) -> Identifier in
            try p.parseName("a column", after: first ? "`(`" : "`,`")
        }
    }
}
