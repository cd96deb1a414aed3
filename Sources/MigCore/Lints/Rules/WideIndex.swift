/// MIG144: a non-unique index on more than three columns.
public struct WideIndex: LintRule {
    public static let description = LintDescription(
        code: .wideIndex,
        rationale: """
            A non-unique index on more than three columns rarely speeds up more queries than its first \
            two or three: the leading columns already narrow the rows down, and every write pays for the \
            wider index. Start the index with the columns that narrow results the most and keep it to \
            three. Unique indexes are not reported: their columns are the key.
            """,
        triggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                id bigint primary key
                account_id bigint
                kind text
                created_at timestamptz
                source text
              }
              create index events_lookup_idx on events (account_id, kind, created_at, source)
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                id bigint primary key
                account_id bigint
                kind text
                created_at timestamptz
                source text
              }
              create index events_lookup_idx on events (account_id, kind, created_at)
            }
            """)],
        peers: LintPeers(strongMigrations: ["add_index_columns"]))

    static let maximumColumns = 3

    public static let operations: Set<OpKind>? = [.createIndex]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .createIndex(let c) = step.statement.operation, !c.unique, c.columns.count > Self.maximumColumns else { return nil }
            return finding("index `\(c.name.name)` has \(c.columns.count) columns; more than \(Self.maximumColumns) rarely helps",
                           at: c.name.span, statement: step.statement,
                           help: "keep the \(Self.maximumColumns) columns that narrow results the most")
        }
    }
}
