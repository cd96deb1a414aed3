/// MIG111: `-- migc:allow` names a code that does not exist. (Reported by `Linter`.)
public struct UnknownAllowCode: LintRule {
    public static let description = LintDescription(
        code: .unknownAllowCode,
        rationale: """
            An allow comment with a mistyped or retired code silences nothing, and the warning it meant to \
            silence still fires. Codes are listed in docs/lints.md.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              -- migc:allow MIG999
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
