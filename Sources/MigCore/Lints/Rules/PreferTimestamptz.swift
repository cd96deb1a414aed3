/// MIG149: `timestamp` columns (a policy, off by default).
public struct PreferTimestamptz: ColumnTypePolicy {
    public static let description = LintDescription(
        code: .preferTimestamptz,
        rationale: """
            `timestamp` stores a wall-clock time with no zone: the same value means different instants to servers or clients in \
            different zones, and daylight-saving changes make times repeat. `timestamptz` stores an instant (UTC) and converts \
            on the way out. A policy: off unless migc.toml gives it a severity (`[lint.severity]`).
            """,
        triggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                shipped_at timestamp
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                shipped_at timestamptz
              }
            }
            """)],
        enabledByDefault: false,
        exampleSettings: ("[lint.severity]\nMIG149 = \"warning\"", LintConfig(severities: [.preferTimestamptz: .warning])),
        peers: LintPeers(squawk: ["prefer-timestamptz"]))

    public init() {}

    static let instead = "`timestamptz`"

    static func flagged(_ type: ColumnType) -> Bool {
        switch type {
        case .timestamp: true
        default: false
        }
    }
}
