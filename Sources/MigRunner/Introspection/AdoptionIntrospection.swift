import MigCore

/// What a baseline (`migc init --from-database`) reads: the schema model, plus every
/// object the model cannot hold (views, triggers, functions, PostgreSQL enum types,
/// expression indexes) with the SQL that recreates it and the SQL that drops it, so
/// the baseline keeps them as `sql` blocks instead of losing them.
public struct UnexpressedObject: Hashable, Sendable {
    public enum Placement: Hashable, Sendable {
        /// Needed by the tables (a column's enum type): runs before them.
        case beforeTables
        case afterTables
    }

    /// "view", "trigger", "function", "enum type", "expression index".
    public var kind: String
    public var name: String
    public var create: String
    public var drop: String
    public var placement: Placement
}

extension Introspector {
    public static func adoption(of driver: any DatabaseDriver) throws(DatabaseError) -> (Schema, [UnexpressedObject]) {
        var schema = try Introspector.schema(of: driver)
        // A boolean default MySQL (or SQLite) shows as 0 / 1 is written `false` / `true`.
        for (name, table) in schema.tables {
            for (i, column) in table.columns.enumerated() where column.type == .bool {
                if case .number(let n) = column.defaultValue?.kind, n == "0" || n == "1" {
                    schema.tables[name]!.columns[i].defaultValue = Expr(.bool(n == "1"))
                }
            }
        }
        // Key columns are not null in the model (a key makes them so on every engine
        // but SQLite, where a baseline's key makes them so too).
        for (name, table) in schema.tables {
            guard var key = table.primaryKey else { continue }
            // MySQL names every primary key `PRIMARY` and takes no other name.
            if driver.dialect == .mysql {
                key.name = Schema.DefaultName.primaryKey(table: name)
                schema.tables[name]!.primaryKey = key
            }
            for (i, column) in table.columns.enumerated() where key.columns.contains(column.name) {
                schema.tables[name]!.columns[i].nullable = false
            }
        }
        // Views stay `sql` blocks with the database's own definition (the engines
        // rewrite view bodies; the baseline recreates them exactly as read).
        schema.views = [:]
        var objects: [UnexpressedObject] = []
        let q = driver.dialect.backend
        objects += try unreadable(&schema, driver)
        // Indexes on an expression: the model names columns only. Predicates migc
        // cannot read back go the same way.
        for index in schema.indexes.values.sorted(by: { $0.name < $1.name })
        where index.columns.contains(where: { $0.name.name == "<expression>" }) || index.predicate?.unreadableText != nil {
            guard let create = try expressionIndexDefinition(index.name, driver) else { continue }
            schema.indexes[index.name] = nil
            objects.append(UnexpressedObject(kind: "expression index", name: index.name, create: create,
                                             drop: "DROP INDEX \(q.quote(index.name))", placement: .afterTables))
        }
        switch driver.dialect {
        case .sqlite:
            for row in try driver.query("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('view', 'trigger') AND sql IS NOT NULL ORDER BY rowid") {
                guard let type = row[0], let name = row[1], let sql = row[3], !excludedTables.contains(row[2] ?? "") else { continue }
                objects.append(UnexpressedObject(kind: type, name: name, create: sql, drop: "DROP \(type.uppercased()) \(q.quote(name))", placement: .afterTables))
            }
        case .postgres:
            for row in try driver.query(postgresObjectsSQL) {
                guard let kind = row[0], let name = row[1], let create = row[2], let drop = row[3] else { continue }
                objects.append(UnexpressedObject(kind: kind, name: name, create: create, drop: drop, placement: kind == "enum type" ? .beforeTables : .afterTables))
            }
        case .mysql:
            for row in try driver.query("SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = database() ORDER BY table_name") {
                guard let name = row[0], let body = row[1] else { continue }
                objects.append(UnexpressedObject(kind: "view", name: name, create: "CREATE VIEW \(q.quote(name)) AS \(body)", drop: "DROP VIEW \(q.quote(name))", placement: .afterTables))
            }
            for row in try driver.query("""
                SELECT trigger_name, action_timing, event_manipulation, event_object_table, action_statement
                FROM information_schema.triggers WHERE trigger_schema = database() ORDER BY trigger_name
                """) {
                guard let name = row[0], let table = row[3], !excludedTables.contains(table) else { continue }
                let create = "CREATE TRIGGER \(q.quote(name)) \(row[1] ?? "") \(row[2] ?? "") ON \(q.quote(table)) FOR EACH ROW \(row[4] ?? "")"
                objects.append(UnexpressedObject(kind: "trigger", name: name, create: create, drop: "DROP TRIGGER \(q.quote(name))", placement: .afterTables))
            }
        }
        return (schema, objects)
    }

    /// Checks and defaults in SQL migc cannot read back (PostgreSQL, MySQL: they can
    /// be added by ALTER TABLE) leave the model and are kept as SQL as they are.
    private static func unreadable(_ schema: inout Schema, _ driver: any DatabaseDriver) throws(DatabaseError) -> [UnexpressedObject] {
        guard driver.dialect != .sqlite else { return [] }
        let q = driver.dialect.backend
        var out: [UnexpressedObject] = []
        for name in schema.tables.keys.sorted() {
            var table = schema.tables[name]!
            let t = q.quote(name)
            for check in table.checks.values.sorted(by: { $0.name < $1.name }) {
                guard let text = check.expression.unreadableText else { continue }
                table.checks[check.name] = nil
                out.append(UnexpressedObject(kind: "check constraint", name: check.name,
                                             create: "ALTER TABLE \(t) ADD CONSTRAINT \(q.quote(check.name)) CHECK (\(text))",
                                             drop: "ALTER TABLE \(t) DROP \(driver.dialect == .mysql ? "CHECK" : "CONSTRAINT") \(q.quote(check.name))", placement: .afterTables))
            }
            for (i, column) in table.columns.enumerated() {
                guard let text = column.defaultValue?.unreadableText else { continue }
                table.columns[i].defaultValue = nil
                let c = q.quote(column.name)
                out.append(UnexpressedObject(kind: "default of column", name: "\(name).\(column.name)",
                                             create: "ALTER TABLE \(t) ALTER COLUMN \(c) SET DEFAULT \(text)",
                                             drop: "ALTER TABLE \(t) ALTER COLUMN \(c) DROP DEFAULT", placement: .afterTables))
            }
            schema.tables[name] = table
        }
        return out
    }

    private static func expressionIndexDefinition(_ name: String, _ driver: any DatabaseDriver) throws(DatabaseError) -> String? {
        switch driver.dialect {
        case .sqlite: try driver.scalar("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = $1", [name])
        case .postgres:
            try driver.scalar("""
                SELECT pg_catalog.pg_get_indexdef(c.oid) FROM pg_catalog.pg_class c
                WHERE c.relname = $1 AND c.relkind = 'i' AND c.relnamespace = current_schema()::regnamespace
                """, [name])
        case .mysql: nil
        }
    }

    /// Functions, views, materialized views and triggers of the current schema, in an
    /// order that recreates them (by creation). Enum types are in the model.
    static let postgresObjectsSQL = """
        SELECT 'function', p.proname, pg_catalog.pg_get_functiondef(p.oid),
               'DROP FUNCTION ' || quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', 1, p.oid::bigint
        FROM pg_catalog.pg_proc p
        WHERE p.prokind = 'f' AND p.pronamespace = current_schema()::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END, c.relname,
               'CREATE ' || CASE c.relkind WHEN 'v' THEN 'VIEW ' ELSE 'MATERIALIZED VIEW ' END || quote_ident(c.relname) ||
                 ' AS ' || rtrim(pg_catalog.pg_get_viewdef(c.oid, true), ';'),
               'DROP ' || CASE c.relkind WHEN 'v' THEN 'VIEW ' ELSE 'MATERIALIZED VIEW ' END || quote_ident(c.relname), 2, c.oid::bigint
        FROM pg_catalog.pg_class c
        WHERE c.relkind IN ('v', 'm') AND c.relnamespace = current_schema()::regnamespace
        UNION ALL
        SELECT 'trigger', t.tgname, pg_catalog.pg_get_triggerdef(t.oid),
               'DROP TRIGGER ' || quote_ident(t.tgname) || ' ON ' || quote_ident(c.relname), 3, t.oid::bigint
        FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
        ORDER BY 5, 6
        """
}
