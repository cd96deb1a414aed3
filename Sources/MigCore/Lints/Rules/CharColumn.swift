/// MIG150: `char(n)` columns (a policy, off by default).
public struct CharColumn: ColumnTypePolicy {
    public static let description = LintDescription(
        code: .charColumn,
        rationale: """
            `char(n)` pads every value with spaces to n characters; comparisons and lengths then depend on the dialect's \
            padding rules, and it saves no space over `varchar`. Use `varchar(n)` or `text`. A policy: off unless migc.toml \
            gives it a severity (`[lint.severity]`).
            """,
        triggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                code char(8)
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                code varchar(8)
              }
            }
            """)],
        enabledByDefault: false,
        exampleSettings: ("[lint.severity]\nMIG150 = \"warning\"", LintConfig(severities: [.charColumn: .warning])),
        peers: LintPeers(squawk: ["ban-char-field"]))

    public init() {}

    static let instead = "`varchar(n)` or `text`"

    static func flagged(_ type: ColumnType) -> Bool {
        switch type {
        case .char: true
        default: false
        }
    }
}
