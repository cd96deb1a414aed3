// The guard at the start of every SQLite table rebuild. A rebuild copies the columns
// the model knows into a new table and drops the old one; whatever the live table
// has beyond the model (a column added by a `sql` block, an index or trigger created
// by raw SQL) would be dropped with it, data included. The guard lists those
// objects into a temp table whose CHECK fails on any row, so a script run with
// `sqlite3` stops before anything is dropped (the revision's transaction rolls back).
//
// The runner does better with the same statement (RebuildKeeper): it runs the
// guard's query first, refuses with the column names when a column would be lost,
// and carries indexes and triggers over (their CREATE text from sqlite_master,
// re-run after the revision's statements).

public enum SQLiteRebuildGuard {
    public static let table = "_migc_rebuild_guard"
    /// How the guard statement starts (the runner recognises it by this).
    public static let insertPrefix = "INSERT INTO temp.\"\(table)\" (\"lost\")\n"

    /// One row per object of the live table `name` the model does not know:
    /// `column X`, `index X` or `trigger X`.
    static func query(table name: String, columns: [String], indexes: [String], backend: SQLiteBackend) -> String {
        let t = backend.literal(name)
        func list(_ names: [String]) -> String { names.map(backend.literal).joined(separator: ", ") }
        return "SELECT 'column ' || \"name\" FROM pragma_table_info(\(t)) WHERE \"name\" NOT IN (\(list(columns)))\n"
            + "  UNION ALL SELECT \"type\" || ' ' || \"name\" FROM \"sqlite_master\" WHERE \"tbl_name\" = \(t) COLLATE NOCASE "
            + "AND \"type\" IN ('index', 'trigger') AND \"name\" NOT LIKE 'sqlite_autoindex_%' AND \"name\" NOT IN (\(list(indexes)))"
    }

    static func statements(table name: String, columns: [String], indexes: [String], backend: SQLiteBackend) -> [String] {
        [
            "CREATE TEMP TABLE IF NOT EXISTS \"\(table)\" (\"lost\" TEXT CONSTRAINT "
                + "\"a table rebuild would drop columns, indexes or triggers the migrations do not know (see migc check)\" "
                + "CHECK (\"lost\" IS NULL))",
            insertPrefix + "  " + query(table: name, columns: columns, indexes: indexes, backend: backend),
        ]
    }

    /// The guard's query, when `statement` is a guard.
    public static func query(of statement: String) -> String? {
        guard statement.hasPrefix(insertPrefix) else { return nil }
        return String(statement.dropFirst(insertPrefix.count).drop { $0 == " " })
    }
}
