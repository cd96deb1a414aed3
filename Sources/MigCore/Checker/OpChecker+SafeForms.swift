// Checks of the online-safe forms: `validate constraint` needs a `not valid`
// foreign key or check; a key `using index` needs a unique, whole-table, ascending
// index on the same table (PostgreSQL's own conditions).

extension OpChecker {
    mutating func checkValidateConstraint(_ v: ValidateConstraint) {
        guard let t = table(v.table) else { return }
        let n = v.name.name
        guard let kind = t.constraintKind(n) else {
            error(.unknownConstraint, "unknown constraint `\(n)` on `\(t.name)`", at: v.name.span,
                  help: Self.didYouMean(n, t.foreignKeys.keys.map { $0 } + t.checks.keys.map { $0 }))
            return
        }
        guard t.foreignKeys[n] != nil || t.checks[n] != nil else {
            error(.cannotValidate, "cannot validate \(kind) `\(n)`: only foreign keys and checks can be added `not valid`",
                  at: v.name.span, notes: Self.note("\(kind) `\(n)` defined here", t.constraintSpan(n) ?? .synthesized))
            return
        }
        if !t.isNotValid(n) {
            error(.alreadyValid, "\(kind) `\(n)` is already valid", at: v.name.span,
                  notes: Self.note("\(kind) `\(n)` defined here", t.constraintSpan(n) ?? .synthesized),
                  help: "`validate constraint` follows an `add ... not valid`; remove it")
        }
    }

    mutating func checkUsingIndex(_ a: AddConstraint, _ indexName: Identifier, table t: Table) {
        let keyword = a.kind == .primaryKey(columns: []) ? "primary key" : "unique constraint"
        guard let index = schema.indexes[indexName.name] else {
            error(.unknownIndex, "unknown index `\(indexName.name)`", at: indexName.span,
                  help: Self.didYouMean(indexName.name, schema.indexes(on: t.name).map(\.name)))
            return
        }
        var problem: String?
        if index.table != t.name { problem = "it is on table `\(index.table)`, not `\(t.name)`" }
        else if !index.unique { problem = "it is not unique" }
        else if index.predicate != nil { problem = "it is partial (`where`)" }
        else if index.columns.contains(where: \.descending) { problem = "it has a descending column" }
        if let problem {
            error(.unusableIndex, "index `\(index.name)` cannot become \(keyword) `\(a.name.name)`: \(problem)", at: indexName.span,
                  notes: Self.note("index `\(index.name)` created here", index.definedAt),
                  help: "create a unique index on `\(t.name)` (ascending, without `where`) `concurrently` first")
            return
        }
        if case .primaryKey = a.kind, let pk = t.primaryKey {
            error(.multiplePrimaryKeys, "table `\(t.name)` already has a primary key `\(pk.name)`", at: a.name.span,
                  notes: Self.note("primary key `\(pk.name)` defined here", pk.definedAt),
                  help: "drop it first: `drop constraint \(pk.name) on \(t.name)`")
            return
        }
        // The index becomes the key under the key's name: its own name is free again.
        var freed = schema
        freed.indexes[index.name] = nil
        var probe = OpChecker(schema: freed)
        probe.checkNewRelationName(a.name, kind: "constraint", code: .constraintExists)
        diagnostics += probe.diagnostics
    }
}
