import MigCore

/// SQLite's schema through `sqlite_schema` and the table-valued pragmas. The pragmas
/// do not return constraint names, so those come from the stored `CREATE TABLE` text
/// (migc always writes `CONSTRAINT "name"`); unnamed ones get the model's default names.
struct SQLiteIntrospector {
    let driver: any DatabaseDriver

    func schema() throws(DatabaseError) -> Schema {
        var schema = Schema()
        let tables = try driver.query("""
            SELECT name, sql FROM sqlite_schema
            WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name
            """)
        for row in tables {
            guard let name = row[0], !Introspector.excludedTables.contains(name) else { continue }
            let clauses = SQLiteTableClauses(sql: row[1] ?? "")
            let (table, indexes) = try self.table(name, clauses: clauses)
            schema.tables[name] = table
            for index in indexes { schema.indexes[index.name] = index }
        }
        return schema
    }

    private func table(_ name: String, clauses: SQLiteTableClauses) throws(DatabaseError) -> (Table, [Index]) {
        var table = Table(name: name)
        var keyColumns: [(position: Int, name: String)] = []
        for row in try driver.query("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo($1)", [name]) {
            guard let column = row[0], row[5] == "0" else { continue }
            let declared = row[1] ?? ""
            var model = Column(name: column, type: TypeMapping.sqlite(declared), nullable: row[2] == "0")
            model.defaultValue = row[3].map(SQLExpressionReader.read)
            if let pk = row[4].flatMap({ Int($0) }), pk > 0 { keyColumns.append((pk, column)) }
            table.columns.append(model)
        }
        keyColumns.sort { $0.position < $1.position }
        if !keyColumns.isEmpty {
            let columns = keyColumns.map(\.name)
            table.primaryKey = PrimaryKey(name: clauses.primaryKeyName ?? Schema.DefaultName.primaryKey(table: name), columns: columns)
            // AUTOINCREMENT is only allowed on a single INTEGER PRIMARY KEY column.
            if clauses.autoincrement, columns.count == 1, let i = table.columnIndex(named: columns[0]) {
                table.columns[i].autoincrement = true
            }
        }
        for (checkName, expression) in clauses.checks { table.checks[checkName] = CheckConstraint(name: checkName, expression: expression) }
        ExtendedTypeMapping.sqliteEnumChecks(in: &table)
        try addForeignKeys(to: &table, clauses: clauses)
        let indexes = try addIndexes(to: &table, clauses: clauses)
        return (table, indexes)
    }

    private func addForeignKeys(to table: inout Table, clauses: SQLiteTableClauses) throws(DatabaseError) {
        var byID: [String: ForeignKey] = [:]
        var order: [String] = []
        for row in try driver.query("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list($1) ORDER BY id, seq", [table.name]) {
            let id = row[0] ?? ""
            if byID[id] == nil {
                order.append(id)
                byID[id] = ForeignKey(
                    name: "", columns: [], referencedTable: row[1] ?? "", referencedColumns: [],
                    onDelete: row[5].flatMap(ReferentialAction.init(sqlName:)), onUpdate: row[4].flatMap(ReferentialAction.init(sqlName:)))
            }
            byID[id]!.columns.append(row[2] ?? "")
            if let to = row[3] { byID[id]!.referencedColumns.append(to) }
        }
        // SQLite numbers foreign keys last declared first: walk them in declaration
        // order so two keys on the same columns get their own names back.
        var names = clauses.foreignKeyNames
        for id in order.reversed() {
            var fk = byID[id]!
            let declared = names[fk.columns]?.first
            if declared != nil { names[fk.columns]?.removeFirst() }
            fk.name = declared ?? Schema.DefaultName.foreignKey(table: table.name, columns: fk.columns)
            table.foreignKeys[fk.name] = fk
        }
    }

    /// Unique constraints (origin `u`) go on the table; created indexes (origin `c`) are returned.
    private func addIndexes(to table: inout Table, clauses: SQLiteTableClauses) throws(DatabaseError) -> [Index] {
        var indexes: [Index] = []
        for row in try driver.query("SELECT name, \"unique\", origin, partial FROM pragma_index_list($1)", [table.name]) {
            guard let name = row[0] else { continue }
            var columns: [IndexColumn] = []
            for column in try driver.query("SELECT name, \"desc\" FROM pragma_index_xinfo($1) WHERE key = 1 ORDER BY seqno", [name]) {
                columns.append(IndexColumn(name: Identifier(column[0] ?? "<expression>"), descending: column[1] == "1"))
            }
            switch row[2] {
            case "u":
                let names = columns.map(\.name.name)
                let constraintName = clauses.uniqueNames[names] ?? Schema.DefaultName.unique(table: table.name, columns: names)
                table.uniques[constraintName] = UniqueConstraint(name: constraintName, columns: names)
            case "c":
                var index = Index(name: name, table: table.name, unique: row[1] == "1", columns: columns)
                if row[3] == "1" {
                    let sql = try driver.scalar("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = $1", [name]) ?? ""
                    index.predicate = SQLiteTableClauses.wherePredicate(ofIndex: sql)
                }
                indexes.append(index)
            default:
                break  // the primary key's own index
            }
        }
        return indexes
    }
}

/// What the pragmas do not tell: constraint names, check expressions and
/// AUTOINCREMENT, read from a stored `CREATE TABLE` statement.
struct SQLiteTableClauses {
    var primaryKeyName: String?
    var uniqueNames: [[String]: String] = [:]
    /// Names of the foreign keys on each column list, in declaration order.
    var foreignKeyNames: [[String]: [String]] = [:]
    var checks: [(String, Expr)] = []
    var autoincrement = false

    init(sql: String) {
        let tokens = SQLTokenizer.tokenize(sql)
        let chars = Array(sql)
        autoincrement = tokens.contains { $0.isWord("AUTOINCREMENT") }
        guard let open = tokens.firstIndex(where: { $0.isSymbol("(") }) else { return }
        var i = open
        var depth = 0
        var elementStart = false
        var column: String?  // the column whose definition we are in, if any
        var unnamedChecks = 0
        while i < tokens.count {
            let token = tokens[i]
            if token.isSymbol("(") || token.isSymbol(")") {
                depth += token.isSymbol("(") ? 1 : -1
                elementStart = depth == 1 && token.isSymbol("(")
                i += 1
                continue
            }
            if depth == 1 && token.isSymbol(",") { elementStart = true; i += 1; continue }
            if depth != 1 { i += 1; continue }
            if elementStart {
                elementStart = false
                let keywords = ["CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK"]
                column = token.kind == .word && keywords.contains(token.text.uppercased()) ? nil : token.text
                if column != nil { i += 1; continue }
            }
            var name: String?
            if token.isWord("CONSTRAINT"), i + 2 < tokens.count {
                name = tokens[i + 1].text
                i += 2
            }
            i = clause(at: i, name: name, column: column, tokens: tokens, chars: chars, unnamedChecks: &unnamedChecks)
        }
    }

    /// Records the constraint clause starting at `i`; returns where to go on.
    private mutating func clause(at i: Int, name: String?, column: String?, tokens: [SQLToken], chars: [Character], unnamedChecks: inout Int) -> Int {
        let token = tokens[i]
        if token.isWord("PRIMARY") {
            if let name { primaryKeyName = name }
        } else if token.isWord("UNIQUE") {
            if let (cols, close) = Self.list(tokens, from: i + 1) {
                if let name { uniqueNames[cols] = name }
                return close + 1
            }
            if let name, let column { uniqueNames[[column]] = name }
        } else if token.isWord("FOREIGN"), let (cols, close) = Self.list(tokens, from: i + 2) {
            if let name { foreignKeyNames[cols, default: []].append(name) }
            return close + 1
        } else if token.isWord("REFERENCES") {
            if let name, let column { foreignKeyNames[[column], default: []].append(name) }
        } else if token.isWord("CHECK"), let close = Self.matchingClose(tokens, open: i + 1) {
            let text = String(chars[tokens[i + 1].range.upperBound..<tokens[close].range.lowerBound])
            if name == nil { unnamedChecks += 1 }
            checks.append((name ?? "check_\(unnamedChecks)", SQLExpressionReader.read(text)))
            return close + 1
        }
        return i + 1
    }

    /// `( a, "b" )` starting at `from`: the names and the index of `)`.
    static func list(_ tokens: [SQLToken], from: Int) -> ([String], Int)? {
        guard from < tokens.count, tokens[from].isSymbol("("), let close = matchingClose(tokens, open: from) else { return nil }
        let names = tokens[(from + 1)..<close].filter { $0.kind == .word || $0.kind == .quoted }
            .filter { !$0.isWord("ASC") && !$0.isWord("DESC") && !$0.isWord("COLLATE") }.map(\.text)
        return (names, close)
    }

    static func matchingClose(_ tokens: [SQLToken], open: Int) -> Int? {
        guard open < tokens.count, tokens[open].isSymbol("(") else { return nil }
        var depth = 0
        for j in open..<tokens.count {
            if tokens[j].isSymbol("(") { depth += 1 }
            if tokens[j].isSymbol(")") { depth -= 1; if depth == 0 { return j } }
        }
        return nil
    }

    /// The `WHERE` clause of a `CREATE INDEX` statement, read as an expression.
    static func wherePredicate(ofIndex sql: String) -> Expr? {
        let tokens = SQLTokenizer.tokenize(sql)
        var depth = 0
        for token in tokens {
            if token.isSymbol("(") { depth += 1 } else if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isWord("WHERE") {
                return SQLExpressionReader.read(String(Array(sql)[token.range.upperBound...]))
            }
        }
        return nil
    }
}
