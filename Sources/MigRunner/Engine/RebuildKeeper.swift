import MigCore

/// Keeps a SQLite table rebuild from dropping what the migrations do not know.
/// Before each rebuild guard (see SQLiteRebuildGuard) the runner runs the guard's
/// query itself: a column the model does not know stops the revision (rolled back,
/// nothing changed) with its name; indexes and triggers on the table are saved from
/// `sqlite_master`, dropped, and created again after the revision's statements, so
/// the guard passes and they survive the rebuild. A constraint the model does not
/// know (SQLite keeps it in the table's text, which the rebuild replaces) stops the
/// revision like a column.
struct RebuildKeeper {
    let driver: any DatabaseDriver
    /// CREATE INDEX / CREATE TRIGGER texts to run again, in the order found.
    private var saved: [String] = []

    init(driver: any DatabaseDriver) { self.driver = driver }

    /// Code of the refusal (shown as `migc refused`, not as the database's message).
    static let refusalCode = "MIGC_REBUILD"

    mutating func prepare(_ statement: String) throws(DatabaseError) {
        guard driver.dialect == .sqlite, let query = SQLiteRebuildGuard.query(of: statement) else { return }
        let lost = try driver.query(query).compactMap { $0.first ?? nil }.map { row in
            let parts = row.split(separator: " ", maxSplits: 1)
            return (kind: String(parts[0]), name: parts.count > 1 ? String(parts[1]) : "")
        }
        // Outside a transaction (`transaction off`) a failure after the drop could
        // not bring indexes and triggers back: refuse for them as for columns.
        let carried = driver.inTransaction ? ["column", "constraint"] : ["column", "constraint", "index", "trigger"]
        let refused = lost.filter { carried.contains($0.kind) }
        if !refused.isEmpty {
            let table = Self.table(of: query) ?? "?"
            let list = refused.map { $0.kind == "constraint" ? "a \($0.name) constraint" : "\($0.kind) `\($0.name)`" }
                .joined(separator: ", ")
            throw DatabaseError(
                message: "table `\(table)` has \(list) that the migrations do not know "
                    + "(added by raw SQL?); the rebuild SQLite needs here would drop \(refused.count == 1 ? "it" : "them") with the data, so migc stopped before it",
                code: Self.refusalCode,
                detail: "hint: drop what is not needed in a `sql` block first; a column to keep goes into the model (copy it aside, drop it, `add column`, copy back), "
                    + "a constraint to keep too (`add check` / `add foreign key` / `add unique` after removing the raw one); `migc check` lists the differences",
                statement: statement)
        }
        for object in lost where object.kind == "index" || object.kind == "trigger" {
            let sql = try driver.scalar("SELECT \"sql\" FROM \"sqlite_master\" WHERE \"type\" = $1 AND \"name\" = $2", [object.kind, object.name])
            guard let sql else { continue }
            try driver.execute("DROP \(object.kind.uppercased()) \(SQLiteBackend().quote(object.name))")
            saved.append(sql)
        }
    }

    /// Creates the saved indexes and triggers again (a trigger whose columns the
    /// revision dropped fails here, and the revision with it).
    mutating func restore() throws(DatabaseError) {
        defer { saved = [] }
        for sql in saved { try driver.execute(sql) }
    }

    /// The table a guard query reads (`pragma_table_info('T')`), for the message.
    static func table(of query: String) -> String? {
        guard let open = query.range(of: "pragma_table_info('"), let close = query[open.upperBound...].range(of: "')") else { return nil }
        return query[open.upperBound..<close.lowerBound].replacingOccurrences(of: "''", with: "'")
    }
}

extension RunFailure {
    /// `error.code` of a failure migc itself raised before the database could lose
    /// data (a rebuild guard), not the database's own error.
    public static let refusalCode = RebuildKeeper.refusalCode
}
