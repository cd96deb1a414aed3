/// MIG105: on PostgreSQL, `create index` without `concurrently` locks writes.
public struct NonConcurrentIndex: LintRule {
    public static let description = LintDescription(
        code: .nonConcurrentIndex,
        rationale: """
            On PostgreSQL, `create index` blocks every write to the table until the index is built, which \
            on a large table is an outage. `create index ... concurrently` does not (it must run outside a \
            transaction: add `transaction off` to the header). Tables created in the same revision are empty \
            and are not reported. Only reported when the project targets postgres (or no single dialect).
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
            message "email index"

            upgrade {
              create index users_email_idx on users (email)
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
            }
            """, """
            revision b2
            parent a1
            message "email index"
            transaction off

            upgrade {
              create index users_email_idx on users (email) concurrently
            }
            """)],
        peers: LintPeers(atlas: ["PG101"], squawk: ["require-concurrent-index-creation"], strongMigrations: ["add_index", "add_reference"]))

    public static let operations: Set<OpKind>? = [.createIndex]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres") else { return [] }
        return r.upgrade.compactMap { step in
            guard case .createIndex(let c) = step.statement.operation, !c.concurrently,
                  r.before.tables[c.table.name] != nil else { return nil }
            return finding("`create index \(c.name.name)` blocks writes to `\(c.table.name)` on postgres while it builds",
                           at: c.name.span, statement: step.statement,
                           help: "add `concurrently` (and `transaction off` in the header)")
        }
    }
}
