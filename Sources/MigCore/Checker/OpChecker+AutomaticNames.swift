// A column modifier's constraint gets an automatic name (`t_pkey`, `t_c_key`,
// `t_c_fkey`, `t_c_check`). That name can already be taken, typically by the
// constraint of a column that was renamed away (constraints keep their names).
// PostgreSQL would refuse the statement, and the model would silently keep only
// one of the two, so it is an error that names both (E107).

extension OpChecker {
    /// Checks the automatic names `def`'s modifiers would give, against `existing`
    /// (the table before an `add column`; nil for a table being created) and the
    /// schema-wide names of tables, indexes, primary keys and unique constraints.
    mutating func checkAutomaticNames(of def: ColumnDefinition, table tableName: String, existing: Table?) {
        let column = def.name.name
        for modifier in def.modifiers {
            let name: String
            let kind: String
            switch modifier.kind {
            case .primaryKey:
                guard existing?.primaryKey == nil else { continue }  // E113 says it
                (name, kind) = (Schema.DefaultName.primaryKey(table: tableName), "primary key")
            case .unique: (name, kind) = (Schema.DefaultName.unique(table: tableName, columns: [column]), "unique constraint")
            case .references: (name, kind) = (Schema.DefaultName.foreignKey(table: tableName, columns: [column]), "foreign key")
            case .check: (name, kind) = (Schema.DefaultName.check(table: tableName, column: column), "check constraint")
            default: continue
            }
            let help = "name it yourself with a separate `add \(kind == "check constraint" ? "check" : kind == "unique constraint" ? "unique" : kind) NAME on \(tableName) ...`, or drop or rename the other constraint first"
            let taken: (what: String, span: SourceSpan)?
            if let table = existing, let other = table.constraintName(matchingCase: name), let otherKind = table.constraintKind(other) {
                taken = ("\(otherKind) `\(other)` on `\(tableName)`", table.constraintSpan(other) ?? .synthesized)
            } else if kind == "primary key" || kind == "unique constraint" {
                // Index-backed: one namespace with tables and indexes (PostgreSQL).
                taken = relationNamed(name)
            } else {
                taken = nil
            }
            guard let taken else { continue }
            error(.constraintExists, "the automatic name `\(name)` of this \(kind) is already used by \(taken.what)",
                  at: modifier.span, notes: Self.note("\(taken.what) defined here", taken.span), help: help)
        }
    }

    /// A table-level `primary key (a, b)` is named `T_pkey` too, in the same
    /// namespace as tables and indexes (found by the oracle: a renamed table keeps
    /// its `T_pkey`, and a new table `T` with a table-level key collided on PostgreSQL).
    mutating func checkAutomaticPrimaryKeyName(table tableName: String, at span: SourceSpan) {
        let name = Schema.DefaultName.primaryKey(table: tableName)
        guard let taken = relationNamed(name) else { return }
        error(.constraintExists, "the automatic name `\(name)` of this primary key is already used by \(taken.what)",
              at: span, notes: Self.note("\(taken.what) defined here", taken.span),
              help: "name it yourself with a separate `add primary key NAME on \(tableName) ...`, or drop or rename the other constraint first")
    }

    /// The table, index, primary key or unique constraint called `name` (ignoring
    /// case). Walks, no copies or sorts: it runs for every key column of every op.
    func relationNamed(_ name: String) -> (what: String, span: SourceSpan)? {
        if let key = schema.tables.firstKey(where: { $0.equalsIgnoringCase(name) }), let t = schema.tables[key] {
            return ("table `\(t.name)`", t.definedAt)
        }
        if let key = schema.indexes.firstKey(where: { $0.equalsIgnoringCase(name) }), let i = schema.indexes[key] {
            return ("index `\(i.name)`", i.definedAt)
        }
        // The first table by name with such a key, as a sorted scan would find it.
        var found: Table?
        schema.tables.forEachValue { t in
            let hit = (t.primaryKey?.name.equalsIgnoringCase(name) ?? false) || t.uniques.keys.contains { $0.equalsIgnoringCase(name) }
            if hit, found.map({ t.name < $0.name }) ?? true { found = t }
        }
        guard let t = found else { return nil }
        if let pk = t.primaryKey, pk.name.equalsIgnoringCase(name) { return ("primary key `\(pk.name)` on `\(t.name)`", pk.definedAt) }
        if let u = t.uniques.keys.first(where: { $0.equalsIgnoringCase(name) }), let unique = t.uniques[u] {
            return ("unique constraint `\(u)` on `\(t.name)`", unique.definedAt)
        }
        return nil
    }
}

extension Table {
    /// The constraint named `name` ignoring case (SQLite and MySQL fold case).
    func constraintName(matchingCase name: String) -> String? {
        if let pk = primaryKey, pk.name.lowercased() == name.lowercased() { return pk.name }
        let all = Array(uniques.keys) + Array(foreignKeys.keys) + Array(checks.keys)
        return all.first { $0.lowercased() == name.lowercased() }
    }

    func constraintKind(matchingCase name: String) -> String? {
        constraintName(matchingCase: name).flatMap { constraintKind($0) }
    }
}
