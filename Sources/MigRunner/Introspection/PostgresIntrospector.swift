import MigCore

/// PostgreSQL's schema (the connection's current schema) through pg_catalog: one
/// query each for tables, columns, constraints and indexes, whatever the table count.
struct PostgresIntrospector {
    let driver: any DatabaseDriver

    /// Separates array elements in text results (names cannot contain it).
    static let separator = "\u{1f}"

    func schema() throws(DatabaseError) -> Schema {
        var schema = Schema()
        for row in try driver.query(Self.tablesSQL) {
            guard let name = row[0], !Introspector.excludedTables.contains(name) else { continue }
            schema.tables[name] = Table(name: name)
        }
        for row in try driver.query(Self.columnsSQL) {
            guard let table = row[0], schema.tables[table] != nil, let name = row[1] else { continue }
            var column = Column(name: name, type: TypeMapping.postgres(row[2] ?? ""), nullable: row[3] != "t")
            column.autoincrement = row[5] == "a" || row[5] == "d"
            if let text = row[4] {
                if text.hasPrefix("nextval(") { column.autoincrement = true } else { column.defaultValue = SQLExpressionReader.read(text) }
            }
            schema.tables[table]!.columns.append(column)
        }
        for row in try driver.query(Self.constraintsSQL) {
            guard let table = row[0], schema.tables[table] != nil else { continue }
            addConstraint(row, to: &schema.tables[table]!)
        }
        for row in try driver.query(Self.indexesSQL) {
            guard let name = row[0], let table = row[1], schema.tables[table] != nil else { continue }
            let names = split(row[3])
            let options = split(row[4]).map { Int($0) ?? 0 }
            let columns = names.enumerated().map { i, column in
                IndexColumn(name: Identifier(column), descending: i < options.count && options[i] & 1 == 1)
            }
            schema.indexes[name] = Index(
                name: name, table: table, unique: row[2] == "t", columns: columns,
                predicate: row[5].map(SQLExpressionReader.read))
        }
        return schema
    }

    private func addConstraint(_ row: Row, to table: inout Table) {
        let name = row[1] ?? ""
        let columns = split(row[3])
        switch row[2] {
        case "p": table.primaryKey = PrimaryKey(name: name, columns: columns)
        case "u": table.uniques[name] = UniqueConstraint(name: name, columns: columns)
        case "f":
            table.foreignKeys[name] = ForeignKey(
                name: name, columns: columns, referencedTable: row[4] ?? "", referencedColumns: split(row[5]),
                onDelete: Self.action(row[6]), onUpdate: Self.action(row[7]))
            table.foreignKeys[name]?.notValid = row[9] == "f"
        case "c":
            var text = row[8] ?? ""
            if text.hasPrefix("CHECK ") { text.removeFirst(6) }
            if let range = text.firstRange(of: " NOT VALID") { text.removeSubrange(range) }
            table.checks[name] = CheckConstraint(name: name, expression: SQLExpressionReader.read(text))
            table.checks[name]?.notValid = row[9] == "f"
        default: break
        }
    }

    private func split(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: Character(Self.separator), omittingEmptySubsequences: false).map(String.init)
    }

    static func action(_ code: String?) -> ReferentialAction? {
        switch code {
        case "c": .cascade
        case "n": .setNull
        case "d": .setDefault
        case "r": .restrict
        case "a": .noAction
        default: nil
        }
    }

    static let tablesSQL = """
        SELECT c.relname FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
          -- tables an extension owns (PostGIS's spatial_ref_sys) are the extension's
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY c.relname
        """

    static let columnsSQL = """
        SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum
        """

    static let constraintsSQL = """
        SELECT c.relname, k.conname, k.contype,
               array_to_string(ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i), E'\\x1f'),
               f.relname,
               array_to_string(ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i), E'\\x1f'),
               k.confdeltype, k.confupdtype,
               CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_constraintdef(k.oid) END,
               k.convalidated
        FROM pg_catalog.pg_constraint k
        JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class f ON f.oid = k.confrelid
        WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f', 'c')
        ORDER BY c.relname, k.conname
        """

    /// Indexes that do not back a primary key, unique or exclusion constraint.
    static let indexesSQL = """
        SELECT i.relname, t.relname, x.indisunique,
               array_to_string(ARRAY(SELECT COALESCE(a.attname, '<expression>') FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(n, p)
                   LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n
                   WHERE u.p <= x.indnkeyatts ORDER BY u.p), E'\\x1f'),
               array_to_string(x.indoption::int2[], E'\\x1f'),
               pg_catalog.pg_get_expr(x.indpred, x.indrelid)
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema()
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                          WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))
        ORDER BY i.relname
        """
}
