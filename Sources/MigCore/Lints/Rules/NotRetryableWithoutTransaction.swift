/// MIG146: a statement of a `transaction off` revision that a rerun would repeat.
public struct NotRetryableWithoutTransaction: LintRule {
    public static let description = LintDescription(
        code: .notRetryableWithoutTransaction,
        rationale: """
            A `transaction off` revision runs its statements one by one, each committed at once, and is \
            recorded only after the last. When a later statement fails (a lock timeout, a duplicate key), \
            the earlier ones stay applied, and running the revision again repeats them: `create index` \
            fails with "already exists", a `sql` block's `UPDATE` or `INSERT` runs twice. Neither migc nor \
            its runner can retry such a revision safely. Give each statement that must run outside a \
            transaction a revision of its own (one `create index ... concurrently` per revision), so a \
            failed revision has applied nothing, or only a half-built index to drop. The last statement is \
            not reported: nothing after it can fail.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text
                name text
              }
            }
            """, """
            revision b2
            parent a1
            message "user indexes"
            transaction off

            upgrade {
              create index users_email_idx on users (email) concurrently
              create index users_name_idx on users (name) concurrently
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text
                name text
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
            """, """
            revision c3
            parent b2
            message "name index"
            transaction off

            upgrade {
              create index users_name_idx on users (name) concurrently
            }
            """)],
        peers: LintPeers(squawk: ["prefer-robust-stmts"]))

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard r.file.header.runsOutsideTransaction, r.upgrade.count > 1 else { return [] }
        return r.upgrade.dropLast().map { step in
            finding("if a later statement of this `transaction off` revision fails, this one stays applied and a rerun repeats it",
                    at: step.statement.span, statement: step.statement,
                    help: "move the statements after it to a revision of their own")
        }
    }
}
