// Data changes as SQL, and `add column ... backfill` (add nullable, fill, then not
// null). Values go through the expression renderer: names quoted, strings escaped.

extension DialectRules {
    /// `INSERT`, `UPDATE` or `DELETE` for a data change.
    func dataChange(_ step: OpStep) -> [String] {
        switch step.statement.operation {
        case .insert(let op):
            let rows = op.rows.map { "(" + $0.values.map(render).joined(separator: ", ") + ")" }
            let columns = quotedList(op.columns.map(\.name))
            let values = rows.count == 1 ? " VALUES " + rows[0] : " VALUES\n  " + rows.joined(separator: ",\n  ")
            return ["INSERT INTO \(quote(op.table.name)) (\(columns))" + values] + identityCatchUp(op, step)
        case .update(let op):
            let sets = op.assignments.map { quote($0.column.name) + " = " + render($0.value) }.joined(separator: ", ")
            return ["UPDATE \(quote(op.table.name)) SET " + sets + whereClause(op.predicate)]
        case .delete(let op):
            return ["DELETE FROM \(quote(op.table.name))" + whereClause(op.predicate)]
        default:
            return []
        }
    }

    private func whereClause(_ predicate: Expr?) -> String {
        predicate.map { " WHERE " + render($0) } ?? ""
    }

    /// PostgreSQL's identity sequence does not move when rows bring their own ids
    /// (SQLite and MySQL counters do): set it past the largest id, so the next row
    /// without one does not collide.
    private func identityCatchUp(_ op: InsertRows, _ step: OpStep) -> [String] {
        guard dialect == .postgres, let table = step.after.tables[op.table.name] else { return [] }
        let given = Set(op.columns.map(\.name))
        return table.columns.filter { $0.autoincrement && given.contains($0.name) }.map { c in
            "SELECT setval(pg_get_serial_sequence(\(literal(quote(table.name))), \(literal(c.name))), "
                + "(SELECT COALESCE(MAX(\(quote(c.name))), 0) + 1 FROM \(quote(table.name))), false)"
        }
    }

    /// `add column ... backfill EXPR` on PostgreSQL and MySQL: the column added
    /// nullable (a quick catalog change), every existing row filled, then `NOT NULL`
    /// (SQLite computes the value in its rebuild's copy instead).
    func backfilledColumn(_ op: AddColumn, _ step: OpStep) -> [String] {
        let tableName = op.table.name
        guard var table = step.after.tables[tableName], let i = table.columnIndex(named: op.column.name.name),
              let backfill = op.backfill else { return addColumn(op, step) }
        let column = table.columns[i]
        var nullable = step
        table.columns[i].nullable = true
        nullable.after.tables[tableName] = table
        var out = addColumn(op, nullable)
        out.append("UPDATE \(quote(tableName)) SET \(quote(column.name)) = " + render(backfill))
        guard !column.nullable else { return out }
        if dialect == .mysql {
            out.append("ALTER TABLE \(quote(tableName)) MODIFY COLUMN " + columnDefinition(column, in: step.after.tables[tableName]))
        } else {
            out.append("ALTER TABLE \(quote(tableName)) ALTER COLUMN \(quote(column.name)) SET NOT NULL")
        }
        return out
    }
}

extension MySQLBackend {
    /// MIG806: MySQL assigns left to right, so a value naming a column set earlier in
    /// the same `update` sees the new value; PostgreSQL and SQLite see the old one.
    func assignmentOrderWarning(_ op: UpdateRows, at span: SourceSpan) -> Diagnostic? {
        var assigned: Set<String> = []
        for a in op.assignments {
            if let id = a.value.referencedColumns.first(where: { assigned.contains($0.name) }) {
                return .warning(
                    "mysql sets columns left to right: `\(a.column.name)` is computed from the new value of `\(id.name)`",
                    at: id.span.isSynthesized ? span : id.span, code: .mysqlAssignmentOrder,
                    help: "split the update in two, or order the assignments so no value reads a column set before it")
            }
            assigned.insert(a.column.name)
        }
        return nil
    }
}

extension PendingRebuild {
    /// A backfill expression over the table as it was before the rebuild: a column
    /// renamed since is read by its old name, one added since by the value it was given.
    func valueFromOldTable(_ expr: Expr) -> Expr {
        expr.substitutingColumns { id in sources[id.name]?.expression ?? Expr(.column(id)) }
    }
}

extension Expr {
    /// The expression with each column reference replaced by `replace(name)`.
    func substitutingColumns(_ replace: (Identifier) -> Expr) -> Expr {
        var e = self
        switch kind {
        case .column(let id): return replace(id)
        case .call(let n, let args): e.kind = .call(name: n, arguments: args.map { $0.substitutingColumns(replace) })
        case .unary(let op, let x): e.kind = .unary(op, x.substitutingColumns(replace))
        case .binary(let op, let l, let r): e.kind = .binary(op, l.substitutingColumns(replace), r.substitutingColumns(replace))
        case .isNull(let x, let neg): e.kind = .isNull(x.substitutingColumns(replace), negated: neg)
        case .inList(let x, let list, let neg):
            e.kind = .inList(x.substitutingColumns(replace), list.map { $0.substitutingColumns(replace) }, negated: neg)
        case .between(let x, let lo, let hi, let neg):
            e.kind = .between(x.substitutingColumns(replace), lower: lo.substitutingColumns(replace), upper: hi.substitutingColumns(replace), negated: neg)
        case .caseWhen(let c): e.kind = .caseWhen(c.map { $0.substitutingColumns(replace) })
        default: break
        }
        return e
    }
}
