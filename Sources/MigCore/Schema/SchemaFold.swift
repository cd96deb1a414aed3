// Folding one operation into the schema model. The checker has already reported
// anything wrong with the op; here every lookup that fails is simply skipped, so a
// broken history still folds (and the checker can keep going) without trapping.
//
// Decisions (documented in docs/lints.md's "schema model" section):
// - Column modifiers `unique`, `references`, `check`, `primary key` become named table
//   constraints with `Schema.DefaultName` names; `primary key` and `not null` make the
//   column non-null, as do table-level and added primary keys (as in PostgreSQL).
// - `drop column` drops every index and constraint that mentions the column, and
//   foreign keys elsewhere that point at it (the checker rejects the multi-column and
//   referenced cases first, so in a checked history only single-column ones go).
// - `sql` blocks do not change the model: the checker cannot see into them.
// - Data changes (`insert`, `update`, `delete`) change rows, which the model does not hold.

extension Schema {
    public func applying(_ op: Operation) -> Schema {
        var s = self
        switch op {
        case .createTable(let c): s.createTable(c)
        case .dropTable(let d): s.dropTable(d.name.name)
        case .renameTable(let r): s.renameTable(r.name.name, to: r.newName.name)
        case .addColumn(let a): s.addColumn(a.column, to: a.table.name)
        case .dropColumn(let d): s.dropColumn(d.column.name, from: d.table.name)
        case .renameColumn(let r): s.renameColumn(r.column.name, in: r.table.name, to: r.newName.name)
        case .alterColumn(let a): s.alterColumn(a)
        case .createIndex(let c):
            guard s.tables[c.table.name] != nil else { break }
            s.indexes[c.name.name] = Index(
                name: c.name.name, table: c.table.name, unique: c.unique, columns: c.columns,
                predicate: c.predicate, options: c.options, definedAt: c.name.span)
        case .dropIndex(let d): s.indexes[d.name.name] = nil
        case .addConstraint(let a): s.addConstraint(a)
        case .dropConstraint(let d): s.tables[d.table.name]?.removeConstraint(named: d.name.name)
        case .validateConstraint(let v): s.validateConstraint(v)
        case .sql, .insert, .update, .delete: break
        case .createEnum, .dropEnum, .renameEnum, .alterEnum: s.applyEnumOperation(op)
        case .createView(let v), .replaceView(let v): s.defineView(v)
        case .dropView(let d): s.views[d.name.name] = nil
        case .renameView(let r): s.renameView(r.name.name, to: r.newName.name)
        case .comment(let c): s.setComment(c)
        }
        return s
    }

    /// Folds every statement in order.
    public func applying(_ statements: [Statement]) -> Schema {
        statements.reduce(self) { $0.applying($1.operation) }
    }

    // MARK: Tables

    private mutating func createTable(_ c: CreateTable) {
        let name = c.name.name
        guard tables[name] == nil else { return }
        var table = Table(name: name, definedAt: c.name.span)
        tables[name] = table
        for column in c.columns { addColumn(column, to: name) }
        table = tables[name] ?? table
        for constraint in c.constraints {
            switch constraint.kind {
            case .primaryKey(let cols):
                table.setPrimaryKey(PrimaryKey(name: DefaultName.primaryKey(table: name), columns: cols.map(\.name), definedAt: constraint.span))
            case .unique(let n, let cols):
                table.uniques[n.name] = UniqueConstraint(name: n.name, columns: cols.map(\.name), definedAt: n.span)
            case .foreignKey(let n, let cols, let target):
                table.foreignKeys[n.name] = foreignKey(n.name, cols.map(\.name), target, span: n.span, selfTable: table)
            case .check(let n, let e):
                table.checks[n.name] = CheckConstraint(name: n.name, expression: e, definedAt: n.span)
            }
        }
        tables[name] = table
    }

    private mutating func dropTable(_ name: String) {
        guard tables.removeValue(forKey: name) != nil else { return }
        for index in indexes.values where index.table == name { indexes[index.name] = nil }
        // Foreign keys elsewhere that pointed at it go too (the checker rejects this).
        for (tname, var t) in tables where t.foreignKeys.values.contains(where: { $0.referencedTable == name }) {
            t.foreignKeys = t.foreignKeys.filter { $0.value.referencedTable != name }
            tables[tname] = t
        }
    }

    private mutating func renameTable(_ old: String, to new: String) {
        guard var table = tables[old], tables[new] == nil || new == old else { return }
        tables[old] = nil
        table.name = new
        tables[new] = table
        for (tname, var t) in tables where t.foreignKeys.values.contains(where: { $0.referencedTable == old }) {
            for (k, fk) in t.foreignKeys where fk.referencedTable == old { t.foreignKeys[k]?.referencedTable = new }
            tables[tname] = t
        }
        for index in indexes.values where index.table == old { indexes[index.name]?.table = new }
    }

    // MARK: Columns

    private mutating func addColumn(_ def: ColumnDefinition, to tableName: String) {
        guard var table = tables[tableName], table.column(named: def.name.name) == nil else { return }
        let c = def.name.name
        var column = Column(name: c, type: resolved(def.type.type), definedAt: def.name.span)
        for modifier in def.modifiers {
            switch modifier.kind {
            case .null: column.nullable = true
            case .notNull: column.nullable = false
            case .primaryKey: column.nullable = false
            case .defaultValue(let e): column.defaultValue = e
            case .autoincrement: column.autoincrement = true
            case .unique, .references, .check: break
            }
        }
        table.columns.append(column)
        for modifier in def.modifiers {
            switch modifier.kind {
            case .primaryKey:
                table.setPrimaryKey(PrimaryKey(name: DefaultName.primaryKey(table: tableName), columns: [c], definedAt: modifier.span))
            case .unique:
                let n = DefaultName.unique(table: tableName, columns: [c])
                table.uniques[n] = UniqueConstraint(name: n, columns: [c], definedAt: modifier.span)
            case .references(let target):
                let n = DefaultName.foreignKey(table: tableName, columns: [c])
                table.foreignKeys[n] = foreignKey(n, [c], target, span: modifier.span, selfTable: table)
            case .check(let e):
                let n = DefaultName.check(table: tableName, column: c)
                table.checks[n] = CheckConstraint(name: n, expression: e, definedAt: modifier.span)
            default: break
            }
        }
        tables[tableName] = table
    }

    private mutating func dropColumn(_ c: String, from tableName: String) {
        guard var table = tables[tableName], let i = table.columnIndex(named: c) else { return }
        table.columns.remove(at: i)
        if let pk = table.primaryKey, pk.columns.contains(c) { table.primaryKey = nil }
        table.uniques = table.uniques.filter { !$0.value.columns.contains(c) }
        table.foreignKeys = table.foreignKeys.filter {
            !$0.value.columns.contains(c) && !($0.value.referencedTable == tableName && $0.value.referencedColumns.contains(c))
        }
        table.checks = table.checks.filter { !$0.value.expression.referencedColumns.contains { $0.name == c } }
        tables[tableName] = table
        for index in indexes.values where index.table == tableName && index.mentions(c) { indexes[index.name] = nil }
        for (tname, var t) in tables where tname != tableName && t.foreignKeys.values.contains(where: { $0.points(at: tableName, c) }) {
            t.foreignKeys = t.foreignKeys.filter { !$0.value.points(at: tableName, c) }
            tables[tname] = t
        }
    }

    private mutating func renameColumn(_ old: String, in tableName: String, to new: String) {
        guard var table = tables[tableName], let i = table.columnIndex(named: old) else { return }
        let rename = { (n: String) in n == old ? new : n }
        table.columns[i].name = new
        if var pk = table.primaryKey {
            pk.columns = pk.columns.map(rename)
            table.primaryKey = pk
        }
        table.uniques = table.uniques.mapValues { var u = $0; u.columns = u.columns.map(rename); return u }
        table.foreignKeys = table.foreignKeys.mapValues { var f = $0; f.columns = f.columns.map(rename); return f }
        table.checks = table.checks.mapValues { var k = $0; k.expression = k.expression.renamingColumns(rename); return k }
        tables[tableName] = table
        for (tname, var t) in tables where t.foreignKeys.values.contains(where: { $0.points(at: tableName, old) }) {
            for (k, fk) in t.foreignKeys where fk.referencedTable == tableName {
                t.foreignKeys[k]?.referencedColumns = fk.referencedColumns.map(rename)
            }
            tables[tname] = t
        }
        for index in indexes.values where index.table == tableName && index.mentions(old) {
            var renamed = index
            renamed.columns = index.columns.map { $0.renamingColumns(rename) }
            renamed.predicate = index.predicate?.renamingColumns(rename)
            renamed.options.include = index.options.include.map { Identifier(rename($0.name), span: $0.span) }
            indexes[index.name] = renamed
        }
    }

    private mutating func alterColumn(_ a: AlterColumn) {
        guard var table = tables[a.table.name], let i = table.columnIndex(named: a.column.name) else { return }
        switch a.change {
        case .type(let t, _): table.columns[i].type = resolved(t.type)
        case .setNotNull: table.columns[i].nullable = false
        case .dropNotNull: table.columns[i].nullable = true
        case .setDefault(let e): table.columns[i].defaultValue = e
        case .dropDefault: table.columns[i].defaultValue = nil
        }
        tables[a.table.name] = table
    }

    // MARK: Constraints

    private mutating func addConstraint(_ a: AddConstraint) {
        if a.usingIndex != nil { return addConstraintUsingIndex(a) }
        guard var table = tables[a.table.name] else { return }
        let n = a.name.name
        switch a.kind {
        case .unique(let cols):
            table.uniques[n] = UniqueConstraint(name: n, columns: cols.map(\.name), definedAt: a.name.span)
        case .foreignKey(let cols, let target):
            table.foreignKeys[n] = foreignKey(n, cols.map(\.name), target, span: a.name.span, selfTable: table)
            table.foreignKeys[n]?.notValid = a.notValid
        case .check(let e):
            table.checks[n] = CheckConstraint(name: n, expression: e, definedAt: a.name.span)
            table.checks[n]?.notValid = a.notValid
        case .primaryKey(let cols):
            table.setPrimaryKey(PrimaryKey(name: n, columns: cols.map(\.name), definedAt: a.name.span))
        }
        tables[a.table.name] = table
    }

    /// A foreign key; `references T` without columns means T's primary key.
    private func foreignKey(_ name: String, _ columns: [String], _ target: ForeignKeyTarget, span: SourceSpan, selfTable: Table) -> ForeignKey {
        var referenced = target.columns.map(\.name)
        if referenced.isEmpty {
            let targetTable = target.table.name == selfTable.name ? selfTable : tables[target.table.name]
            referenced = targetTable?.primaryKey?.columns ?? []
        }
        return ForeignKey(
            name: name, columns: columns, referencedTable: target.table.name, referencedColumns: referenced,
            onDelete: target.onDelete, onUpdate: target.onUpdate, definedAt: span)
    }
}

extension Table {
    /// Sets the primary key and makes its columns non-null. A second key (an error
    /// the checker reports) is ignored: the first one stays.
    mutating func setPrimaryKey(_ pk: PrimaryKey) {
        guard primaryKey == nil else { return }
        primaryKey = pk
        for (i, c) in columns.enumerated() where pk.columns.contains(c.name) { columns[i].nullable = false }
    }

    mutating func removeConstraint(named name: String) {
        if primaryKey?.name == name { primaryKey = nil }
        uniques[name] = nil
        foreignKeys[name] = nil
        checks[name] = nil
    }

    /// The kind of the constraint called `name`, for messages ("unique constraint").
    func constraintKind(_ name: String) -> String? {
        if primaryKey?.name == name { return "primary key" }
        if uniques[name] != nil { return "unique constraint" }
        if foreignKeys[name] != nil { return "foreign key" }
        if checks[name] != nil { return "check constraint" }
        return nil
    }

    func constraintSpan(_ name: String) -> SourceSpan? {
        if let pk = primaryKey, pk.name == name { return pk.definedAt }
        return uniques[name]?.definedAt ?? foreignKeys[name]?.definedAt ?? checks[name]?.definedAt
    }
}

extension Index {
    func mentions(_ column: String) -> Bool {
        columns.contains { $0.referencedColumns.contains(column) } || options.include.contains { $0.name == column } || (predicate?.referencedColumns.contains { $0.name == column } ?? false)
    }
}

extension ForeignKey {
    func points(at table: String, _ column: String) -> Bool {
        referencedTable == table && referencedColumns.contains(column)
    }
}
