import MigCore

/// What MySQL and MariaDB do to a schema they are given, applied to both sides of a
/// `migc check` before comparing (see `MySQLIntrospector` for the reading side):
/// types as the backend spells them and the server shows them back (`uuid` is
/// CHAR(36), `timestamptz` DATETIME(6)); one name for the primary key (`PRIMARY`);
/// unique constraints as the unique indexes they are; no partial indexes (the
/// backend warns MIG802 and creates the index on every row); RESTRICT as no action
/// (InnoDB checks both at once, and the servers report either for none given).
enum MySQLNormalization {
    static func normalized(_ schema: Schema, expected: Bool) -> Schema {
        var out = schema
        for (name, var table) in schema.tables {
            if expected {
                table.columns = table.columns.map { column in
                    var column = column
                    column.type = TypeMapping.mysql(Dialect.mysql.backend.typeName(column.type, autoincrement: column.autoincrement))
                    return column
                }
                for unique in table.uniques.values {
                    out.indexes[unique.name] = Index(
                        name: unique.name, table: name, unique: true,
                        columns: unique.columns.map { IndexColumn(name: Identifier($0), descending: false) })
                }
                table.uniques = [:]
            }
            if var pk = table.primaryKey {
                pk.name = "PRIMARY"
                table.primaryKey = pk
            }
            table.foreignKeys = table.foreignKeys.mapValues { fk in
                var fk = fk
                if fk.onDelete == .restrict { fk.onDelete = nil }
                if fk.onUpdate == .restrict { fk.onUpdate = nil }
                return fk
            }
            out.tables[name] = table
        }
        out.indexes = out.indexes.mapValues { index in
            var index = index
            index.predicate = nil
            return index
        }
        return out
    }
}
