// The guard at the start of every SQLite table rebuild. A rebuild copies the columns
// the model knows into a new table and drops the old one; whatever the live table
// has beyond the model (a column added by a `sql` block, an index or trigger created
// by raw SQL, a constraint from a hand-made rebuild) would be dropped with it, data
// included. The guard lists those
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

    /// What the model knows of the live table before a rebuild. SQLite cannot name
    /// a table's CHECK constraints and names none of its foreign keys, so those are
    /// counted: more in the live table than in the model means raw SQL added one.
    struct Known {
        var columns: [String]
        var indexes: [String]
        var foreignKeys: Int
        var uniqueConstraints: Int
        /// `CHECK(` marks in the model's CREATE TABLE text (see `checkMarks`).
        var checkMarks: Int

        init(_ table: Table, indexes: [Index], backend: SQLiteBackend) {
            columns = table.columns.map(\.name)
            self.indexes = indexes.map(\.name)
            foreignKeys = table.foreignKeys.count
            uniqueConstraints = table.uniques.count
            checkMarks = SQLiteRebuildGuard.checkMarks(in: backend.createTable(table))
        }
    }

    /// `CHECK(` occurrences once blanks are removed and letters upper-cased: the
    /// same count the guard takes of the live table's text in SQL. Counting the
    /// model's own DDL the same way (not its number of checks) makes names and
    /// literals that contain `check(` count on both sides alike.
    static func checkMarks(in createTable: String) -> Int {
        let squeezed = String(String.UnicodeScalarView(createTable.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" { return nil }
            return ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32) : scalar
        }))
        return squeezed.components(separatedBy: "CHECK(").count - 1
    }

    /// One row per object of the live table `name` the model does not know:
    /// `column X`, `index X`, `trigger X`, or `constraint KIND` (CHECK, FOREIGN KEY,
    /// UNIQUE) when the live table has more of that kind than the model.
    static func query(table name: String, known: Known, backend: SQLiteBackend) -> String {
        let t = backend.literal(name)
        func list(_ names: [String]) -> String { names.map(backend.literal).joined(separator: ", ") }
        let squeezed = "upper(replace(replace(replace(replace(\"sql\", ' ', ''), char(10), ''), char(13), ''), char(9), ''))"
        return "SELECT 'column ' || \"name\" FROM pragma_table_info(\(t)) WHERE \"name\" NOT IN (\(list(known.columns)))\n"
            + "  UNION ALL SELECT \"type\" || ' ' || \"name\" FROM \"sqlite_master\" WHERE \"tbl_name\" = \(t) COLLATE NOCASE "
            + "AND \"type\" IN ('index', 'trigger') AND \"name\" NOT LIKE 'sqlite_autoindex_%' AND \"name\" NOT IN (\(list(known.indexes)))\n"
            + "  UNION ALL SELECT 'constraint FOREIGN KEY' WHERE (SELECT count(DISTINCT \"id\") FROM pragma_foreign_key_list(\(t))) > \(known.foreignKeys)\n"
            + "  UNION ALL SELECT 'constraint UNIQUE' WHERE (SELECT count(*) FROM pragma_index_list(\(t)) WHERE \"origin\" = 'u') > \(known.uniqueConstraints)\n"
            + "  UNION ALL SELECT 'constraint CHECK' FROM (SELECT \(squeezed) AS \"s\" FROM \"sqlite_master\" "
            + "WHERE \"type\" = 'table' AND \"name\" = \(t) COLLATE NOCASE) WHERE (length(\"s\") - length(replace(\"s\", 'CHECK(', ''))) / 6 > \(known.checkMarks)"
    }

    static func statements(table name: String, known: Known, backend: SQLiteBackend) -> [String] {
        [
            "CREATE TEMP TABLE IF NOT EXISTS \"\(table)\" (\"lost\" TEXT CONSTRAINT "
                + "\"a table rebuild would drop columns, constraints, indexes or triggers the migrations do not know (see migc check)\" "
                + "CHECK (\"lost\" IS NULL))",
            insertPrefix + "  " + query(table: name, known: known, backend: backend),
        ]
    }

    /// The guard's query, when `statement` is a guard.
    public static func query(of statement: String) -> String? {
        guard statement.hasPrefix(insertPrefix) else { return nil }
        return String(statement.dropFirst(insertPrefix.count).drop { $0 == " " })
    }
}
