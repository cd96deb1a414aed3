import MigCore

/// Reads a live database's schema into MigCore's model, so it can be compared with
/// the schema the migrations say it should have (`migc check`, execution tests).
/// migc's own tables (`migc_version`, `migc_history`) and the engine's internal
/// tables are left out. Introspected objects carry synthesized spans.
public enum Introspector {
    public static let excludedTables: Set<String> = ["migc_version", "migc_history", StatementProgress.table]

    public static func schema(of driver: any DatabaseDriver) throws(DatabaseError) -> Schema {
        var schema = switch driver.dialect {
        case .sqlite: try SQLiteIntrospector(driver: driver).schema()
        case .postgres: try PostgresIntrospector(driver: driver).schema()
        case .mysql: try MySQLIntrospector(driver: driver).schema()
        }
        try ViewIntrospector(driver: driver).add(to: &schema)
        return schema
    }

    /// `expected` with its pass-through types spelled as this database spells them
    /// (PostgreSQL: through `format_type`; SQLite: read back like any declared type,
    /// so `"text"` is `text`), so equal types compare equal.
    public static func canonicalTypes(_ expected: Schema, for driver: any DatabaseDriver) throws(DatabaseError) -> Schema {
        switch driver.dialect {
        case .postgres:
            var names = PostgresTypeNames(driver: driver)
            return try names.canonical(expected)
        case .sqlite:
            var schema = expected
            for (name, table) in expected.tables {
                for (i, column) in table.columns.enumerated() {
                    if case .custom(let declared) = column.type { schema.tables[name]?.columns[i].type = TypeMapping.sqlite(declared) }
                }
            }
            return schema
        case .mysql:
            return expected
        }
    }
}

extension ReferentialAction {
    /// SQLite's `foreign_key_list` spelling (`SET NULL`, `NO ACTION`).
    init?(sqlName: String) {
        self.init(rawValue: sqlName.lowercased())
    }
}
