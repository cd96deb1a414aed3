// Small facts several rules ask of a revision.

/// A column type written in a revision: in `create table`, `add column` or `alter column ... type`.
struct WrittenColumnType {
    var table: String
    var column: String
    var type: ColumnType
    var span: SourceSpan
    var statement: Statement
}

extension CheckedRevision {
    /// Whether `table` existed before this revision (and so may hold rows). Tables
    /// created in the revision are empty: the locking rules skip them.
    func existed(_ table: String) -> Bool { before.tables[table] != nil }

    /// Every column type the upgrade writes, in order.
    var writtenColumnTypes: [WrittenColumnType] {
        upgrade.flatMap { step -> [WrittenColumnType] in
            let s = step.statement
            switch s.operation {
            case .createTable(let c):
                return c.columns.map { WrittenColumnType(table: c.name.name, column: $0.name.name, type: $0.type.type, span: $0.type.span, statement: s) }
            case .addColumn(let a):
                return [WrittenColumnType(table: a.table.name, column: a.column.name.name, type: a.column.type.type, span: a.column.type.span, statement: s)]
            case .alterColumn(let a):
                guard case .type(let t, _) = a.change else { return [] }
                return [WrittenColumnType(table: a.table.name, column: a.column.name, type: t.type, span: t.span, statement: s)]
            default:
                return []
            }
        }
    }
}

extension Table {
    /// A check `c is not null` guarantees the column holds no NULL (PostgreSQL 12+
    /// then sets NOT NULL without reading the rows).
    func hasNotNullCheck(on column: String) -> Bool {
        checks.values.contains { check in
            if check.notValid { return false }
            if case .isNull(let e, negated: true) = check.expression.kind, case .column(let id) = e.kind { return id.name == column }
            return false
        }
    }
}

/// A policy rule about column types (MIG147-MIG150): every column type a revision
/// writes that `flagged` picks is reported, with what to use `instead`.
protocol ColumnTypePolicy: LintRule {
    static func flagged(_ type: ColumnType) -> Bool
    static var instead: String { get }
}

extension ColumnTypePolicy {
    public static var operations: Set<OpKind>? { [.createTable, .addColumn, .alterColumn] }

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.writtenColumnTypes.compactMap { c in
            guard Self.flagged(c.type) else { return nil }
            return finding("`\(c.table).\(c.column)` is `\(c.type.displayName)`", at: c.span, statement: c.statement, help: "use \(Self.instead)")
        }
    }
}
