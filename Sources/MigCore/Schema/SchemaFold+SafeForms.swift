// The model side of the online-safe forms: a `not valid` constraint is kept with
// its validity (`validate constraint` sets it), a key `using index` takes over the
// index (PostgreSQL renames the index to the constraint), and their inverses.

extension Table {
    /// Foreign keys and checks added `not valid` and not validated since.
    var notValidConstraintNames: Set<String> {
        Set(foreignKeys.values.filter(\.notValid).map(\.name) + checks.values.filter(\.notValid).map(\.name))
    }

    func isNotValid(_ name: String) -> Bool {
        foreignKeys[name]?.notValid == true || checks[name]?.notValid == true
    }
}

extension Schema {
    mutating func validateConstraint(_ v: ValidateConstraint) {
        let n = v.name.name
        tables[v.table.name]?.foreignKeys[n]?.notValid = false
        tables[v.table.name]?.checks[n]?.notValid = false
    }

    /// The index's columns become the key's; the index itself is gone (it is the
    /// constraint's index now, under the constraint's name).
    mutating func addConstraintUsingIndex(_ a: AddConstraint) {
        guard let indexName = a.usingIndex?.name, let index = indexes[indexName], var table = tables[a.table.name] else { return }
        let columns = index.columns.map(\.name.name)
        switch a.kind {
        case .primaryKey: table.setPrimaryKey(PrimaryKey(name: a.name.name, columns: columns, definedAt: a.name.span))
        default: table.uniques[a.name.name] = UniqueConstraint(name: a.name.name, columns: columns, definedAt: a.name.span)
        }
        tables[a.table.name] = table
        indexes[indexName] = nil
    }

    /// The unique index a key `using index` was made from, when there is one.
    public func indexForKey(_ a: AddConstraint) -> Index? {
        a.usingIndex.flatMap { indexes[$0.name] }
    }
}

extension Inverse {
    /// Drop the key, give back the index (and the nullability a primary key took).
    static func inverseOfUsingIndex(_ a: AddConstraint, in before: Schema, span: SourceSpan) -> [Statement] {
        var out = [Statement(.dropConstraint(DropConstraint(name: Identifier(a.name.name), table: Identifier(a.table.name))), span: span)]
        guard let index = before.indexForKey(a) else { return out }
        if a.kind == .primaryKey(columns: []), let t = before.tables[a.table.name] {
            for col in index.columns.reversed() where t.column(named: col.name.name)?.nullable == true {
                out.append(Statement(.alterColumn(AlterColumn(table: Identifier(a.table.name), column: Identifier(col.name.name), change: .dropNotNull)), span: span))
            }
        }
        out.append(index.creationStatement(span: span))
        return out
    }

    /// PostgreSQL cannot mark a constraint invalid again: drop it and add it back
    /// `not valid` (no scan), which is the model before the validation.
    static func inverseOfValidate(_ v: ValidateConstraint, in before: Schema, span: SourceSpan) -> [Statement] {
        guard let add = before.tables[v.table.name]?.addConstraint(named: v.name.name) else { return [] }
        return [
            Statement(.dropConstraint(DropConstraint(name: Identifier(v.name.name), table: Identifier(v.table.name))), span: span),
            Statement(.addConstraint(add), span: span),
        ]
    }
}
