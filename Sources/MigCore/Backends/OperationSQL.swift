// Renders one op in place (`ALTER TABLE ...`), shared by the three dialects with the
// few differences switched on `dialect`. SQLite's rebuilds are in SQLiteRebuild.swift.

extension DialectRules {
    func renderInPlace(_ step: OpStep, transactional: Bool) -> [String] {
        if let safe = renderSafeForm(step, transactional: transactional) { return safe }
        switch step.statement.operation {
        case .createTable(let op):
            let table = step.after.tables[op.name.name] ?? Table(fallback: op)
            return [createTable(table)]
        case .dropTable(let op):
            return ["DROP TABLE \(quote(op.name.name))"]
        case .renameTable(let op):
            if dialect == .mysql { return ["RENAME TABLE \(quote(op.name.name)) TO \(quote(op.newName.name))"] }
            return ["ALTER TABLE \(quote(op.name.name)) RENAME TO \(quote(op.newName.name))"]
        case .addColumn(let op):
            return op.backfill == nil ? addColumn(op, step) : backfilledColumn(op, step)
        case .dropColumn(let op):
            let drop = "ALTER TABLE \(quote(op.table.name)) DROP COLUMN \(quote(op.column.name))"
            guard dialect == .mysql, let table = step.before.tables[op.table.name] else { return [drop] }
            // MySQL keeps a foreign key on a dropped column and then refuses the drop.
            let keys = table.foreignKeys.values.filter { $0.columns.contains(op.column.name) }.sorted { $0.name < $1.name }
            return keys.map { "ALTER TABLE \(quote(op.table.name)) DROP FOREIGN KEY \(quote($0.name))" } + [drop]
        case .renameColumn(let op):
            return ["ALTER TABLE \(quote(op.table.name)) RENAME COLUMN \(quote(op.column.name)) TO \(quote(op.newName.name))"]
        case .alterColumn(let op):
            return [alterColumn(op, step)]
        case .createIndex(let op):
            let concurrently = op.concurrently && !transactional && dialect == .postgres
            return [createIndex(Index(op), in: step.after.tables[op.table.name], concurrently: concurrently)]
        case .dropIndex(let op):
            guard dialect == .mysql else { return ["DROP INDEX \(quote(op.name.name))"] }
            return mysqlDropIndex(op.name.name, step)
        case .addConstraint(let op):
            let table = step.after.tables[op.table.name]
            return ["ALTER TABLE \(quote(op.table.name)) ADD " + constraintClause(op, in: table)]
        case .dropConstraint(let op):
            return [dropConstraint(op, step)]
        case .validateConstraint:
            return []  // rendered by renderSafeForm
        case .sql(let raw):
            return rawSQL(raw)
        case .insert, .update, .delete:
            return dataChange(step)
        case .createEnum, .dropEnum, .renameEnum, .alterEnum:
            return enumStatements(step)
        case .createView, .replaceView, .dropView, .renameView, .comment:
            return renderViewOrComment(step)
        }
    }

    /// `sql` text verbatim for its dialect (every dialect when none is named).
    func rawSQL(_ raw: RawSQL) -> [String] {
        if let name = raw.dialect, Dialect(blockName: name.name) != dialect { return [] }
        return raw.text.value.allSatisfy(\.isWhitespace) ? [] : [raw.text.value]
    }

    /// One `ALTER TABLE` adding the column and the constraints it brings (mysql needs
    /// an AUTO_INCREMENT column's key in the same statement).
    func addColumn(_ op: AddColumn, _ step: OpStep) -> [String] {
        let tableName = op.table.name
        let table = step.after.tables[tableName]
        let column = table?.column(named: op.column.name.name) ?? Column(fallback: op.column)
        let added = table?.constraintsAdded(since: step.before.tables[tableName])
        if dialect == .sqlite {
            // One action per ALTER, no ADD CONSTRAINT: foreign keys and checks ride
            // inline (keys and uniques force a rebuild instead).
            let inline = (added?.foreignKeys.values.sorted { $0.name < $1.name }.map(inlineReference) ?? [])
                + (added?.checks.values.sorted { $0.name < $1.name }.map(checkClause) ?? [])
            let definition = ([columnDefinition(column, in: table)] + inline).joined(separator: " ")
            return ["ALTER TABLE \(quote(tableName)) ADD COLUMN " + definition]
        }
        let clauses = ["ADD COLUMN " + columnDefinition(column, in: table)]
            + (added.map(constraintClauses) ?? []).map { "ADD " + $0 }
        let separator = clauses.count == 1 ? " " : "\n  "
        return ["ALTER TABLE \(quote(tableName))" + separator + clauses.joined(separator: ",\n  ")]
    }

    /// `CONSTRAINT "n" REFERENCES "t" ("c") ...`: a foreign key as a column constraint.
    private func inlineReference(_ fk: ForeignKey) -> String {
        var text = "CONSTRAINT \(quote(fk.name)) REFERENCES \(quote(fk.referencedTable)) (\(quotedList(fk.referencedColumns)))"
        if let action = fk.onDelete { text += " ON DELETE " + action.rawValue.uppercased() }
        if let action = fk.onUpdate { text += " ON UPDATE " + action.rawValue.uppercased() }
        return text
    }

    private func alterColumn(_ op: AlterColumn, _ step: OpStep) -> String {
        let prefix = "ALTER TABLE \(quote(op.table.name)) "
        let alter = prefix + "ALTER COLUMN \(quote(op.column.name)) "
        let column = step.after.tables[op.table.name]?.column(named: op.column.name)
        switch op.change {
        case .type(let type, let using) where dialect == .postgres:
            let usingText = using.map { " USING " + render($0) } ?? postgresEnumCast(op.column.name, to: type.type)
            return alter + "TYPE " + typeName(type.type, autoincrement: false) + usingText
        case .setNotNull where dialect == .postgres: return alter + "SET NOT NULL"
        case .dropNotNull where dialect == .postgres: return alter + "DROP NOT NULL"
        case .setDefault(let expr) where dialect != .mysql:
            let target = column ?? Column(name: op.column.name, type: .text)
            return alter + "SET DEFAULT " + defaultClause(expr, for: target)
        case .dropDefault where dialect != .mysql:
            return alter + "DROP DEFAULT"
        case .type, .setNotNull, .dropNotNull, .setDefault, .dropDefault:
            // MySQL restates the whole column from the model after the op: MODIFY
            // takes any default expression, and AUTO_INCREMENT must be restated.
            let table = step.after.tables[op.table.name]
            let definition = column.map { columnDefinition($0, in: table) } ?? quote(op.column.name)
            return prefix + "MODIFY COLUMN " + definition
        }
    }

    private func dropConstraint(_ op: DropConstraint, _ step: OpStep) -> String {
        let prefix = "ALTER TABLE \(quote(op.table.name)) DROP "
        let name = op.name.name
        guard dialect == .mysql else { return prefix + "CONSTRAINT " + quote(name) }
        let table = step.before.tables[op.table.name]
        if table?.primaryKey?.name == name { return prefix + "PRIMARY KEY" }
        if table?.uniques[name] != nil { return prefix + "INDEX " + quote(name) }
        if let table, let fk = table.foreignKeys[name] {
            // InnoDB gave a key no index starts with an index of its own, named like
            // the key, and keeps it when the key goes: drop it too.
            let own = mysqlIndexes(covering: fk.columns, in: table, step.before).isEmpty
            return prefix + "FOREIGN KEY " + quote(name) + (own ? ", DROP INDEX " + quote(name) : "")
        }
        // Checks fall through: `DROP CONSTRAINT` works on MySQL 8.0.19+ and MariaDB,
        // MySQL's own `DROP CHECK` does not parse on MariaDB.
        return prefix + "CONSTRAINT " + quote(name)
    }

    /// The keys and indexes of `table` whose columns start with `columns`.
    private func mysqlIndexes(covering columns: [String], in table: Table, _ schema: Schema) -> [[String]] {
        var all = schema.indexes(on: table.name).map { $0.columns.map(\.name.name) } + table.uniques.values.map(\.columns)
        if let pk = table.primaryKey { all.append(pk.columns) }
        return all.filter { $0.starts(with: columns) }
    }

    /// MySQL refuses to drop the index a foreign key uses (error 1553) unless another
    /// index covers the key's columns. Such a key is dropped first and added back
    /// after the index, and MySQL gives it an index of its own.
    private func mysqlDropIndex(_ name: String, _ step: OpStep) -> [String] {
        guard let index = step.before.indexes[name] else { return ["DROP INDEX \(quote(name))"] }
        let drop = "DROP INDEX \(quote(name)) ON \(quote(index.table))"
        guard let table = step.before.tables[index.table] else { return [drop] }
        let indexed = index.columns.map(\.name.name)
        var others = step.before.indexes(on: index.table).filter { $0.name != name }.map { $0.columns.map(\.name.name) }
        others += table.uniques.values.map(\.columns)
        if let pk = table.primaryKey { others.append(pk.columns) }
        func covers(_ columns: [String], _ fk: [String]) -> Bool { columns.starts(with: fk) }
        let dependent = table.foreignKeys.values.sorted { $0.name < $1.name }.filter { fk in
            covers(indexed, fk.columns) && !others.contains { covers($0, fk.columns) }
        }
        guard !dependent.isEmpty else { return [drop] }
        let alter = "ALTER TABLE \(quote(index.table)) "
        return dependent.map { alter + "DROP FOREIGN KEY " + quote($0.name) } + [drop]
            + dependent.map { alter + "ADD " + foreignKeyClause($0) }
    }
}
