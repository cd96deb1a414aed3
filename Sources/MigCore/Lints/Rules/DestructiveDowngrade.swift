/// MIG114: a downgrade, written or derived, that drops a table or column.
///
/// MIG102 looks at upgrades; a downgrade deletes data just the same: undoing
/// `create table` drops the table with every row written since, undoing `add
/// column` drops the column's values. A note by default, since undoing a create is
/// usually the point; projects that downgrade production databases raise it to a
/// warning or an error (`LintConfig.severities`).
public struct DestructiveDowngrade: LintRule {
    public static let description = LintDescription(
        code: "MIG114", title: "downgrade deletes data",
        rationale: """
            `migc downgrade` runs the downgrade block, or the one derived from the upgrade: undoing `create table` \
            drops the table with every row written since the upgrade, undoing `add column` drops the column's \
            values. Nothing asks first. Know which revisions' downgrades lose data before running them on a \
            database that matters; silence this on the upgrade op (derived) or the downgrade op (written) with \
            `-- migc:allow MIG114 - reason`.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              -- migc:allow MIG114 - a fresh table: nothing to lose in development
              create table users {
                id bigint primary key
              }
            }
            """)],
        defaultSeverity: .note)

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.downgradeIsDerived ? derived(r) : written(r)
    }

    /// A derived downgrade drops exactly what the upgrade created: report at the creation.
    private func derived(_ r: CheckedRevision) -> [LintFinding] {
        guard r.downgrade != nil else { return [] }
        return r.upgrade.compactMap { step in
            switch step.statement.operation {
            case .createTable(let c):
                finding("the derived downgrade drops table `\(c.name.name)` with every row written since", at: c.name.span,
                        statement: step.statement, help: "copy the rows elsewhere before downgrading past this revision")
            case .addColumn(let a):
                finding("the derived downgrade drops column `\(a.table.name).\(a.column.name.name)` and its values", at: a.column.name.span,
                        statement: step.statement, help: "copy the values elsewhere before downgrading past this revision")
            default: nil
            }
        }
    }

    private func written(_ r: CheckedRevision) -> [LintFinding] {
        (r.downgrade ?? []).compactMap { step in
            switch step.statement.operation {
            case .dropTable(let d) where step.before.tables[d.name.name] != nil:
                finding("the downgrade drops table `\(d.name.name)` with its rows", at: d.name.span, statement: step.statement)
            case .dropColumn(let d) where step.before.tables[d.table.name]?.column(named: d.column.name) != nil:
                finding("the downgrade drops column `\(d.table.name).\(d.column.name)` and its values", at: d.column.span, statement: step.statement)
            default: nil
            }
        }
    }
}
