/// MIG148: `varchar(n)` columns (a policy, off by default).
public struct PreferText: ColumnTypePolicy {
    public static let description = LintDescription(
        code: .preferText,
        rationale: """
            On PostgreSQL, `text` and `varchar(n)` are stored alike, but a length limit is hard to change: making it longer is \
            free, shorter rewrites the table under lock and can fail on the data. Use `text`, with a check (`length(c) <= n`) if \
            the limit matters: a check can be replaced `not valid` without a rewrite. A policy: off unless migc.toml gives it \
            a severity (`[lint.severity]`).
            """,
        triggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                name varchar(100)
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                name text
              }
            }
            """)],
        enabledByDefault: false,
        exampleSettings: ("[lint.severity]\nMIG148 = \"warning\"", LintConfig(severities: [.preferText: .warning])),
        peers: LintPeers(squawk: ["prefer-text-field"]))

    public init() {}

    static let instead = "`text` (with a `length` check if the limit matters)"

    static func flagged(_ type: ColumnType) -> Bool {
        switch type {
        case .varchar: true
        default: false
        }
    }
}
