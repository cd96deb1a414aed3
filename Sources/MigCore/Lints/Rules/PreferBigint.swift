/// MIG147: `int` and `smallint` columns (a policy, off by default).
public struct PreferBigint: ColumnTypePolicy {
    public static let description = LintDescription(
        code: .preferBigint,
        rationale: """
            `int` holds up to about 2.1 billion and `smallint` 32,767: ids and counters outgrow them, and widening the column later \
            rewrites the table under lock (MIG107). `bigint` costs four more bytes a row. A policy: off unless migc.toml gives it a \
            severity (`[lint.severity]`).
            """,
        triggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                quantity int
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                quantity bigint
              }
            }
            """)],
        enabledByDefault: false,
        exampleSettings: ("[lint.severity]\nMIG147 = \"warning\"", LintConfig(severities: [.preferBigint: .warning])),
        peers: LintPeers(squawk: ["prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-big-int"]))

    public init() {}

    static let instead = "`bigint`"

    static func flagged(_ type: ColumnType) -> Bool {
        switch type {
        case .int, .smallint: true
        default: false
        }
    }
}
