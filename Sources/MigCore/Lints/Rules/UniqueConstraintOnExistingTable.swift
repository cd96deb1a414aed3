/// MIG132: on PostgreSQL, `add unique` on an existing table locks it while the index builds.
public struct UniqueConstraintOnExistingTable: LintRule {
    public static let description = LintDescription(
        code: .uniqueConstraintOnExistingTable,
        rationale: """
            On PostgreSQL, `ALTER TABLE ... ADD UNIQUE` builds a unique index while holding an ACCESS EXCLUSIVE \
            lock: every read and write on the table waits until the whole table is indexed. Build the index \
            instead with `create unique index ... concurrently` (in a `transaction off` revision): it enforces \
            the same uniqueness without blocking, and `add unique U on T using index I` can make it a \
            constraint afterwards. Tables created in the same revision are not reported. Only reported when \
            the project targets postgres (or no single dialect).
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email varchar(320)
              }
            }
            """, """
            revision b2
            parent a1
            message "unique emails"

            upgrade {
              -- migc:allow MIG107, MIG139 - emails were deduplicated in a1
              add unique users_email_key on users (email)
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email varchar(320)
              }
            }
            """, """
            revision b2
            parent a1
            message "unique emails"
            transaction off

            upgrade {
              -- migc:allow MIG139 - emails were deduplicated in a1
              create unique index users_email_key on users (email) concurrently
            }
            """)],
        peers: LintPeers(atlas: ["PG105"], squawk: ["disallowed-unique-constraint"], strongMigrations: ["add_unique_constraint"]))

    public static let operations: Set<OpKind>? = [.addConstraint]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        KeyOnExistingTable.findings(r, config: config, primaryKey: false) { message, span, statement in
            finding(message, at: span, statement: statement,
                    help: "create the unique index `concurrently` instead (then `add unique ... using index` if a constraint is needed)")
        }
    }
}
