// The schema model written back as operations: what `drop table` and `drop column`
// invert to. A constraint whose name is the default one becomes a column modifier
// (`unique`, `references ...`); any other becomes a named table constraint, so the
// rebuilt model is equal to the original, names included.

extension Table {
    /// `create table` for this table, plus the statements that cannot be written in
    /// its body (a primary key with a custom name), then its indexes.
    func creationStatements(indexes: [Index], span: SourceSpan) -> [Statement] {
        var inline = inlineConstraintNames()
        let unvalidated = notValidConstraintNames
        let separatePrimaryKey = primaryKey.map { !inline.contains($0.name) && $0.name != Schema.DefaultName.primaryKey(table: name) } ?? false
        // A self-reference can sit in the body only when the body itself makes its
        // target unique; otherwise it follows the key or index that does.
        let bodyKeys = (separatePrimaryKey ? [] : [primaryKey?.columns].compactMap { $0 }) + uniques.values.map(\.columns)
        let late = foreignKeys.values.filter { f in
            f.referencedTable == name && !bodyKeys.contains { Set($0) == Set(f.referencedColumns) } || f.notValid
        }.map(\.name) + checks.values.filter(\.notValid).map(\.name)
        inline.subtract(late)
        var body: [TableConstraint] = []
        var extra: [Statement] = []
        if let pk = primaryKey, !inline.contains(pk.name) {
            if separatePrimaryKey {
                extra.append(Statement(.addConstraint(addConstraint(named: pk.name)!), span: span))
            } else {
                body.append(TableConstraint(.primaryKey(columns: pk.columns.map { Identifier($0) })))
            }
        }
        for u in uniques.values.sorted(by: { $0.name < $1.name }) where !inline.contains(u.name) {
            body.append(TableConstraint(.unique(name: Identifier(u.name), columns: u.columns.map { Identifier($0) })))
        }
        for f in foreignKeys.values.sorted(by: { $0.name < $1.name }) where !inline.contains(f.name) && !late.contains(f.name) {
            body.append(TableConstraint(.foreignKey(name: Identifier(f.name), columns: f.columns.map { Identifier($0) }, target: f.target)))
        }
        for k in checks.values.sorted(by: { $0.name < $1.name }) where !inline.contains(k.name) && !unvalidated.contains(k.name) {
            body.append(TableConstraint(.check(name: Identifier(k.name), expression: k.expression)))
        }
        let create = CreateTable(name: Identifier(name), columns: columns.map { definition(of: $0, inline: inline) }, constraints: body)
        let lateKeys = late.sorted().compactMap { addConstraint(named: $0) }.map { Statement(.addConstraint($0), span: span) }
        return [Statement(.createTable(create), span: span)] + commentStatements(span: span) + extra + indexes.map { $0.creationStatement(span: span) } + lateKeys
    }

    /// Names of the constraints that `definition(of:)` writes as column modifiers.
    func inlineConstraintNames() -> Set<String> {
        columns.reduce(into: Set<String>()) { $0.formUnion(inlineConstraintNames(for: $1.name)) }
    }

    /// The default-named single-column constraints of one column.
    func inlineConstraintNames(for column: String) -> Set<String> {
        var names: Set<String> = []
        if let c = self.column(named: column) {
            if let pk = primaryKey, pk.columns == [c.name], pk.name == Schema.DefaultName.primaryKey(table: name) { names.insert(pk.name) }
            let u = Schema.DefaultName.unique(table: name, columns: [c.name])
            if uniques[u]?.columns == [c.name] { names.insert(u) }
            let f = Schema.DefaultName.foreignKey(table: name, columns: [c.name])
            if foreignKeys[f]?.columns == [c.name] { names.insert(f) }
            let k = Schema.DefaultName.check(table: name, column: c.name)
            if checks[k] != nil { names.insert(k) }
        }
        return names
    }

    /// The column as `name TYPE MODIFIERS`, with the inline constraints in `inline`.
    func definition(of c: Column, inline: Set<String>) -> ColumnDefinition {
        var mods: [ColumnModifier] = []
        let pkInline = primaryKey.map { inline.contains($0.name) && $0.columns == [c.name] } ?? false
        if pkInline { mods.append(ColumnModifier(.primaryKey)) }
        if c.autoincrement { mods.append(ColumnModifier(.autoincrement)) }
        if !c.nullable, !pkInline { mods.append(ColumnModifier(.notNull)) }
        if let d = c.defaultValue { mods.append(ColumnModifier(.defaultValue(d))) }
        let u = Schema.DefaultName.unique(table: name, columns: [c.name])
        if inline.contains(u), uniques[u] != nil { mods.append(ColumnModifier(.unique)) }
        let f = Schema.DefaultName.foreignKey(table: name, columns: [c.name])
        if inline.contains(f), let fk = foreignKeys[f] { mods.append(ColumnModifier(.references(fk.target))) }
        let k = Schema.DefaultName.check(table: name, column: c.name)
        if inline.contains(k), let check = checks[k] { mods.append(ColumnModifier(.check(check.expression))) }
        return ColumnDefinition(name: Identifier(c.name), type: TypeReference(c.type), modifiers: mods)
    }

    /// `add ... NAME on T (...)` recreating the constraint called `name`.
    func addConstraint(named n: String) -> AddConstraint? {
        let ids = { (cols: [String]) in cols.map { Identifier($0) } }
        let kind: AddConstraint.Kind
        if let pk = primaryKey, pk.name == n { kind = .primaryKey(columns: ids(pk.columns)) }
        else if let u = uniques[n] { kind = .unique(columns: ids(u.columns)) }
        else if let f = foreignKeys[n] { kind = .foreignKey(columns: ids(f.columns), target: f.target) }
        else if let k = checks[n] { kind = .check(k.expression) }
        else { return nil }
        return AddConstraint(name: Identifier(n), table: Identifier(name), kind: kind, notValid: isNotValid(n))
    }
}

extension ForeignKey {
    var target: ForeignKeyTarget {
        ForeignKeyTarget(table: Identifier(referencedTable), columns: referencedColumns.map { Identifier($0) },
                         onDelete: onDelete, onUpdate: onUpdate)
    }
}

extension Index {
    func creationStatement(span: SourceSpan, concurrently: Bool = false) -> Statement {
        Statement(.createIndex(CreateIndex(
            name: Identifier(name), table: Identifier(table), unique: unique,
            columns: columns.map { IndexColumn(name: Identifier($0.name.name), descending: $0.descending, expression: $0.expression) },
            predicate: predicate, concurrently: concurrently, options: options)), span: span)
    }
}
