/// MIG143: an `autoincrement` column added to an existing table.
public struct AutoincrementOnExistingTable: LintRule {
    public static let description = LintDescription(
        code: .autoincrementOnExistingTable,
        rationale: """
            An `autoincrement` column added to a table with rows must number every row: PostgreSQL rewrites \
            the table under an ACCESS EXCLUSIVE lock (an identity column fills each row), MySQL copies it, \
            and SQLite cannot add one at all without a rebuild. Add a plain column, backfill it in batches \
            from a sequence, then make it the key; or create the table with the column in the first place. \
            Tables created in the same revision are not reported.
            """,
        triggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                payload text
              }
            }
            """, """
            revision b2
            parent a1
            message "event ids"

            upgrade {
              add column events.id bigint autoincrement primary key
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                id bigint autoincrement primary key
                payload text
              }
            }
            """)],
        peers: LintPeers(squawk: ["adding-serial-primary-key-field"], strongMigrations: ["add_column_auto_incrementing"]))

    public static let operations: Set<OpKind>? = [.addColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .addColumn(let a) = step.statement.operation, r.existed(a.table.name),
                  let m = a.column.modifiers.first(where: { $0.kind == .autoincrement }) else { return nil }
            return finding("adding auto-increment column `\(a.table.name).\(a.column.name.name)` numbers every row: `\(a.table.name)` is rewritten while it is locked",
                           at: m.span, statement: step.statement,
                           help: "add a plain column and backfill it in batches, or create the table with it")
        }
    }
}
