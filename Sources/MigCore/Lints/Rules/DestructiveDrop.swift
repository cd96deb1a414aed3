/// MIG102: dropping a table or column that holds data.
public struct DestructiveDrop: LintRule {
    public static let description = LintDescription(
        code: .destructiveDrop,
        rationale: """
            `drop table` and `drop column` delete data. The derived downgrade brings the table or column \
            back, but empty. Make sure the data is no longer needed (or copied elsewhere) first.
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
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            switch step.statement.operation {
            case .dropTable(let d) where r.before.tables[d.name.name] != nil:
                return finding("dropping table `\(d.name.name)` deletes its rows", at: d.name.span, statement: step.statement,
                               help: "the downgrade recreates the table, but empty")
            case .dropColumn(let d) where r.before.tables[d.table.name]?.column(named: d.column.name) != nil:
                return finding("dropping column `\(d.table.name).\(d.column.name)` deletes its data", at: d.column.span, statement: step.statement,
                               help: "the downgrade recreates the column, but empty")
            default:
                return nil
            }
        }
    }
}
