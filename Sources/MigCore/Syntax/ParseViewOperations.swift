// Views, comments and index clauses (issue 12).
//
//   view_def := NAME [`depends` `(` NAME (`,` NAME)* `)`] `as` STRING
//   create view view_def | replace view view_def | drop view V | rename view V `to` W
//   comment := `comment` `on` (`table` T | `column` T.c) (STRING | `null`)
//   index_using := `using` (`btree` | `hash` | `gist` | `gin` | `brin`)

extension MigParser {
    /// After `create view` / `replace view`.
    mutating func parseViewDefinition(after keyword: String) throws(ParseAbort) -> ViewDefinition {
        let name = try parseName("a view", after: "`\(keyword)`")
        var depends: [Identifier]?
        if at("depends") {
            advance()
            depends = try parseParenthesized(after: "`depends`") { (p, first) throws(ParseAbort) -> Identifier in
                try p.parseName("a table or view", after: first ? "`(`" : "`,`")
            }
        }
        guard at("as"), peek().kind == .tripleString || peek().kind == .string else {
            if at("as") { advance() }
            throw fail(.expectedViewBody(found: found),
                       help: "a view is `\(keyword) \(name.name) as \"\"\"SELECT ...\"\"\"`")
        }
        advance()
        return ViewDefinition(name: name, depends: depends, body: stringLiteral(advance()))
    }

    /// `replace view ...` (the only `replace` op).
    mutating func parseReplace() throws(ParseAbort) -> Operation {
        advance()
        try consume("view", help: { _ in "write `replace view NAME as \"\"\"SELECT ...\"\"\"`" }) { .expectedViewBody(found: $0) }
        return .replaceView(try parseViewDefinition(after: "replace view"))
    }

    /// `comment on (table T | column T.c) (STRING | null)`.
    mutating func parseComment() throws(ParseAbort) -> Operation {
        advance()
        try consume("on") { .expectedClause(what: "`on table` or `on column`", in: "comment", found: $0) }
        let target: CommentOn.Target
        if at("table") {
            advance()
            target = .table(try parseName("a table", after: "`comment on table`"))
        } else if at("column") {
            advance()
            let (table, column) = try parseQualifiedColumn(after: "`comment on column`")
            target = .column(table, column)
        } else {
            throw fail(.expectedClause(what: "`table` or `column`", in: "comment on", found: found), help: wordGuess(["table", "column"]))
        }
        if at("null") {
            advance()
            return .comment(CommentOn(target: target, text: nil))
        }
        guard kind == .string || kind == .tripleString else {
            throw fail(.expectedClause(what: "the comment text (a string) or `null`", in: "comment on", found: found))
        }
        return .comment(CommentOn(target: target, text: stringLiteral(advance())))
    }

    /// index_key := NAME | NAME `(` ... `)` (a call) | `(` EXPR `)`: a column or an
    /// expression key. A parenthesized column name is the column itself.
    mutating func parseIndexKey(after: String) throws(ParseAbort) -> IndexColumn {
        let call = kind == .word && peek().kind == .leftParen
        guard call || kind == .leftParen else { return IndexColumn(name: try parseName("a column", after: after)) }
        let expression = try parseExpression()
        if case .column(let id) = expression.kind { return IndexColumn(name: id) }
        return IndexColumn(expression: expression)
    }

    /// `using METHOD` of `create index`, before the column list.
    mutating func parseIndexMethod() -> IndexMethod? {
        advance()
        let token = current
        let name = kind == .word ? lowercased(token) : ""
        if !atStatementEnd && kind != .leftParen { advance() }
        if let method = IndexMethod(rawValue: name) { return method }
        let names = IndexMethod.allCases.map(\.rawValue)
        let guess = Suggest.closest(to: name, in: names)
        report(.unknownIndexMethod(describe(token)), at: span(token),
               help: guess.map { "did you mean `\($0)`?" } ?? "methods are " + names.map { "`\($0)`" }.joined(separator: ", "),
               fixIts: guess.map { [FixIt(replace: span(token), with: $0)] } ?? [])
        return nil
    }

    /// `include (cols)` or `nulls not distinct` after the index columns; false when
    /// the current word starts neither.
    mutating func parseIndexOption(_ options: inout IndexOptions) throws(ParseAbort) -> Bool {
        if at("include") {
            advance()
            options.include = try parseColumnList(after: "`include`")
            return true
        }
        if at("nulls") {
            advance()
            try consume("not") { .expectedClause(what: "`not distinct`", in: "nulls", found: $0) }
            try consume("distinct") { .expectedClause(what: "`distinct`", in: "nulls not", found: $0) }
            options.nullsNotDistinct = true
            return true
        }
        return false
    }
}
