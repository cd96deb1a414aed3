// The parts of the model the generator walks, each filling its phases (see
// SchemaOps.swift for the phase order and why).

extension SchemaOps.Work {
    // MARK: Tables

    mutating func tables() {
        dropTables(removedTables)
        createTables(addedTables)
    }

    /// Dependents first: a table goes once no other dropped table still points at
    /// it; in a cycle the keys that close it are dropped first.
    private mutating func dropTables(_ names: [String]) {
        var left = names
        while !left.isEmpty {
            let referrers = { (name: String, schema: Schema) in
                left.filter { $0 != name && schema.tables[$0]!.foreignKeys.values.contains { $0.referencedTable == name } }
            }
            let next = left.first { referrers($0, current).isEmpty } ?? left[0]
            for other in referrers(next, current) {
                for fk in current.tables[other]!.foreignKeys.values.sorted(by: { $0.name < $1.name }) where fk.referencedTable == next {
                    let op = Operation.dropConstraint(DropConstraint(name: Identifier(fk.name), table: Identifier(other)))
                    emit(.dropForeignKeys, op)
                    current = current.applying(op)
                }
            }
            emit(.dropTables, .dropTable(DropTable(name: Identifier(next))))
            left.removeAll { $0 == next }
        }
    }

    /// Referenced tables first; a key into a table not created yet (a cycle) is
    /// added after every table exists.
    private mutating func createTables(_ names: [String]) {
        var placed = Set(current.tables.keys)
        var left = names
        while !left.isEmpty {
            let target = self.target
            let waiting = { (name: String) in
                target.tables[name]!.foreignKeys.values.contains { $0.referencedTable != name && left.contains($0.referencedTable) && !placed.contains($0.referencedTable) }
            }
            let next = left.first { !waiting($0) } ?? left[0]
            var table = target.tables[next]!
            let late = table.foreignKeys.values.filter { $0.referencedTable != next && !placed.contains($0.referencedTable) && target.tables[$0.referencedTable] != nil }
            for fk in late { table.foreignKeys[fk.name] = nil }
            emit(.createTables, table.creationStatements(indexes: target.indexes(on: next), span: .synthesized))
            for fk in late.sorted(by: { $0.name < $1.name }) {
                if let add = target.tables[next]!.addConstraint(named: fk.name) { emit(.addForeignKeys, .addConstraint(add)) }
            }
            placed.insert(next)
            left.removeAll { $0 == next }
        }
    }

    // MARK: Columns

    mutating func columns() {
        for name in commonTables {
            let now = current.tables[name]!, goal = target.tables[name]!
            for c in now.columns where goal.column(named: c.name) == nil {
                emit(.dropColumns, .dropColumn(DropColumn(table: Identifier(name), column: Identifier(c.name))))
            }
            for c in goal.columns {
                guard now.column(named: c.name) != nil else {
                    emit(.addColumns, .addColumn(AddColumn(table: Identifier(name), column: plainDefinition(c))))
                    continue
                }
                alter(table: name, column: c)
            }
        }
    }

    /// `name TYPE [not null] [default E] [autoincrement]`: its constraints are added by name later.
    private func plainDefinition(_ c: Column) -> ColumnDefinition {
        var mods: [ColumnModifier] = []
        if c.autoincrement { mods.append(ColumnModifier(.autoincrement)) }
        if !c.nullable { mods.append(ColumnModifier(.notNull)) }
        if let d = c.defaultValue { mods.append(ColumnModifier(.defaultValue(d))) }
        return ColumnDefinition(name: Identifier(c.name), type: TypeReference(c.type), modifiers: mods)
    }

    private mutating func alter(table: String, column goal: Column) {
        guard let seen = view.tables[table]?.column(named: goal.name), let wanted = targetView.tables[table]?.column(named: goal.name) else { return }
        let alter = { (change: AlterColumn.Change) in
            Operation.alterColumn(AlterColumn(table: Identifier(table), column: Identifier(goal.name), change: change))
        }
        if seen.type != wanted.type { emit(.alterColumns, alter(.type(TypeReference(goal.type), using: nil))) }
        if seen.nullable != wanted.nullable { emit(.alterColumns, alter(wanted.nullable ? .dropNotNull : .setNotNull)) }
        if seen.defaultValue != wanted.defaultValue { emit(.alterColumns, alter(goal.defaultValue.map { .setDefault($0) } ?? .dropDefault)) }
        if seen.autoincrement != wanted.autoincrement {
            warnings.append("column `\(table).\(goal.name)` \(wanted.autoincrement ? "becomes" : "stops being") autoincrement: no operation changes that; recreate the column by hand")
        }
    }

    // MARK: Constraints

    mutating func constraints() {
        for name in commonTables {
            let now = current.tables[name]!, goal = target.tables[name]!
            for n in now.constraintNames.union(goal.constraintNames).sorted() {
                let seen = view.tables[name].flatMap { ConstraintValue($0, n) }
                let wanted = targetView.tables[name].flatMap { ConstraintValue($0, n) }
                guard seen != wanted else { continue }
                if let seen {
                    emit(seen.isForeignKey ? .dropForeignKeys : .dropConstraints, .dropConstraint(DropConstraint(name: Identifier(n), table: Identifier(name))))
                }
                if let wanted, let add = goal.addConstraint(named: n) {
                    emit(wanted.isForeignKey ? .addForeignKeys : .addConstraints, .addConstraint(add))
                }
            }
        }
    }

    // MARK: Indexes

    mutating func indexes() {
        let common = Set(commonTables)
        let names = Set(current.indexes.keys).union(target.indexes.keys).sorted()
        for n in names {
            let now = current.indexes[n], goal = target.indexes[n]
            let same = now != nil && goal != nil && view.indexes[n] == targetView.indexes[n]
            if same { continue }
            if let now, common.contains(now.table) { emit(.dropIndexes, .dropIndex(DropIndex(name: Identifier(n)))) }
            if let goal, common.contains(goal.table) { emit(.createIndexes, [goal.creationStatement(span: .synthesized)]) }
        }
    }

    // MARK: Likely renames

    /// A dropped and an added column of the same type on one table, or a dropped
    /// and a created table with the same columns, are likely renames.
    mutating func suspectRenames() {
        for name in commonTables {
            let now = view.tables[name]!, goal = targetView.tables[name]!
            let dropped = now.columns.filter { goal.column(named: $0.name) == nil }
            let added = goal.columns.filter { now.column(named: $0.name) == nil }
            for d in dropped {
                for a in added where a.type == d.type {
                    warnings.append("column `\(name).\(d.name)` is dropped and `\(name).\(a.name)` added with the same type `\(a.type.displayName)`: if it is a rename, pass --rename \(name).\(d.name):\(a.name) (a drop loses the data)")
                }
            }
        }
        let shape = { (t: Table) in Set(t.columns.map { "\($0.name) \($0.type.displayName)" }) }
        for d in removedTables {
            for a in addedTables where shape(view.tables[d]!) == shape(targetView.tables[a]!) {
                warnings.append("table `\(d)` is dropped and `\(a)` created with the same columns: if it is a rename, pass --rename-table \(d):\(a) (a drop loses the data)")
            }
        }
    }
}

/// One constraint of a table, whatever its kind, for comparing by name.
enum ConstraintValue: Hashable {
    case primaryKey(PrimaryKey), unique(UniqueConstraint), foreignKey(ForeignKey), check(CheckConstraint)

    init?(_ table: Table, _ name: String) {
        if let pk = table.primaryKey, pk.name == name { self = .primaryKey(pk) }
        else if let u = table.uniques[name] { self = .unique(u) }
        else if let f = table.foreignKeys[name] { self = .foreignKey(f) }
        else if let k = table.checks[name] { self = .check(k) }
        else { return nil }
    }

    var isForeignKey: Bool { if case .foreignKey = self { true } else { false } }
}
