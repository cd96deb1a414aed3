// Index and constraint checks, foreign keys included.

extension OpChecker {
    // MARK: Foreign keys

    /// `columns` of `table` referencing `target`: the target must exist, its columns
    /// must be its primary key or unique, and the column types must be compatible.
    mutating func checkForeignKey(columns: [Identifier], target: ForeignKeyTarget, table: Table) {
        let local = columns.compactMap { column($0, in: table) }
        guard let targetTable = self.table(target.table) else { return }
        var referenced = target.columns
        if referenced.isEmpty {
            guard let pk = targetTable.primaryKey else {
                error(.foreignKeyTargetNotUnique, "table `\(targetTable.name)` has no primary key to reference", at: target.table.span,
                      notes: Self.note("table `\(targetTable.name)` created here", targetTable.definedAt),
                      help: "name the referenced columns: `references \(targetTable.name) (...)`")
                return
            }
            referenced = pk.columns.map { Identifier($0, span: target.table.span) }
        }
        if referenced.count != columns.count {
            error(.foreignKeyColumnCount,
                  "foreign key has \(columns.count) column\(columns.count == 1 ? "" : "s") but references \(referenced.count) in `\(targetTable.name)`",
                  at: target.table.span)
            return
        }
        let remote = referenced.compactMap { column($0, in: targetTable) }
        guard remote.count == referenced.count, local.count == columns.count else { return }
        let names = remote.map(\.name)
        if !isUniqueKey(names, of: targetTable) {
            let list = "\(targetTable.name) (\(names.joined(separator: ", ")))"
            let suggested = Schema.DefaultName.unique(table: targetTable.name, columns: names)
            error(.foreignKeyTargetNotUnique, "foreign key target `\(list)` is not a primary key or unique", at: referenced[0].span,
                  notes: Self.note("table `\(targetTable.name)` created here", targetTable.definedAt),
                  help: "add `add unique \(suggested) on \(targetTable.name) (\(names.joined(separator: ", ")))` first")
        }
        for (l, r) in zip(local, remote) where l.type.family != r.type.family {
            error(.foreignKeyTypeMismatch,
                  "foreign key column `\(table.name).\(l.name)` is `\(l.type.displayName)` but `\(targetTable.name).\(r.name)` is `\(r.type.displayName)`",
                  at: columns.first { $0.name == l.name }?.span ?? target.table.span,
                  notes: Self.note("column `\(targetTable.name).\(r.name)` defined here", r.definedAt))
        }
    }

    /// The primary key, a unique constraint or a full unique index on exactly these columns.
    func isUniqueKey(_ columns: [String], of table: Table) -> Bool {
        let set = Set(columns)
        if let pk = table.primaryKey, Set(pk.columns) == set { return true }
        if table.uniques.values.contains(where: { Set($0.columns) == set }) { return true }
        return schema.indexes(on: table.name).contains { $0.unique && $0.predicate == nil && Set($0.columns.map(\.name.name)) == set }
    }

    /// After `column` of `table` becomes `type`, foreign keys through it must still match.
    mutating func checkForeignKeyTypes(afterRetyping column: String, of table: Table, to type: ColumnType, at span: SourceSpan) {
        for t in schema.sortedTables {
            for fk in t.foreignKeys.values.sorted(by: { $0.name < $1.name }) {
                var other: (String, String)?
                if t.name == table.name, let i = fk.columns.firstIndex(of: column), i < fk.referencedColumns.count {
                    other = (fk.referencedTable, fk.referencedColumns[i])
                }
                if fk.referencedTable == table.name, let i = fk.referencedColumns.firstIndex(of: column), i < fk.columns.count {
                    other = (t.name, fk.columns[i])
                }
                guard let (ot, oc) = other, !(ot == table.name && oc == column),
                      let o = schema.tables[ot]?.column(named: oc), o.type.family != type.family else { continue }
                error(.foreignKeyTypeMismatch,
                      "column `\(table.name).\(column)` would be `\(type.displayName)` but foreign key `\(fk.name)` pairs it with `\(ot).\(oc)` of type `\(o.type.displayName)`",
                      at: span, notes: Self.note("foreign key `\(fk.name)` defined here", fk.definedAt))
                return
            }
        }
    }

    // MARK: Indexes

    mutating func checkCreateIndex(_ c: CreateIndex) {
        checkNewRelationName(c.name, kind: "index", code: .indexExists)
        guard let t = table(c.table) else { return }
        var seen: Set<String> = []
        for col in c.columns {
            if let e = col.expression {
                checkColumns(of: e, in: t)
                continue
            }
            column(col.name, in: t)
            if !seen.insert(col.name.name).inserted {
                error(.columnExists, "column `\(col.name.name)` appears twice in index `\(c.name.name)`", at: col.name.span)
            }
        }
        if let p = c.predicate { checkColumns(of: p, in: t) }
        checkIndexOptions(c, in: t)
    }

    mutating func checkDropIndex(_ d: DropIndex) {
        if let index = schema.indexes[d.name.name] {
            if index.unique, let t = schema.tables[index.table] { checkKeyStillReferenced(droppingIndex: index, of: t, at: d.name.span) }
            return
        }
        for t in schema.sortedTables where t.constraintKind(d.name.name) != nil {
            error(.unknownIndex, "unknown index `\(d.name.name)`", at: d.name.span,
                  notes: Self.note("`\(d.name.name)` is a \(t.constraintKind(d.name.name)!) on `\(t.name)`", t.constraintSpan(d.name.name) ?? .synthesized),
                  help: "use `drop constraint \(d.name.name) on \(t.name)`")
            return
        }
        error(.unknownIndex, "unknown index `\(d.name.name)`", at: d.name.span,
              help: Self.didYouMean(d.name.name, schema.indexes.keys))
    }

    // MARK: Constraints

    mutating func checkAddConstraint(_ a: AddConstraint) {
        guard let t = table(a.table) else { return }
        if let existing = t.constraintNames.first(where: { $0.equalsIgnoringCase(a.name.name) }) {
            error(.constraintExists, "constraint `\(existing)` already exists on `\(t.name)`", at: a.name.span,
                  notes: Self.note("\(t.constraintKind(existing) ?? "constraint") `\(existing)` defined here", t.constraintSpan(existing) ?? .synthesized))
            return
        }
        if let index = a.usingIndex { return checkUsingIndex(a, index, table: t) }
        switch a.kind {
        case .unique(let cols):
            checkNewRelationName(a.name, kind: "constraint", code: .constraintExists)
            cols.forEach { column($0, in: t) }
        case .primaryKey(let cols):
            if let pk = t.primaryKey {
                error(.multiplePrimaryKeys, "table `\(t.name)` already has a primary key `\(pk.name)`", at: a.name.span,
                      notes: Self.note("primary key `\(pk.name)` defined here", pk.definedAt),
                      help: "drop it first: `drop constraint \(pk.name) on \(t.name)`")
            }
            checkNewRelationName(a.name, kind: "constraint", code: .constraintExists)
            cols.forEach { column($0, in: t) }
        case .foreignKey(let cols, let target):
            let after = schema.applying(.addConstraint(a))
            self.folded = after
            var inner = OpChecker(schema: after)
            inner.checkForeignKey(columns: cols, target: target, table: after.tables[t.name] ?? t)
            diagnostics += inner.diagnostics
        case .check(let e):
            checkColumns(of: e, in: t)
        }
    }

    mutating func checkDropConstraint(_ d: DropConstraint) {
        guard let t = table(d.table) else { return }
        let n = d.name.name
        guard let kind = t.constraintKind(n) else {
            let elsewhere = schema.sortedTables.first { $0.constraintKind(n) != nil }
            error(.unknownConstraint, "unknown constraint `\(n)` on `\(t.name)`", at: d.name.span,
                  notes: elsewhere.map { Self.note("`\(n)` is a constraint on `\($0.name)`", $0.constraintSpan(n) ?? .synthesized) } ?? [],
                  help: Self.didYouMean(n, t.constraintNames))
            return
        }
        if kind == "primary key", let c = t.columns.first(where: { $0.autoincrement && t.primaryKey?.columns == [$0.name] }) {
            error(.badAutoincrement, "cannot drop primary key `\(n)`: autoincrement column `\(t.name).\(c.name)` must stay the primary key",
                  at: d.name.span, notes: Self.note("column `\(t.name).\(c.name)` defined here", c.definedAt))
            return
        }
        guard kind == "primary key" || kind == "unique constraint" else { return }
        let keyColumns = Set(t.primaryKey?.name == n ? t.primaryKey!.columns : t.uniques[n]?.columns ?? [])
        // Still unique through another key or index? Then foreign keys keep a target.
        var rest = t
        rest.removeConstraint(named: n)
        var probeSchema = schema
        probeSchema.tables[t.name] = rest
        if OpChecker(schema: probeSchema).isUniqueKey(Array(keyColumns), of: rest) { return }
        for (other, fk) in foreignKeys(referencing: t.name) where Set(fk.referencedColumns) == keyColumns {
            do {
                error(.constraintInUse, "cannot drop \(kind) `\(n)`: foreign key `\(fk.name)` on `\(other.name)` references its columns",
                      at: d.name.span, notes: Self.note("foreign key `\(fk.name)` defined here", fk.definedAt),
                      help: "drop the foreign key first: `drop constraint \(fk.name) on \(other.name)`")
                return
            }
        }
    }

    /// A unique index that is the only thing keeping a foreign key's target unique
    /// cannot be dropped.
    mutating func checkKeyStillReferenced(droppingIndex index: Index, of t: Table, at span: SourceSpan) {
        var probeSchema = schema
        probeSchema.indexes[index.name] = nil
        let probe = OpChecker(schema: probeSchema)
        for (other, fk) in foreignKeys(referencing: t.name)
        where Set(fk.referencedColumns) == Set(index.columns.map(\.name.name)) && !probe.isUniqueKey(fk.referencedColumns, of: t) {
            do {
                error(.constraintInUse, "cannot drop unique index `\(index.name)`: foreign key `\(fk.name)` on `\(other.name)` references its columns",
                      at: span, notes: Self.note("foreign key `\(fk.name)` defined here", fk.definedAt),
                      help: "drop the foreign key first: `drop constraint \(fk.name) on \(other.name)`")
                return
            }
        }
    }
}
