import MigCore

/// MySQL's and MariaDB's schema (the connection's database) through
/// information_schema: one query each for tables, columns, constraints, key
/// columns, foreign-key actions, checks and indexes, whatever the table count.
///
/// What the server cannot tell apart is read one way: every unique key is a unique
/// index (a `unique` constraint and a unique index are the same object there), the
/// primary key is named `PRIMARY`, a JSON column on MariaDB is LONGTEXT with a
/// `json_valid` check (read back as `json`, the check dropped), and the index InnoDB
/// adds by itself for a foreign key (named like the key) is left out. A prefix
/// length other than the backend's own (191 on text and blob) stays in the column
/// name (`body(100)`), so it shows as drift.
struct MySQLIntrospector {
    let driver: any DatabaseDriver

    var isMariaDB: Bool { (driver as? MySQLDriver)?.isMariaDB ?? false }

    func schema() throws(DatabaseError) -> Schema {
        var schema = Schema()
        for row in try driver.query(Self.tablesSQL) {
            guard let name = row[0], !Introspector.excludedTables.contains(name) else { continue }
            schema.tables[name] = Table(name: name)
        }
        var textColumns: Set<String> = []  // "table.column" of text and blob columns
        for row in try driver.query(Self.columnsSQL) {
            guard let table = row[0], schema.tables[table] != nil, let name = row[1] else { continue }
            let type = TypeMapping.mysql(row[2] ?? "")
            var column = Column(name: name, type: type, nullable: row[3] == "YES")
            column.autoincrement = row[5]?.lowercased().contains("auto_increment") ?? false
            if let text = row[4], !column.autoincrement {
                column.defaultValue = Self.defaultValue(text, extra: row[5] ?? "", dataType: row[6] ?? "", mariaDB: isMariaDB)
            }
            switch type {
            case .text, .sizedText, .blob: textColumns.insert("\(table).\(name)")
            default: break
            }
            schema.tables[table]!.columns.append(column)
        }
        try readConstraints(into: &schema)
        try readChecks(into: &schema)
        try readIndexes(into: &schema, textColumns: textColumns)
        return schema
    }

    /// MariaDB shows defaults as SQL (`'abc'`, `NULL`, `current_timestamp(6)`);
    /// MySQL 8 shows a literal's bare value, and an expression's text with
    /// DEFAULT_GENERATED in `extra`.
    static func defaultValue(_ text: String, extra: String, dataType: String, mariaDB: Bool) -> Expr? {
        if mariaDB { return MySQLExpressionText.read(text) }
        if extra.uppercased().contains("DEFAULT_GENERATED") {
            // MySQL 8 shows the expression with its quotes escaped and charset
            // introducers: `_utf8mb4\'abc\'`.
            var expression = text.replacingOccurrences(of: "\\'", with: "'")
            for charset in ["_utf8mb4", "_utf8mb3", "_utf8", "_latin1", "_binary"] {
                expression = expression.replacingOccurrences(of: charset + "'", with: "'")
            }
            return MySQLExpressionText.read(expression)
        }
        let numeric = ["tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double"].contains(dataType.lowercased())
        return numeric ? MySQLExpressionText.read(text) : Expr(.string(text))
    }

    private func readConstraints(into schema: inout Schema) throws(DatabaseError) {
        var kinds: [String: String] = [:]  // "table\u{1f}name" -> type
        for row in try driver.query(Self.constraintsSQL) {
            guard let table = row[0], let name = row[1], let kind = row[2] else { continue }
            kinds[table + "\u{1f}" + name] = kind
        }
        var actions: [String: (update: String?, delete: String?)] = [:]
        for row in try driver.query(Self.referentialSQL) {
            guard let table = row[0], let name = row[1] else { continue }
            actions[table + "\u{1f}" + name] = (row[2], row[3])
        }
        for row in try driver.query(Self.keyColumnsSQL) {
            guard let table = row[0], let name = row[1], let column = row[2], schema.tables[table] != nil else { continue }
            switch kinds[table + "\u{1f}" + name] {
            case "PRIMARY KEY":
                var pk = schema.tables[table]!.primaryKey ?? PrimaryKey(name: name, columns: [])
                pk.columns.append(column)
                schema.tables[table]!.primaryKey = pk
            case "FOREIGN KEY":
                let action = actions[table + "\u{1f}" + name]
                var fk = schema.tables[table]!.foreignKeys[name] ?? ForeignKey(
                    name: name, columns: [], referencedTable: row[3] ?? "", referencedColumns: [],
                    onDelete: action?.delete.flatMap(ReferentialAction.init(sqlName:)),
                    onUpdate: action?.update.flatMap(ReferentialAction.init(sqlName:)))
                fk.columns.append(column)
                fk.referencedColumns.append(row[4] ?? "")
                schema.tables[table]!.foreignKeys[name] = fk
            default: break  // unique keys are read as indexes
            }
        }
    }

    private func readChecks(into schema: inout Schema) throws(DatabaseError) {
        for row in try driver.query(isMariaDB ? Self.mariaDBChecksSQL : Self.mysqlChecksSQL) {
            guard let table = row[0], let name = row[1], schema.tables[table] != nil else { continue }
            let clause = row[2] ?? ""
            // MariaDB's JSON type: LONGTEXT plus CHECK (json_valid(`c`)) named `c`.
            if row[3] == "Column", clause.lowercased() == "json_valid(`\(name.lowercased())`)",
               let i = schema.tables[table]!.columnIndex(named: name) {
                schema.tables[table]!.columns[i].type = .json
                continue
            }
            schema.tables[table]!.checks[name] = CheckConstraint(name: name, expression: SQLExpressionReader.read(clause))
        }
    }

    private func readIndexes(into schema: inout Schema, textColumns: Set<String>) throws(DatabaseError) {
        for row in try driver.query(Self.indexesSQL) {
            guard let table = row[0], let name = row[1], let t = schema.tables[table], name != "PRIMARY",
                  t.foreignKeys[name] == nil else { continue }
            var column = row[4] ?? "<expression>"
            if let prefix = row[5].flatMap({ Int($0) }),
               !(prefix == MySQLBackend.indexPrefixLength && textColumns.contains("\(table).\(column)")) {
                column += "(\(prefix))"
            }
            var index = schema.indexes[name] ?? Index(name: name, table: table, unique: row[2] == "0", columns: [])
            index.columns.append(IndexColumn(name: Identifier(column), descending: row[6] == "D"))
            schema.indexes[name] = index
        }
    }

    static let tablesSQL = """
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name
        """

    static let columnsSQL = """
        SELECT table_name, column_name, column_type, is_nullable, column_default, extra, data_type
        FROM information_schema.columns WHERE table_schema = DATABASE()
        ORDER BY table_name, ordinal_position
        """

    static let constraintsSQL = """
        SELECT table_name, constraint_name, constraint_type FROM information_schema.table_constraints
        WHERE table_schema = DATABASE()
        """

    static let referentialSQL = """
        SELECT table_name, constraint_name, update_rule, delete_rule FROM information_schema.referential_constraints
        WHERE constraint_schema = DATABASE()
        """

    static let keyColumnsSQL = """
        SELECT table_name, constraint_name, column_name, referenced_table_name, referenced_column_name
        FROM information_schema.key_column_usage WHERE table_schema = DATABASE()
        ORDER BY table_name, constraint_name, ordinal_position
        """

    /// MariaDB names checks per table and has a TABLE_NAME column.
    static let mariaDBChecksSQL = """
        SELECT table_name, constraint_name, check_clause, level FROM information_schema.check_constraints
        WHERE constraint_schema = DATABASE() ORDER BY table_name, constraint_name
        """

    /// MySQL 8 (8.0.16+) names checks per schema; the table comes from table_constraints.
    static let mysqlChecksSQL = """
        SELECT tc.table_name, cc.constraint_name, cc.check_clause, 'Table'
        FROM information_schema.table_constraints tc
        JOIN information_schema.check_constraints cc
          ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
        WHERE tc.table_schema = DATABASE() AND tc.constraint_type = 'CHECK'
        ORDER BY tc.table_name, cc.constraint_name
        """

    static let indexesSQL = """
        SELECT table_name, index_name, non_unique, seq_in_index, column_name, sub_part, collation
        FROM information_schema.statistics WHERE table_schema = DATABASE()
        ORDER BY table_name, index_name, seq_in_index
        """
}
