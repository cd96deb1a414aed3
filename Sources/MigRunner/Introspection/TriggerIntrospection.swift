import MigCore

/// Triggers: the schema model has none, so every trigger in the database was made
/// by raw SQL. `migc check` lists them as drift (a SQLite rebuild keeps them, see
/// RebuildKeeper, but the migrations cannot see or check them).
extension Introspector {
    public struct Trigger: Hashable, Sendable {
        public var name: String
        public var table: String
    }

    public static func triggers(of driver: any DatabaseDriver) throws(DatabaseError) -> [Trigger] {
        let sql: String = switch driver.dialect {
        case .sqlite:
            "SELECT \"name\", \"tbl_name\" FROM \"sqlite_master\" WHERE \"type\" = 'trigger' ORDER BY \"tbl_name\", \"name\""
        case .postgres:
            """
            SELECT t.tgname, c.relname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace ORDER BY c.relname, t.tgname
            """
        case .mysql:
            "SELECT trigger_name, event_object_table FROM information_schema.triggers WHERE trigger_schema = database()"
        }
        return try driver.query(sql).map { Trigger(name: $0[0] ?? "", table: $0[1] ?? "") }
            .filter { !excludedTables.contains($0.table) }
    }

    /// One `unexpected trigger` difference per trigger.
    public static func triggerDifferences(_ triggers: [Trigger]) -> [SchemaDifference] {
        triggers.map { SchemaDifference(kind: .unexpected, table: $0.table, object: "trigger `\($0.name)` (made by raw SQL; not in the model)") }
    }
}
