/// MIG112: `-- migc:allow CODE` on a statement that does not trigger CODE. (Reported by `Linter`.)
public struct UnusedAllow: LintRule {
    public static let description = LintDescription(
        code: .unusedAllow,
        rationale: """
            An allow comment that suppresses nothing is noise, and hides the next real finding of that code \
            on the same statement. Remove it. (Allows for codes disabled in migc.toml are not reported.)
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              -- migc:allow MIG102
              create table users {
                id bigint primary key
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
              }
            }
            """)])

    public init() {}
}
