/// MIG106: renaming a table or column that deployed code still uses.
public struct RenameInUse: LintRule {
    public static let description = LintDescription(
        code: .renameInUse,
        rationale: """
            Code deployed before the migration still uses the old name and breaks the moment the rename \
            commits. Prefer expand and contract: add the new column, write both, backfill, switch reads, \
            then drop the old one. Renames of objects created in the same revision are not reported.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                mail text
              }
            }
            """, """
            revision b2
            parent a1
            message "rename mail"

            upgrade {
              rename column users.mail to email
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                mail text
              }
            }
            """, """
            revision b2
            parent a1
            message "add email"

            upgrade {
              add column users.email text
            }
            """)],
        peers: LintPeers(atlas: ["BC101", "BC102"], squawk: ["renaming-column", "renaming-table"], strongMigrations: ["rename_column", "rename_table"]))

    public static let operations: Set<OpKind>? = [.renameTable, .renameColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            switch step.statement.operation {
            case .renameTable(let t) where r.before.tables[t.name.name] != nil:
                return finding("renaming table `\(t.name.name)` breaks code that still uses the old name", at: t.name.span, statement: step.statement)
            case .renameColumn(let c) where r.before.tables[c.table.name]?.column(named: c.column.name) != nil:
                return finding("renaming column `\(c.table.name).\(c.column.name)` breaks code that still uses the old name", at: c.column.span, statement: step.statement)
            default:
                return nil
            }
        }
    }
}
