/// MIG131 and MIG132: on PostgreSQL, `add primary key` and `add unique` on an
/// existing table build their index under an ACCESS EXCLUSIVE lock.
enum KeyOnExistingTable {
    /// The `add` ops of `kind` ("primary key" or "unique") on tables that existed before the revision.
    static func findings(_ r: CheckedRevision, config: LintConfig, primaryKey: Bool, report: (String, SourceSpan, Statement) -> LintFinding) -> [LintFinding] {
        guard config.targets("postgres") else { return [] }
        return r.upgrade.compactMap { step in
            guard case .addConstraint(let a) = step.statement.operation, a.usingIndex == nil, r.existed(a.table.name) else { return nil }
            switch a.kind {
            case .primaryKey where primaryKey:
                return report("adding primary key `\(a.name.name)` builds its index while reads and writes on `\(a.table.name)` wait (postgres)", a.name.span, step.statement)
            case .unique where !primaryKey:
                return report("adding unique constraint `\(a.name.name)` builds its index while reads and writes on `\(a.table.name)` wait (postgres)", a.name.span, step.statement)
            default:
                return nil
            }
        }
    }
}
