/// MIG134: on PostgreSQL, `set not null` reads every row under an ACCESS EXCLUSIVE lock.
public struct SetNotNullScan: LintRule {
    public static let description = LintDescription(
        code: .setNotNullScan,
        rationale: """
            On PostgreSQL, `ALTER COLUMN ... SET NOT NULL` checks every row for NULL while holding an ACCESS \
            EXCLUSIVE lock: reads and writes wait for the whole scan. Since PostgreSQL 12 the scan is skipped \
            when a valid check constraint `c is not null` already proves it. The online pattern: `add check C \
            on T (c is not null) not valid` (instant), `validate constraint C on T` (scans without blocking \
            writes, may be a later revision), then `set not null` (instant) and `drop constraint C on T`. A \
            table with such a check is not reported, nor a table created in the same revision. Only reported \
            when the project targets postgres (or no single dialect).
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text
              }
            }
            """, """
            revision b2
            parent a1
            message "emails are required"

            upgrade {
              -- migc:allow MIG107, MIG140 - backfilled by the signup job
              alter column users.email set not null
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text check (email is not null)
              }
            }
            """, """
            revision b2
            parent a1
            message "emails are required"

            upgrade {
              -- migc:allow MIG107 - sqlite copies are small
              alter column users.email set not null
            }
            """)],
        peers: LintPeers(atlas: ["PG303"], squawk: ["adding-not-nullable-field"], strongMigrations: ["change_column_null_postgresql"]))

    public static let operations: Set<OpKind>? = [.alterColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres") else { return [] }
        return r.upgrade.compactMap { step in
            guard case .alterColumn(let a) = step.statement.operation, case .setNotNull = a.change, !a.online, r.existed(a.table.name),
                  let table = step.before.tables[a.table.name], table.column(named: a.column.name)?.nullable == true,
                  !table.hasNotNullCheck(on: a.column.name) else { return nil }
            return finding("`set not null` on `\(a.table.name).\(a.column.name)` reads every row while reads and writes on `\(a.table.name)` wait (postgres)",
                           at: a.column.span, statement: step.statement,
                           help: "write `set not null online` (a `not valid` check, validated, then the scan is skipped on postgres 12+), or add and validate such a check yourself first")
        }
    }
}
