// Enum operations as SQL.
//
// PostgreSQL has enum types: CREATE TYPE ... AS ENUM, ALTER TYPE ... ADD VALUE /
// RENAME VALUE / RENAME TO, DROP TYPE. It cannot remove a value in place, so
// `drop value` is the documented recreate-and-cast: rename the old type away, create
// the new one, cast every column using it through text (dropping and restoring its
// default, and the checks and partial indexes that mention it, whose stored
// expressions name the old type), then drop the old type.
//
// MySQL has no named types: an enum is the `ENUM('a','b')` column type, so value
// changes restate every column using it (MODIFY COLUMN, from the model after the op);
// a renamed value goes through a column type holding both names and an UPDATE.
// Create, drop and rename of the enum itself emit nothing.
//
// SQLite: enum columns are TEXT with a CHECK (named `T_c_enum`) listing the values;
// value changes rebuild the tables using the enum (SQLiteRebuild.swift), and
// create, drop and rename emit nothing.

extension DialectRules {
    func enumStatements(_ step: OpStep) -> [String] {
        switch dialect {
        case .postgres: postgresEnumStatements(step)
        case .mysql: mysqlEnumStatements(step)
        case .sqlite: []
        }
    }

    /// `CREATE TYPE` for every enum of a whole schema (PostgreSQL; the others have none).
    func enumTypes(of schema: Schema) -> [String] {
        guard dialect == .postgres else { return [] }
        return schema.sortedEnums.map { "CREATE TYPE \(quote($0.name)) AS ENUM (\($0.values.map(literal).joined(separator: ", ")))" }
    }

    /// SQLite's CHECK for an enum column, after its type.
    func sqliteEnumCheck(_ column: Column, table: String?) -> String? {
        guard dialect == .sqlite, case .enumeration(let e) = column.type else { return nil }
        let name = Schema.DefaultName.truncated("\(table ?? "")_\(column.name)_enum")
        return "CONSTRAINT \(quote(name)) CHECK (\(quote(column.name)) IN (\(e.values.map(literal).joined(separator: ", "))))"
    }

    /// PostgreSQL converts text to an enum only explicitly: a type change to an enum
    /// (or an array of one) without `using` casts through text.
    func postgresEnumCast(_ column: String, to type: ColumnType) -> String {
        switch type {
        case .enumeration(let e): " USING \(quote(column))::text::\(quote(e.name))"
        case .array(.enumeration(let e)): " USING \(quote(column))::text[]::\(quote(e.name))[]"
        default: ""
        }
    }

    private func postgresEnumStatements(_ step: OpStep) -> [String] {
        switch step.statement.operation {
        case .createEnum(let c):
            return ["CREATE TYPE \(quote(c.name.name)) AS ENUM (\(c.values.map { literal($0.value) }.joined(separator: ", ")))"]
        case .dropEnum(let d):
            return ["DROP TYPE \(quote(d.name.name))"]
        case .renameEnum(let r):
            return ["ALTER TYPE \(quote(r.name.name)) RENAME TO \(quote(r.newName.name))"]
        case .alterEnum(let a):
            let alter = "ALTER TYPE \(quote(a.name.name)) "
            switch a.change {
            case .addValue(let v, let position):
                var text = alter + "ADD VALUE " + literal(v.value)
                switch position {
                case .before(let w)?: text += " BEFORE " + literal(w.value)
                case .after(let w)?: text += " AFTER " + literal(w.value)
                case nil: break
                }
                return [text]
            case .renameValue(let v, let w):
                return [alter + "RENAME VALUE \(literal(v.value)) TO \(literal(w.value))"]
            case .dropValue:
                return postgresRecreate(a.name.name, step)
            }
        default:
            return []
        }
    }

    /// Recreate-and-cast: the way to remove a value from a PostgreSQL enum.
    private func postgresRecreate(_ name: String, _ step: OpStep) -> [String] {
        guard let e = step.after.enums[name] else { return [] }
        let old = Schema.DefaultName.truncated("_migc_old_" + name)
        var out = [
            "ALTER TYPE \(quote(name)) RENAME TO \(quote(old))",
            "CREATE TYPE \(quote(name)) AS ENUM (\(e.values.map(literal).joined(separator: ", ")))",
        ]
        var restore: [String] = []
        let uses = step.before.columns(usingEnum: name)
        for tableName in Set(uses.map(\.table)).sorted() {
            guard let table = step.after.tables[tableName] else { continue }
            let columns = uses.filter { $0.table == tableName }.map(\.column)
            let alter = "ALTER TABLE \(quote(tableName)) "
            for check in table.checks.values.sorted(by: { $0.name < $1.name })
            where check.expression.referencedColumns.contains(where: { columns.contains($0.name) }) {
                out.append(alter + "DROP CONSTRAINT " + quote(check.name))
                restore.append(alter + "ADD " + checkClause(check))
            }
            for index in step.after.indexes(on: tableName)
            where index.predicate?.referencedColumns.contains(where: { columns.contains($0.name) }) == true {
                out.append("DROP INDEX \(quote(index.name))")
                restore.append(createIndex(index, in: table))
            }
            for columnName in columns {
                guard let column = table.column(named: columnName) else { continue }
                let alterColumn = alter + "ALTER COLUMN \(quote(columnName)) "
                let isArray = if case .array = column.type { true } else { false }
                let cast = isArray ? "::text[]::\(quote(name))[]" : "::text::\(quote(name))"
                if let value = column.defaultValue { 
                    out.append(alterColumn + "DROP DEFAULT")
                    restore.insert(alterColumn + "SET DEFAULT " + defaultClause(value, for: column), at: 0)
                }
                out.append(alterColumn + "TYPE " + typeName(column.type, autoincrement: false) + " USING " + quote(columnName) + cast)
            }
        }
        return out + restore + ["DROP TYPE \(quote(old))"]
    }

    private func mysqlEnumStatements(_ step: OpStep) -> [String] {
        guard case .alterEnum(let a) = step.statement.operation else { return [] }
        let uses = step.after.columns(usingEnum: a.name.name)
        var out: [String] = []
        for use in uses {
            guard let table = step.after.tables[use.table], let column = table.column(named: use.column),
                  case .enumeration = column.type else { continue }
            let modify = "ALTER TABLE \(quote(use.table)) MODIFY COLUMN "
            if case .renameValue(let v, let w) = a.change, let before = step.before.tables[use.table]?.column(named: use.column),
               case .enumeration(var both) = before.type {
                // Both names valid while the rows move from the old to the new one.
                both.values.append(w.value)
                var bridge = before
                bridge.type = .enumeration(both)
                out.append(modify + columnDefinition(bridge, in: table))
                out.append("UPDATE \(quote(use.table)) SET \(quote(use.column)) = \(literal(w.value)) WHERE \(quote(use.column)) = \(literal(v.value))")
            }
            out.append(modify + columnDefinition(column, in: table))
        }
        return out
    }
}
