// A whole schema as DDL, for creating a fresh database in one go (`migc upgrade`'s
// fold: Rails' `schema.rb` load, Django's squash). Tables in name order; foreign keys
// inline on SQLite (it checks them at use, not at create), added afterwards elsewhere
// so tables can reference each other in any order, cycles included.

public enum SchemaDDL {
    public static func create(_ schema: Schema, dialect: Dialect) -> [SQLStatement] {
        guard let rules = dialect.backend as? any DialectRules else { return [] }
        return statements(schema, rules)
    }

    private static func statements(_ schema: Schema, _ rules: some DialectRules) -> [SQLStatement] {
        let inlineForeignKeys = rules.dialect == .sqlite
        var out: [SQLStatement] = []
        var foreignKeys: [(Table, ForeignKey)] = []
        for var table in schema.sortedTables {
            if !inlineForeignKeys {
                foreignKeys += table.foreignKeys.values.sorted { $0.name < $1.name }.map { (table, $0) }
                table.foreignKeys = [:]
            }
            out.append(SQLStatement(rules.createTable(table)))
        }
        for (table, fk) in foreignKeys {
            out.append(SQLStatement("ALTER TABLE \(rules.quote(table.name)) ADD \(rules.foreignKeyClause(fk))"))
        }
        for index in schema.indexes.values.sorted(by: { ($0.table, $0.name) < ($1.table, $1.name) }) {
            out.append(SQLStatement(rules.createIndex(index, in: schema.tables[index.table])))
        }
        return out
    }
}
