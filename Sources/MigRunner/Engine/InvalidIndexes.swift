import MigCore

/// A failed `CREATE INDEX CONCURRENTLY` (a `transaction off` revision on
/// PostgreSQL) leaves the index behind, marked INVALID: it is not used for
/// queries, still slows writes, and makes the retry fail with "already exists".
/// The failure names it so the user can drop it.
enum InvalidIndexes {
    /// The INVALID indexes in the current schema that the failed statement names.
    static func annotate(_ failure: RunFailure, driver: any DatabaseDriver) -> RunFailure {
        guard driver.dialect == .postgres, let text = failure.statement?.text, text.uppercased().contains("CONCURRENTLY") else { return failure }
        let rows = (try? driver.query("""
            SELECT c.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
            WHERE NOT i.indisvalid AND c.relnamespace = current_schema()::regnamespace ORDER BY c.relname
            """)) ?? []
        var out = failure
        out.invalidIndexes = rows.compactMap { $0.first ?? nil }.filter { text.contains(PostgresBackend().quote($0)) }
        return out
    }
}
