// SQLite: what ALTER TABLE can do in place is done in place (add a plain column,
// drop an unconstrained column, renames, indexes); everything else rebuilds the
// table from the schema model (SQLiteRebuild.swift). Consecutive changes to one
// table share one rebuild.

public struct SQLiteBackend: SQLBackend, DialectRules {
    public init() {}

    public var dialect: Dialect { .sqlite }
    public func quote(_ identifier: String) -> String { SQLText.doubleQuoted(identifier) }
    public func literal(_ string: String) -> String { SQLText.standardLiteral(string) }
    public func typeName(_ type: ColumnType, autoincrement: Bool) -> String {
        TypeNames.sqlite(type, autoincrement: autoincrement)
    }

    public func render(_ expr: Expr) -> String { ExpressionRenderer(rules: self).render(expr) }

    func boolLiteral(_ value: Bool) -> String { value ? "TRUE" : "FALSE" }
    var currentTimestampSQL: String { "CURRENT_TIMESTAMP" }
    var currentDateSQL: String { "CURRENT_DATE" }
    var concatenatesWithFunction: Bool { false }

    public func render(steps: [OpStep], transactional: Bool) -> [SQLStatement] {
        var planner = SQLiteRebuildPlanner(backend: self)
        for step in steps { planner.add(step) }
        return planner.finish()
    }

    public func diagnostics(for steps: [OpStep], transactional: Bool) -> [Diagnostic] {
        safeFormDiagnostics(for: steps, transactional: transactional)
            + ExtendedTypeNames.arrayDiagnostics(steps, dialect: dialect)
            + indexClauseWarnings(steps)
    }

    /// Whether SQLite's ALTER TABLE cannot do this op, so the table is rebuilt.
    func needsRebuild(_ step: OpStep) -> Bool {
        switch step.statement.operation {
        case .alterColumn, .addConstraint, .dropConstraint: return true
        case .addColumn(let op): return op.backfill != nil || !canAddInPlace(op, step)
        case .dropColumn(let op): return !canDropInPlace(op, step)
        default: return false
        }
    }

    /// `ALTER TABLE ADD COLUMN` refuses key and unique columns, non-constant
    /// defaults, and `NOT NULL` without a default.
    private func canAddInPlace(_ op: AddColumn, _ step: OpStep) -> Bool {
        guard let table = step.after.tables[op.table.name], let column = table.column(named: op.column.name.name) else {
            return false
        }
        let added = table.constraintsAdded(since: step.before.tables[op.table.name])
        if column.autoincrement || added.primaryKey != nil || !added.uniques.isEmpty { return false }
        if let value = column.defaultValue, !DefaultValue.isConstant(value) { return false }
        return column.nullable || !DefaultValue.isNull(column.defaultValue)
    }

    /// `ALTER TABLE DROP COLUMN` refuses a column that is in a key, a unique, a
    /// foreign key (either side), a check or an index.
    private func canDropInPlace(_ op: DropColumn, _ step: OpStep) -> Bool {
        let name = op.column.name
        guard let table = step.before.tables[op.table.name] else { return false }
        if table.primaryKey?.columns.contains(name) == true { return false }
        if table.uniques.values.contains(where: { $0.columns.contains(name) }) { return false }
        if table.foreignKeys.values.contains(where: { $0.columns.contains(name) }) { return false }
        if table.checks.values.contains(where: { $0.expression.referencedColumns.contains { $0.name == name } }) {
            return false
        }
        let referenced = step.before.tables.values.contains { other in
            other.foreignKeys.values.contains { $0.referencedTable == table.name && $0.referencedColumns.contains(name) }
        }
        if referenced { return false }
        return !step.before.indexes(on: table.name).contains { index in
            index.columns.contains { $0.referencedColumns.contains(name) }
                || index.predicate?.referencedColumns.contains { $0.name == name } == true
        }
    }
}
