/// MIG135: a primary key added on nullable columns of an existing table.
public struct PrimaryKeyOnNullableColumns: LintRule {
    public static let description = LintDescription(
        code: .primaryKeyOnNullableColumns,
        rationale: """
            A primary key makes its columns NOT NULL. Added to an existing table on columns that are \
            nullable, it first sets NOT NULL, which on PostgreSQL reads every row under an ACCESS EXCLUSIVE \
            lock (see MIG134), and fails if a row holds NULL. Make the columns NOT NULL first (backfilled, \
            with the check pattern of MIG134), then add the key. Tables created in the same revision are not \
            reported.
            """,
        triggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                id bigint
                payload text
              }
            }
            """, """
            revision b2
            parent a1
            message "events key"

            upgrade {
              -- migc:allow MIG107, MIG131, MIG139 - ids are set and unique
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
            }
            """, """
            revision b2
            parent a1
            message "events key"

            upgrade {
              -- migc:allow MIG107, MIG131, MIG139 - ids are set and unique
              add primary key events_pkey on events (id)
            }
            """)],
        peers: LintPeers(atlas: ["PG304"]))

    public static let operations: Set<OpKind>? = [.addConstraint]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .addConstraint(let a) = step.statement.operation, case .primaryKey(let columns) = a.kind,
                  r.existed(a.table.name), let table = step.before.tables[a.table.name] else { return nil }
            let nullable = columns.map(\.name).filter { table.column(named: $0)?.nullable == true }
            guard !nullable.isEmpty else { return nil }
            let list = nullable.map { "`\($0)`" }.joined(separator: ", ")
            return finding("primary key `\(a.name.name)` makes nullable \(list) NOT NULL: every row of `\(a.table.name)` is read, and it fails on a NULL",
                           at: a.name.span, statement: step.statement,
                           help: "backfill and `set not null` on \(list) in an earlier revision, then add the key")
        }
    }
}
