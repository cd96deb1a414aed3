extension MigParser {
    /// add := `add` (`column` T.c column_rest | `unique` U `on` T cols
    ///   | `foreign` `key` F `on` T cols `references` fk_target
    ///   | `check` C `on` T `(` EXPR `)` | `primary` `key` P `on` T cols)
    mutating func parseAdd() throws(ParseAbort) -> Operation {
        advance()
        if at("column") {
            advance()
            let start = current.start
            let (table, name) = try parseQualifiedColumn(after: "`add column`")
            var column = try parseColumnRest(name: name, start: start)
            column.span = span(from: start)
            return .addColumn(AddColumn(table: table, column: column))
        }
        let kind: String
        if at("unique") || at("check") {
            let token = advance()
            kind = lowercased(token)
        } else if at("foreign") || at("primary") {
            let token = advance()
            kind = lowercased(token)
            try consume("key") { [kind] in .expectedKey(after: kind, found: $0) }
        } else {
            throw fail(.expectedAfterAdd(found: found), help: wordGuess(["column", "unique", "foreign", "check", "primary"]))
        }
        let keyword = kind == "foreign" || kind == "primary" ? kind + " key" : kind
        let name = try parseName("a constraint", after: "`add \(keyword)`")
        try consume("on") { .expectedOn(after: "the constraint name", found: $0) }
        let table = try parseName("a table", after: "`on`")
        let constraint: AddConstraint.Kind
        let usingIndex = kind == "unique" || kind == "primary" ? try parseUsingIndex() : nil
        switch kind {
        case "unique": constraint = .unique(columns: usingIndex == nil ? try parseColumnList(after: "the table name") : [])
        case "primary": constraint = .primaryKey(columns: usingIndex == nil ? try parseColumnList(after: "the table name") : [])
        case "check": constraint = .check(try parseParenthesizedExpression(after: "the table name"))
        default:
            let columns = try parseColumnList(after: "the table name")
            try consume("references") { .expectedReferences(found: $0) }
            constraint = .foreignKey(columns: columns, target: try parseForeignKeyTarget())
        }
        let notValid = parseNotValid(keyword)
        return .addConstraint(AddConstraint(name: name, table: table, kind: constraint, notValid: notValid, usingIndex: usingIndex))
    }
}
