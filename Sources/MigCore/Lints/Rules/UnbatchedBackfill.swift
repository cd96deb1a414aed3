/// MIG120: every row of an existing table updated inside the revision's transaction.
public struct UnbatchedBackfill: LintRule {
    public static let description = LintDescription(
        code: .unbatchedBackfill,
        rationale: """
            An `update` without `where`, or an `add column ... backfill`, writes every row of a table \
            that already has data, inside the revision's transaction: on PostgreSQL and MySQL the rows \
            (and, after `add column`, the whole table) stay locked until the revision commits, and a \
            large table is locked for as long as the update takes. Fine for small tables; for large \
            ones, strong_migrations' advice holds: add the column nullable, backfill in batches outside \
            the migration, then `set not null` in a later revision. SQLite locks the whole database \
            for any write, so the note is not about it. A note, not a warning: only you know the size.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text not null
              }
            }
            """, """
            revision b2
            parent a1
            message "handles"

            upgrade {
              add column users.handle text not null backfill lower(email)
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text not null
              }
              add column users.handle text not null backfill lower(email)
            }
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres") || config.targets("mysql") else { return [] }
        return r.upgrade.compactMap { step -> LintFinding? in
            let table: String, what: String
            switch step.statement.operation {
            case .addColumn(let a) where a.backfill != nil:
                (table, what) = (a.table.name, "`backfill` of `\(a.table.name).\(a.column.name.name)`")
            case .update(let u) where u.predicate == nil:
                (table, what) = (u.table.name, "this `update`")
            default:
                return nil
            }
            guard r.before.tables[table] != nil else { return nil }
            return finding("\(what) writes every row of `\(table)` in one transaction, locking them until the revision commits",
                           at: step.statement.span, statement: step.statement,
                           help: "fine for a small table; for a large one, fill it in batches outside the migration")
        }
    }
}
