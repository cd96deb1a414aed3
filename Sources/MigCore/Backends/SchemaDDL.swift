// A whole schema as DDL, for creating a fresh database in one go (`migc upgrade`'s
// fold: Rails' `schema.rb` load, Django's squash). Tables in name order; foreign keys
// inline on SQLite (it checks them at use, not at create), added afterwards elsewhere
// so tables can reference each other in any order, cycles included. On MySQL the
// indexes go inside each CREATE TABLE (a separate CREATE INDEX is an ALTER there,
// hundreds of milliseconds each on InnoDB); a partial index's predicate is left
// out, as MIG802 warns.

public enum SchemaDDL {
    public static func create(_ schema: Schema, dialect: Dialect) -> [SQLStatement] {
        guard let rules = dialect.backend as? any DialectRules else { return [] }
        return statements(schema, rules)
    }

    private static func statements(_ schema: Schema, _ rules: some DialectRules) -> [SQLStatement] {
        let inlineForeignKeys = rules.dialect == .sqlite
        let inlineIndexes = rules.dialect == .mysql
        var out = rules.enumTypes(of: schema).map { SQLStatement($0) }
        var foreignKeys: [(Table, ForeignKey)] = []
        for var table in schema.sortedTables {
            if !inlineForeignKeys {
                foreignKeys += table.foreignKeys.values.sorted { $0.name < $1.name }.map { (table, $0) }
                table.foreignKeys = [:]
            }
            out.append(SQLStatement(rules.createTable(table, indexes: inlineIndexes ? schema.indexes(on: table.name) : [])))
        }
        for (table, fk) in foreignKeys {
            out.append(SQLStatement("ALTER TABLE \(rules.quote(table.name)) ADD \(rules.foreignKeyClause(fk))"))
        }
        for index in schema.indexes.values.sorted(by: { ($0.table, $0.name) < ($1.table, $1.name) }) where !inlineIndexes {
            out.append(SQLStatement(rules.createIndex(index, in: schema.tables[index.table])))
        }
        return out + rules.commentsAndViews(schema).map { SQLStatement($0) }
    }
}
