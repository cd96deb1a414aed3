/// MIG130: on PostgreSQL, `drop index` without `concurrently` locks the table.
public struct DropIndexNotConcurrently: LintRule {
    public static let description = LintDescription(
        code: .dropIndexNotConcurrently,
        rationale: """
            On PostgreSQL, `DROP INDEX` takes an ACCESS EXCLUSIVE lock on the index's table: every read and \
            write waits for it, and it waits for every transaction using the table. `DROP INDEX CONCURRENTLY` \
            waits for those transactions without blocking others. Write `drop index I concurrently` with \
            `transaction off` in the header (like `create index ... concurrently`). Indexes created in the \
            same revision are not reported. Only reported when the project targets postgres (or no single dialect).
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text
              }
              create index users_email_idx on users (email)
            }
            """, """
            revision b2
            parent a1
            message "drop the email index"

            upgrade {
              drop index users_email_idx
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text
              }
              create index users_email_idx on users (email)
            }
            """, """
            revision b2
            parent a1
            message "drop the email index"
            transaction off

            upgrade {
              drop index users_email_idx concurrently
            }
            """)],
        peers: LintPeers(atlas: ["PG102"], squawk: ["require-concurrent-index-deletion"], strongMigrations: ["remove_index (opt-in)"]))

    public static let operations: Set<OpKind>? = [.dropIndex]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres") else { return [] }
        return r.upgrade.compactMap { step in
            guard case .dropIndex(let d) = step.statement.operation, !d.concurrently, let index = r.before.indexes[d.name.name],
                  r.existed(index.table) else { return nil }
            return finding("`drop index \(d.name.name)` blocks reads and writes on `\(index.table)` on postgres until it is dropped",
                           at: d.name.span, statement: step.statement,
                           help: "drop it concurrently: `drop index \(d.name.name) concurrently`, with `transaction off` in the header")
        }
    }
}
