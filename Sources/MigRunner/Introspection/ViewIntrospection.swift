import MigCore

/// Views, comments and PostgreSQL index clauses of a live database (issue 12), read
/// after the tables so a view's dependencies can be matched against them.
///
/// - PostgreSQL: `pg_views`, dependencies from `pg_depend` through the view's rewrite
///   rule (exact), comments from `pg_description`, index method from `pg_am`,
///   `include` columns from `pg_index` past `indnkeyatts`, `nulls not distinct` from
///   `indnullsnotdistinct` (PostgreSQL 15; read through `to_jsonb` so older servers
///   without the column read false).
/// - SQLite: `sqlite_schema` rows of type `view`; the body is the text after migc's
///   own `CREATE VIEW "v" AS ` (else the whole statement); dependencies found in the
///   body as the model finds them. No comments, no index clauses.
/// - MySQL/MariaDB: `information_schema.views` (the body as the server rewrote it),
///   dependencies from the body, comments from `information_schema` tables and columns.
struct ViewIntrospector {
    let driver: any DatabaseDriver

    func add(to schema: inout Schema) throws(DatabaseError) {
        switch driver.dialect {
        case .postgres:
            for row in try driver.query(Self.postgresViewsSQL) {
                guard let name = row[0] else { continue }
                schema.views[name] = View(name: name, body: row[1] ?? "")
            }
            for row in try driver.query(Self.postgresDependenciesSQL) {
                guard let view = row[0], let table = row[1], schema.views[view] != nil else { continue }
                schema.views[view]!.dependsOn = (schema.views[view]!.dependsOn + [table]).sorted()
            }
            try addComments(Self.postgresCommentsSQL, to: &schema)
            try addPostgresIndexOptions(to: &schema)
        case .sqlite:
            for row in try driver.query("SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY name") {
                guard let name = row[0] else { continue }
                let sql = row[1] ?? ""
                let prefix = "CREATE VIEW " + SQLiteBackend().quote(name) + " AS "
                let body = sql.hasPrefix(prefix) ? String(sql.dropFirst(prefix.count)) : sql
                schema.views[name] = View(name: name, body: body)
            }
            detectDependencies(in: &schema)
            try addSQLiteExpressionKeys(to: &schema)
        case .mysql:
            for row in try driver.query(Self.mysqlViewsSQL) {
                guard let name = row[0] else { continue }
                schema.views[name] = View(name: name, body: row[1] ?? "")
            }
            detectDependencies(in: &schema)
            try addComments(Self.mysqlCommentsSQL, to: &schema)
        }
    }

    /// Rows of (table, column or NULL, comment); empty comments are none (MySQL).
    private func addComments(_ sql: String, to schema: inout Schema) throws(DatabaseError) {
        for row in try driver.query(sql) {
            guard let table = row[0], schema.tables[table] != nil, let text = row[2], !text.isEmpty else { continue }
            if let column = row[1] {
                guard let i = schema.tables[table]!.columnIndex(named: column) else { continue }
                schema.tables[table]!.columns[i].comment = text
            } else {
                schema.tables[table]!.comment = text
            }
        }
    }

    private func detectDependencies(in schema: inout Schema) {
        for view in schema.views.values {
            let definition = ViewDefinition(name: Identifier(view.name), body: StringLiteral(view.body))
            schema.views[view.name]!.dependsOn = schema.dependencies(of: definition)
        }
    }

    /// SQLite's pragmas give an expression key no name: its text is read from the
    /// stored `CREATE INDEX`.
    private func addSQLiteExpressionKeys(to schema: inout Schema) throws(DatabaseError) {
        for index in schema.indexes.values where index.columns.contains(where: { $0.name.name == Self.unnamedKey }) {
            let sql = try driver.scalar("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = $1", [index.name]) ?? ""
            let keys = Self.keyTexts(ofIndex: sql)
            guard keys.count == index.columns.count else { continue }
            for (i, text) in keys.enumerated() where index.columns[i].name.name == Self.unnamedKey {
                schema.indexes[index.name]!.columns[i] = IndexColumn(expression: SQLExpressionReader.read(text), descending: index.columns[i].descending)
            }
        }
    }

    /// What the introspectors name a key that is an expression.
    static let unnamedKey = "<expression>"

    /// The texts of the keys of a `CREATE INDEX ... ON t (k1, k2 DESC) ...`, each
    /// without its `ASC`/`DESC`/`COLLATE`.
    static func keyTexts(ofIndex sql: String) -> [String] {
        let tokens = SQLTokenizer.tokenize(sql)
        let chars = Array(sql)
        guard let on = tokens.firstIndex(where: { $0.isWord("ON") }),
              let open = tokens[on...].firstIndex(where: { $0.isSymbol("(") }) else { return [] }
        var keys: [String] = []
        var depth = 0
        var start = open + 1
        for k in (open + 1)..<tokens.count {
            let t = tokens[k]
            if t.isSymbol("(") { depth += 1; continue }
            let closes = t.isSymbol(")") && depth == 0
            if t.isSymbol(")") && depth > 0 { depth -= 1; continue }
            guard closes || (t.isSymbol(",") && depth == 0) else { continue }
            var end = k
            while end > start, tokens[end - 1].isWord("ASC") || tokens[end - 1].isWord("DESC") { end -= 1 }
            if let collate = tokens[start..<end].firstIndex(where: { $0.isWord("COLLATE") }) { end = collate }
            if end > start { keys.append(String(chars[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound])) }
            start = k + 1
            if closes { break }
        }
        return keys
    }

    private func addPostgresExpressionKeys(to schema: inout Schema) throws(DatabaseError) {
        for row in try driver.query(Self.postgresExpressionKeysSQL) {
            guard let name = row[0], let position = row[1].flatMap({ Int($0) }), let text = row[2],
                  let index = schema.indexes[name], position >= 1, position <= index.columns.count else { continue }
            let key = index.columns[position - 1]
            schema.indexes[name]!.columns[position - 1] = IndexColumn(expression: SQLExpressionReader.read(text), descending: key.descending)
        }
    }

    private func addPostgresIndexOptions(to schema: inout Schema) throws(DatabaseError) {
        try addPostgresExpressionKeys(to: &schema)
        for row in try driver.query(Self.postgresIndexOptionsSQL) {
            guard let name = row[0], schema.indexes[name] != nil else { continue }
            let method = row[1].flatMap(IndexMethod.init(rawValue:))
            let include = (row[2] ?? "").split(separator: Character(PostgresIntrospector.separator)).map { Identifier(String($0)) }
            // `btree` is what an index without `using` is: the model writes it as nil
            // unless the migration said `using btree` (SchemaComparison equates them).
            schema.indexes[name]!.options = IndexOptions(method: method == .btree ? nil : method, include: include, nullsNotDistinct: row[3] == "true")
        }
    }

    static let postgresViewsSQL = """
        SELECT viewname, definition FROM pg_catalog.pg_views WHERE schemaname = current_schema() ORDER BY viewname
        """

    /// The tables and views each view's rewrite rule reads.
    static let postgresDependenciesSQL = """
        SELECT DISTINCT v.relname, t.relname
        FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
        JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
        JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
        JOIN pg_catalog.pg_namespace n ON n.oid = v.relnamespace
        WHERE d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
          AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
          AND v.relkind = 'v' AND t.oid <> v.oid AND n.nspname = current_schema()
        ORDER BY 1, 2
        """

    static let postgresCommentsSQL = """
        SELECT c.relname, a.attname, d.description
        FROM pg_catalog.pg_description d
        JOIN pg_catalog.pg_class c ON c.oid = d.objoid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
        WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND n.nspname = current_schema()
          AND c.relkind IN ('r', 'p') AND (d.objsubid = 0 OR a.attname IS NOT NULL)
        ORDER BY 1, 2
        """

    /// Each expression key's text (`pg_get_indexdef` of its position).
    static let postgresExpressionKeysSQL = """
        SELECT i.relname, u.p, pg_catalog.pg_get_indexdef(x.indexrelid, u.p::int, true)
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
        CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY u(n, p)
        WHERE n.nspname = current_schema() AND u.n = 0 AND u.p <= x.indnkeyatts
        """

    static let postgresIndexOptionsSQL = """
        SELECT i.relname, am.amname,
               array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(n, p)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n
                   WHERE u.p > x.indnkeyatts ORDER BY u.p), E'\\x1f'),
               COALESCE((pg_catalog.to_jsonb(x) ->> 'indnullsnotdistinct'), 'false')
        FROM pg_catalog.pg_index x
        JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = i.relam
        JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
        WHERE n.nspname = current_schema()
        """

    static let mysqlViewsSQL = """
        SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME
        """

    static let mysqlCommentsSQL = """
        SELECT TABLE_NAME, NULL, TABLE_COMMENT FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
        UNION ALL
        SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_COMMENT FROM information_schema.COLUMNS c
        JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
        WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
        """
}
