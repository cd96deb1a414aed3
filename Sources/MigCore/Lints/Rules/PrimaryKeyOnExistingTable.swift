/// MIG131: on PostgreSQL, `add primary key` on an existing table locks it while the index builds.
public struct PrimaryKeyOnExistingTable: LintRule {
    public static let description = LintDescription(
        code: .primaryKeyOnExistingTable,
        rationale: """
            On PostgreSQL, `ALTER TABLE ... ADD PRIMARY KEY` builds a unique index while holding an ACCESS \
            EXCLUSIVE lock: every read and write on the table waits until the whole table is indexed. The \
            online way is to build the index first with `create unique index ... concurrently` (in a \
            `transaction off` revision), then attach it: `add primary key P on T using index I` takes the \
            lock only for a moment. Tables created in the same revision are not reported. Only reported when \
            the project targets postgres (or no single dialect).
            """,
        triggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                id bigint not null
                payload text
              }
            }
            """, """
            revision b2
            parent a1
            message "events key"

            upgrade {
              -- migc:allow MIG107, MIG139 - ids are unique; sqlite copies are small
              add primary key events_pkey on events (id)
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                id bigint not null
                payload text
              }
              add primary key events_pkey on events (id)
            }
            """)],
        peers: LintPeers(atlas: ["PG104"], squawk: ["adding-serial-primary-key-field"]))

    public static let operations: Set<OpKind>? = [.addConstraint]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        KeyOnExistingTable.findings(r, config: config, primaryKey: true) { message, span, statement in
            finding(message, at: span, statement: statement,
                    help: "build the index first with `create unique index ... concurrently`, then add the key `using index`")
        }
    }
}
