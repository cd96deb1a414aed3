/// MIG141: `drop not null` on a column in use.
public struct DropNotNull: LintRule {
    public static let description = LintDescription(
        code: .dropNotNull,
        rationale: """
            Once a column may hold NULL, code that reads it as always set (a non-optional field, a `NOT IN` \
            subquery, an aggregate) can break, and the derived downgrade (`set not null`) fails as soon as \
            one NULL is written. Make sure every reader handles NULL before deploying it, and write a \
            `downgrade` that backfills if it must run after NULLs appear. Columns of tables created in the \
            same revision are not reported.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                phone text not null default ""
              }
            }
            """, """
            revision b2
            parent a1
            message "phones are optional"

            upgrade {
              -- migc:allow MIG107 - sqlite copies are small
              alter column users.phone drop not null
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                phone text not null default ""
              }
            }
            """, """
            revision b2
            parent a1
            message "phones are optional"

            upgrade {
              -- migc:allow MIG107, MIG141 - the app reads phone as optional since v42
              alter column users.phone drop not null
            }
            """)],
        peers: LintPeers(squawk: ["ban-drop-not-null"]))

    public static let operations: Set<OpKind>? = [.alterColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .alterColumn(let a) = step.statement.operation, case .dropNotNull = a.change,
                  r.before.tables[a.table.name]?.column(named: a.column.name) != nil,
                  step.before.tables[a.table.name]?.column(named: a.column.name)?.nullable == false else { return nil }
            return finding("`\(a.table.name).\(a.column.name)` may hold NULL from now on: readers that assume a value can break",
                           at: a.column.span, statement: step.statement,
                           help: "deploy code that handles NULL first; the derived downgrade fails once a NULL is written")
        }
    }
}
