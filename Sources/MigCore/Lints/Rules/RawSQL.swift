/// MIG108: raw SQL the checker cannot see into.
public struct OpaqueSQL: LintRule {
    public static let description = LintDescription(
        code: .rawSQL,
        rationale: """
            migc does not parse `sql` blocks: whatever they change is missing from its schema model, so later \
            revisions are checked, derived and rebuilt (on SQLite) against a schema that may be wrong. Use \
            migc's own operations where one exists (`insert`, `update` and `delete` for data). A block \
            whose statements all start with INSERT, UPDATE, DELETE or REPLACE (after an optional WITH) \
            changes rows only and is not reported; anything else, or text migc cannot split safely (a \
            backslash in a string, a dollar quote, a `#`), is.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              sql \"\"\"CREATE TABLE users (id bigint PRIMARY KEY)\"\"\" reverse \"\"\"DROP TABLE users\"\"\"
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
              }
              sql \"\"\"INSERT INTO users (id) VALUES (1); UPDATE users SET id = 2 WHERE id = 1\"\"\" reverse \"\"\"DELETE FROM users\"\"\"
            }
            """)],
        peers: LintPeers(strongMigrations: ["execute"]))

    public static let operations: Set<OpKind>? = [.sql]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .sql(let raw) = step.statement.operation else { return nil }
            if let d = raw.dialect?.name, config.dialect != nil, !config.targets(d) { return nil }
            // Rows only: nothing the model could miss.
            if SQLStatementKinds.onlyChangesData(raw.text.value) { return nil }
            return finding("migc cannot check raw SQL; its schema changes are not in the model", at: step.statement.span, statement: step.statement)
        }
    }
}
