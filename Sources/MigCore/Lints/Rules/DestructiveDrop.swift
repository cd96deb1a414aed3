/// MIG102: dropping a table or column that holds data.
public struct DestructiveDrop: LintRule {
    public static let description = LintDescription(
        code: .destructiveDrop,
        rationale: """
            `drop table` and `drop column` delete data. The derived downgrade brings the table back empty, \
            and the column back without its values: NULL in every row when it is nullable, its default when it \
            has one, else (NOT NULL without a default) its type's zero value (0, false, "", 1970-01-01...), \
            added as a default and dropped right after. Make sure the data is no longer needed (or copied \
            elsewhere) first.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                nickname text
              }
            }
            """, """
            revision b2
            parent a1
            message "drop nickname"

            upgrade {
              drop column users.nickname
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                nickname text
              }
            }
            """, """
            revision b2
            parent a1
            message "drop nickname"

            upgrade {
              -- migc:allow MIG102 - nicknames were never shown anywhere
              drop column users.nickname
            }
            """)],
        peers: LintPeers(atlas: ["DS102", "DS103"], squawk: ["ban-drop-column", "ban-drop-table"], strongMigrations: ["remove_column"]))

    public static let operations: Set<OpKind>? = [.dropTable, .dropColumn]

    public init() {}

    /// Exactly what the derived downgrade does to the rows (see `Inverse.restoreColumn`).
    static func restoreHelp(_ c: Column) -> String {
        if c.nullable && c.defaultValue == nil { return "the derived downgrade re-adds the column, NULL in every row" }
        if let d = c.defaultValue { return "the derived downgrade re-adds the column with its default `\(Printer.print(d))`, which every row gets" }
        if let zero = c.type.zeroValue {
            return "the derived downgrade re-adds the column NOT NULL with default `\(Printer.print(zero))` (its type's zero value) "
                + "for the existing rows, then drops that default"
        }
        return "the derived downgrade re-adds the column NOT NULL without a default, which fails on a table with rows: "
            + "write a `downgrade` block"
    }

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            switch step.statement.operation {
            case .dropTable(let d) where r.before.tables[d.name.name] != nil:
                return finding("dropping table `\(d.name.name)` deletes its rows", at: d.name.span, statement: step.statement,
                               help: "the downgrade recreates the table, but empty")
            case .dropColumn(let d):
                guard let column = r.before.tables[d.table.name]?.column(named: d.column.name) else { return nil }
                return finding("dropping column `\(d.table.name).\(d.column.name)` deletes its data", at: d.column.span, statement: step.statement,
                               help: Self.restoreHelp(column))
            default:
                return nil
            }
        }
    }
}
