// SQL of the online-safe forms (see docs/language.md, "Online-safe forms"):
//
// | form | PostgreSQL | MySQL / MariaDB | SQLite |
// |---|---|---|---|
// | `add foreign key/check ... not valid` | `ADD CONSTRAINT ... NOT VALID` | validated at once (MIG808) | rebuild, validated at once (MIG808) |
// | `validate constraint C on T` | `VALIDATE CONSTRAINT` | nothing | nothing |
// | `drop index I concurrently` | `DROP INDEX CONCURRENTLY` (`transaction off`, else MIG803) | `DROP INDEX` | `DROP INDEX` |
// | `add unique/primary key ... using index I` | `ADD CONSTRAINT ... USING INDEX` | `DROP INDEX i, ADD ...` in one ALTER | rebuild |
// | `alter column T.c set not null online` | check `NOT VALID`, `VALIDATE`, `SET NOT NULL`, drop check | `MODIFY` (MIG808) | rebuild (MIG808) |

extension DialectRules {
    /// The statements of a safe form, or nil for an op that is not one (rendered as usual).
    func renderSafeForm(_ step: OpStep, transactional: Bool) -> [String]? {
        switch step.statement.operation {
        case .validateConstraint(let v):
            // Elsewhere the constraint was checked when it was added.
            guard dialect == .postgres else { return [] }
            return ["ALTER TABLE \(quote(v.table.name)) VALIDATE CONSTRAINT \(quote(v.name.name))"]
        case .dropIndex(let d) where d.concurrently && dialect == .postgres && !transactional:
            return ["DROP INDEX CONCURRENTLY \(quote(d.name.name))"]
        case .addConstraint(let a) where a.usingIndex != nil:
            return addKeyUsingIndex(a, step)
        case .addConstraint(let a) where a.notValid && dialect == .postgres:
            return ["ALTER TABLE \(quote(a.table.name)) ADD " + constraintClause(a, in: step.after.tables[a.table.name]) + " NOT VALID"]
        case .alterColumn(let a) where a.online && a.change == .setNotNull && dialect == .postgres:
            return setNotNullOnline(a)
        default:
            return nil
        }
    }

    private func addKeyUsingIndex(_ a: AddConstraint, _ step: OpStep) -> [String] {
        let table = quote(a.table.name)
        let index = a.usingIndex!.name
        let isPrimary = a.kind == .primaryKey(columns: [])
        if dialect == .postgres {
            return ["ALTER TABLE \(table) ADD CONSTRAINT \(quote(a.name.name)) \(isPrimary ? "PRIMARY KEY" : "UNIQUE") USING INDEX \(quote(index))"]
        }
        // MySQL: the same end state in one statement (the index is rebuilt as the key).
        let after = step.after.tables[a.table.name]
        let columns = step.before.indexes[index]?.columns.map(\.name.name) ?? []
        let clause = isPrimary
            ? primaryKeyClause(PrimaryKey(name: a.name.name, columns: columns), in: after)
            : uniqueClause(UniqueConstraint(name: a.name.name, columns: columns), in: after)
        return ["ALTER TABLE \(table) DROP INDEX \(quote(index)), ADD " + clause]
    }

    /// PostgreSQL 12+ skips the `SET NOT NULL` scan when a valid check proves the
    /// column has no nulls; `VALIDATE` scans without blocking writes. Outside a
    /// transaction each step takes its lock only for itself.
    private func setNotNullOnline(_ a: AlterColumn) -> [String] {
        let table = quote(a.table.name)
        let check = quote(Self.onlineCheckName(table: a.table.name, column: a.column.name))
        return [
            "ALTER TABLE \(table) ADD CONSTRAINT \(check) CHECK (\(quote(a.column.name)) IS NOT NULL) NOT VALID",
            "ALTER TABLE \(table) VALIDATE CONSTRAINT \(check)",
            "ALTER TABLE \(table) ALTER COLUMN \(quote(a.column.name)) SET NOT NULL",
            "ALTER TABLE \(table) DROP CONSTRAINT \(check)",
        ]
    }

    /// `T_c_not_null`, cut to PostgreSQL's 63 bytes on a character boundary.
    static func onlineCheckName(table: String, column: String) -> String {
        var name = "\(table)_\(column)_not_null"
        while name.utf8.count > 63 { name.removeFirst() }
        return name
    }

    /// MIG803 for `drop index ... concurrently` in a transaction (as for create),
    /// MIG808 where an online form runs as its plain form.
    func safeFormDiagnostics(for steps: [OpStep], transactional: Bool) -> [Diagnostic] {
        steps.compactMap { step in
            switch step.statement.operation {
            case .dropIndex(let d) where d.concurrently && transactional && dialect == .postgres:
                return .warning(
                    "index `\(d.name.name)` is dropped without `concurrently`: the revision runs in a transaction",
                    at: step.statement.span, code: .concurrentlyInTransaction,
                    help: "add `transaction off` to the revision header to drop the index concurrently")
            case .addConstraint(let a) where a.notValid && dialect != .postgres:
                return .warning(
                    "\(dialect.rawValue) has no `not valid`: constraint `\(a.name.name)` is checked against every row as it is added",
                    at: step.statement.span, code: .onlineFormUnavailable)
            case .alterColumn(let a) where a.online && dialect != .postgres:
                return .warning(
                    "\(dialect.rawValue) has no online `set not null`: `\(a.table.name).\(a.column.name)` is altered the plain way",
                    at: step.statement.span, code: .onlineFormUnavailable)
            case .alterColumn(let a) where a.online && transactional:
                return .warning(
                    "`set not null online` in a transaction holds its lock on `\(a.table.name)` through the scan",
                    at: step.statement.span, code: .onlineFormUnavailable,
                    help: "add `transaction off` to the revision header so each step commits by itself")
            default:
                return nil
            }
        }
    }
}
