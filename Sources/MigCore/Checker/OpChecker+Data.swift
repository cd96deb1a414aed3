// Data changes against the schema at that point: every table and column resolved,
// rows the right width, not-null columns given, literals that fit their columns;
// and the `backfill` of `add column`. A `reverse` block is checked the same way.

extension OpChecker {
    mutating func checkDataChange(_ op: Operation) {
        switch op {
        case .insert(let i): checkInsert(i)
        case .update(let u): checkUpdate(u)
        case .delete(let d):
            if let t = table(d.table), let p = d.predicate { checkColumns(of: p, in: t) }
        default: break
        }
        if case .block(let block)? = op.dataReverse {
            var inner = OpChecker(schema: schema)
            for s in block.statements { inner.check(s) }
            diagnostics += inner.diagnostics
        }
    }

    mutating func checkInsert(_ i: InsertRows) {
        guard let t = table(i.table) else { return }
        var columns: [Column?] = []
        var seen: [String: Identifier] = [:]
        for id in i.columns {
            if let first = seen[id.name] {
                error(.duplicateDataColumn, "column `\(t.name).\(id.name)` is listed twice", at: id.span,
                      notes: Self.note("first listed here", first.span))
            }
            seen[id.name] = seen[id.name] ?? id
            columns.append(column(id, in: t))
        }
        for row in i.rows {
            if row.values.count != i.columns.count {
                let n = row.values.count, m = i.columns.count
                error(.rowWidthMismatch, "row has \(n) value\(n == 1 ? "" : "s") but \(m) column\(m == 1 ? " is" : "s are") listed", at: row.span,
                      help: "give one value per column of `(\(i.columns.map(\.name).joined(separator: ", ")))`")
            }
            for (value, column) in zip(row.values, columns) {
                for id in value.referencedColumns {
                    error(.columnInValues, "a value of `insert` cannot refer to column `\(id.name)`", at: id.span,
                          help: "write a literal; to copy values between columns, use `update`")
                }
                if let column { checkValue(value, for: column, in: t) }
            }
        }
        let given = Set(i.columns.map(\.name))
        for c in t.columns where !c.nullable && c.defaultValue == nil && !c.autoincrement && !given.contains(c.name) {
            error(.missingRequiredColumn, "insert into `\(t.name)` omits not-null column `\(c.name)`, which has no default", at: i.table.span,
                  notes: Self.note("column `\(t.name).\(c.name)` defined here", c.definedAt),
                  help: "add `\(c.name)` to the column list with a value for every row")
        }
    }

    mutating func checkUpdate(_ u: UpdateRows) {
        guard let t = table(u.table) else { return }
        var seen: [String: Identifier] = [:]
        for a in u.assignments {
            if let first = seen[a.column.name] {
                error(.duplicateDataColumn, "column `\(t.name).\(a.column.name)` is set twice", at: a.column.span,
                      notes: Self.note("first set here", first.span))
            }
            seen[a.column.name] = seen[a.column.name] ?? a.column
            checkColumns(of: a.value, in: t)
            if let c = column(a.column, in: t) { checkValue(a.value, for: c, in: t) }
        }
        if let p = u.predicate { checkColumns(of: p, in: t) }
    }

    /// `add column ... backfill EXPR`: computed from the table's other columns.
    mutating func checkBackfill(_ value: Expr, of definition: ColumnDefinition, in t: Table) {
        let kinds = definition.modifiers.map(\.kind)
        if kinds.contains(.primaryKey) || kinds.contains(.autoincrement) {
            error(.badBackfill, "`backfill` cannot fill primary key column `\(t.name).\(definition.name.name)`", at: value.span,
                  help: "add the column with a default, or create the key after filling the column")
            return
        }
        checkColumns(of: value, in: t)
        let column = Column(name: definition.name.name, type: definition.type.type, nullable: !kinds.contains(.notNull))
        checkValue(value, for: column, in: t)
    }

    /// A literal (or each literal branch of a `case`) must fit the column.
    mutating func checkValue(_ value: Expr, for column: Column, in t: Table) {
        let q = "`\(t.name).\(column.name)`"
        switch value.kind {
        case .null where !column.nullable:
            error(.valueTypeMismatch, "`null` for not-null column \(q)", at: value.span,
                  notes: Self.note("column \(q) defined here", column.definedAt))
        case .caseWhen(let c):
            for result in c.whens.map(\.result) + (c.otherwise.map { [$0] } ?? []) { checkValue(result, for: column, in: t) }
        case .unary(.negate, let x), .unary(.plus, let x):
            if case .number = x.kind { checkValue(x, for: column, in: t) }
        default:
            if let problem = Self.literalProblem(value, type: column.type) {
                error(.valueTypeMismatch, "value for column \(q) is \(problem), but the column is `\(column.type.displayName)`", at: value.span,
                      notes: Self.note("column \(q) defined here", column.definedAt))
            }
        }
    }
}
