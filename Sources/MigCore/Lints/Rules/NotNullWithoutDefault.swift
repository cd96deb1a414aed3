/// MIG104: a `not null` column without a default added to a table that may have rows.
public struct NotNullWithoutDefault: LintRule {
    public static let description = LintDescription(
        code: .notNullWithoutDefault,
        rationale: """
            Adding a `not null` column with no default to a table created by an earlier revision fails as \
            soon as the table has a row: the existing rows have no value for it. Give it a default, or add \
            it nullable, backfill, then `set not null`.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
              }
            }
            """, """
            revision b2
            parent a1
            message "email"

            upgrade {
              add column users.email text not null
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
            """, """
            revision b2
            parent a1
            message "email"

            upgrade {
              add column users.email text not null default ""
            }
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .addColumn(let a) = step.statement.operation, r.before.tables[a.table.name] != nil else { return nil }
            let kinds = a.column.modifiers.map(\.kind)
            let notNull = kinds.contains(.notNull) || kinds.contains(.primaryKey)
            let hasDefault = kinds.contains { if case .defaultValue = $0 { true } else { false } } || kinds.contains(.autoincrement)
            guard notNull, !hasDefault else { return nil }
            return finding("adding not-null column `\(a.table.name).\(a.column.name.name)` without a default fails if `\(a.table.name)` has rows",
                           at: a.column.name.span, statement: step.statement,
                           help: "add a `default`, or add it nullable, backfill, then `alter column \(a.table.name).\(a.column.name.name) set not null`")
        }
    }
}
