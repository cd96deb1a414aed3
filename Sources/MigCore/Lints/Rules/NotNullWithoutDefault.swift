/// MIG104: a `not null` column without a default added to a table that may have rows.
public struct NotNullWithoutDefault: LintRule {
    public static let description = LintDescription(
        code: .notNullWithoutDefault,
        rationale: """
            Adding a `not null` column with no default to a table created by an earlier revision fails as \
            soon as the table has a row: the existing rows have no value for it. Give it a default, or add \
            it nullable, backfill, then `set not null`. MySQL and MariaDB do not fail: they silently give \
            every existing row the type's implicit default (`''` for text, `0` for numbers, a zero date), which \
            is rarely the value wanted; the message says so when the project's dialect is mysql.
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
            """)],
        peers: LintPeers(atlas: ["MF103", "MY101"], squawk: ["adding-required-field"]))

    public static let operations: Set<OpKind>? = [.addColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .addColumn(let a) = step.statement.operation, r.before.tables[a.table.name] != nil, a.backfill == nil else { return nil }
            let kinds = a.column.modifiers.map(\.kind)
            let notNull = kinds.contains(.notNull) || kinds.contains(.primaryKey)
            let hasDefault = kinds.contains { if case .defaultValue = $0 { true } else { false } } || kinds.contains(.autoincrement)
            guard notNull, !hasDefault else { return nil }
            let column = "`\(a.table.name).\(a.column.name.name)`"
            let message = config.dialect == "mysql"
                ? "adding not-null column \(column) without a default silently fills the existing rows of "
                    + "`\(a.table.name)` with mysql's implicit default, \(Self.mysqlImplicitDefault(a.column.type.type))"
                : "adding not-null column \(column) without a default fails if `\(a.table.name)` has rows"
                    + (config.dialect == nil ? " (mysql instead fills in its implicit default silently)" : "")
            return finding(message, at: a.column.name.span, statement: step.statement,
                           help: "add a `default`, or fill the existing rows: `... not null backfill EXPR`")
        }
    }

    /// What MySQL/MariaDB store in existing rows for a new `NOT NULL` column without
    /// a default (checked on MariaDB by MySQLImplicitDefaultTests).
    static func mysqlImplicitDefault(_ type: ColumnType) -> String {
        switch type {
        case .text, .sizedText, .varchar, .char, .uuid, .blob, .unboundedVarchar, .interval: "`''`"
        case .enumeration: "the enum's first value"
        case .smallint, .int, .bigint, .real, .double, .decimal, .bool: "`0`"
        case .date, .timestamp, .timestamptz: "a zero date, refused by MySQL 8 in strict mode"
        case .time: "`00:00:00`"
        case .json, .jsonText, .array, .custom: "the type's zero value"
        }
    }
}
