// The inverse of one operation, computed from the schema as it stood before it.
// This is what lets migc derive a `downgrade` block: `drop column` inverts to the
// full `add column` (and the constraints and indexes that went with it), `drop
// table` to the full `create table` with its indexes. Derived statements carry the
// span of the statement they undo, so diagnostics can point at it.

public enum Inverse {
    /// The statements undoing `statement`, or nil when it has none (`sql`, `update`
    /// or `delete` without `reverse`, an insert whose rows do not carry a key). Assumes the statement checked cleanly against `schemaBefore`.
    public static func of(_ statement: Statement, in schemaBefore: Schema) -> [Statement]? {
        let span = statement.span
        let s = { (op: Operation) in Statement(op, span: span) }
        switch statement.operation {
        case .createTable(let c):
            return [s(.dropTable(DropTable(name: plain(c.name))))]
        case .dropTable(let d):
            guard let t = schemaBefore.tables[d.name.name] else { return [] }
            return t.creationStatements(indexes: schemaBefore.indexes(on: t.name), span: span)
        case .renameTable(let r):
            return [s(.renameTable(RenameTable(name: plain(r.newName), newName: plain(r.name))))]
        case .addColumn(let a):
            return [s(.dropColumn(DropColumn(table: plain(a.table), column: plain(a.column.name))))]
        case .dropColumn(let d):
            return restoreColumn(d, in: schemaBefore, span: span)
        case .renameColumn(let r):
            return [s(.renameColumn(RenameColumn(table: plain(r.table), column: plain(r.newName), newName: plain(r.column))))]
        case .alterColumn(let a):
            guard let c = schemaBefore.tables[a.table.name]?.column(named: a.column.name) else { return [] }
            let change: AlterColumn.Change
            switch a.change {
            case .type: change = .type(TypeReference(c.type), using: nil)
            case .setNotNull: change = .dropNotNull
            case .dropNotNull: change = .setNotNull
            case .setDefault, .dropDefault:
                change = c.defaultValue.map { .setDefault($0) } ?? .dropDefault
            }
            return [s(.alterColumn(AlterColumn(table: plain(a.table), column: plain(a.column), change: change)))]
        case .createIndex(let c):
            return [s(.dropIndex(DropIndex(name: plain(c.name), concurrently: c.concurrently)))]
        case .dropIndex(let d):
            return schemaBefore.indexes[d.name.name].map { [$0.creationStatement(span: span, concurrently: d.concurrently)] } ?? []
        case .addConstraint(let a) where a.usingIndex != nil:
            return inverseOfUsingIndex(a, in: schemaBefore, span: span)
        case .validateConstraint(let v):
            return inverseOfValidate(v, in: schemaBefore, span: span)
        case .addConstraint(let a):
            var out = [s(.dropConstraint(DropConstraint(name: plain(a.name), table: plain(a.table))))]
            // Adding a primary key made its columns non-null; give that back too.
            if case .primaryKey(let cols) = a.kind, let t = schemaBefore.tables[a.table.name] {
                for col in cols.reversed() where t.column(named: col.name)?.nullable == true {
                    out.append(s(.alterColumn(AlterColumn(table: plain(a.table), column: plain(col), change: .dropNotNull))))
                }
            }
            return out
        case .dropConstraint(let d):
            guard let add = schemaBefore.tables[d.table.name]?.addConstraint(named: d.name.name) else { return [] }
            return [s(.addConstraint(add))]
        case .sql(let raw):
            if raw.forwardOnly != nil { return [] }
            guard let reverse = raw.reverse else { return nil }
            return [s(.sql(RawSQL(dialect: raw.dialect, text: reverse, reverse: raw.text)))]
        case .insert, .update, .delete:
            return dataInverse(statement, in: schemaBefore)
        case .createEnum, .dropEnum, .renameEnum, .alterEnum:
            return enumInverse(statement.operation, in: schemaBefore).map(s)
        case .createView, .replaceView, .dropView, .renameView, .comment:
            return ofViewOrComment(statement.operation, in: schemaBefore, span: span)
        }
    }

    /// `add column` with the full definition, then whatever `drop column` took with
    /// it: constraints with custom names, indexes, foreign keys pointing at it.
    static func restoreColumn(_ d: DropColumn, in schema: Schema, span: SourceSpan) -> [Statement] {
        guard let t = schema.tables[d.table.name], let c = t.column(named: d.column.name) else { return [] }
        // Fold the drop on just what it can touch: the table, its indexes, and the
        // tables whose foreign keys point at it (a whole-schema copy costs more).
        var referencing: NameMap<Table> = [t.name: t]
        for other in schema.tables.values where other.foreignKeys.values.contains(where: { $0.referencedTable == t.name }) {
            referencing[other.name] = other
        }
        let tableIndexes = schema.indexes(on: t.name)
        let local = Schema(tables: referencing, indexes: NameMap(Dictionary(uniqueKeysWithValues: tableIndexes.map { ($0.name, $0) })))
        let after = local.applying(.dropColumn(d))
        let remaining = after.tables[t.name] ?? t
        let lost = t.constraintNames.subtracting(remaining.constraintNames)
        // Inline only this column's own default-named constraints.
        let inline = t.inlineConstraintNames(for: c.name).intersection(lost)
        var definition = t.definition(of: c, inline: inline)
        // A NOT NULL column without a default cannot be added to a table with rows:
        // add it with its type's zero value as default, then drop that default.
        let zero = !c.nullable && c.defaultValue == nil ? c.type.zeroValue : nil
        if let zero { definition.modifiers.append(ColumnModifier(.defaultValue(zero))) }
        var out = [Statement(.addColumn(AddColumn(table: Identifier(t.name), column: definition)), span: span)]
        if let comment = t.columnCommentStatement(c.name, span: span) { out.append(comment) }
        if zero != nil {
            out.append(Statement(.alterColumn(AlterColumn(table: Identifier(t.name), column: Identifier(c.name), change: .dropDefault)), span: span))
        }
        // Keys first, then indexes, then foreign keys (which may need either).
        let rank = { (n: String) in t.primaryKey?.name == n ? 0 : t.foreignKeys[n] != nil ? 2 : 1 }
        let rest = lost.subtracting(inline).sorted { (rank($0), $0) < (rank($1), $1) }
        for n in rest where rank(n) < 2 {
            if let add = t.addConstraint(named: n) { out.append(Statement(.addConstraint(add), span: span)) }
        }
        for index in tableIndexes where after.indexes[index.name] == nil {
            out.append(index.creationStatement(span: span))
        }
        for n in rest where rank(n) == 2 {
            if let add = t.addConstraint(named: n) { out.append(Statement(.addConstraint(add), span: span)) }
        }
        for other in local.sortedTables where other.name != t.name {
            let kept = after.tables[other.name]?.foreignKeys ?? [:]
            for fk in other.foreignKeys.values.sorted(by: { $0.name < $1.name }) where kept[fk.name] == nil {
                if let add = other.addConstraint(named: fk.name) { out.append(Statement(.addConstraint(add), span: span)) }
            }
        }
        return out
    }

    /// The identifier without its source position (derived text has none).
    static func plain(_ id: Identifier) -> Identifier { Identifier(id.name) }

    /// The derived downgrade of `statements` run from `before`: inverses in reverse
    /// order, each computed from the schema before its op. Nil when any op has none;
    /// `irreversible` then names the first such statement.
    public static func downgrade(of statements: [Statement], from before: Schema) -> (statements: [Statement]?, irreversible: Statement?) {
        var schema = before
        var parts: [[Statement]] = []
        for statement in statements {
            guard let inverse = of(statement, in: schema) else { return (nil, statement) }
            parts.append(inverse)
            schema = schema.applying(statement.operation)
        }
        return (parts.reversed().flatMap { $0 }, nil)
    }
}
