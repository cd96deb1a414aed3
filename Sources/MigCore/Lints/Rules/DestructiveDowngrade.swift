/// MIG114: a downgrade, written or derived, that drops a table or column.
///
/// MIG102 looks at upgrades; a downgrade deletes data just the same: undoing
/// `create table` drops the table with every row written since, undoing `add
/// column` drops the column's values. A note by default, since undoing a create is
/// usually the point; projects that downgrade production databases raise it to a
/// warning or an error (`[lint.severity]` in migc.toml).
public struct DestructiveDowngrade: LintRule {
    public static let description = LintDescription(
        code: .destructiveDowngrade,
        rationale: """
            `migc downgrade` runs the downgrade block, or the one derived from the upgrade: undoing `create table` \
            drops the table with every row written since the upgrade, undoing `add column` drops the column's \
            values. Nothing asks first. Know which revisions' downgrades lose data before running them on a \
            database that matters. A derived downgrade gets one note per revision, at its header; a written \
            one a note per drop. Silence it in the header or on the downgrade op with `-- migc:allow MIG114 - reason`.
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
            -- migc:allow MIG114 - a fresh table: nothing to lose in development
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
              }
            }
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.downgradeIsDerived ? derived(r) : written(r)
    }

    /// A derived downgrade drops exactly what the upgrade created: one note per
    /// revision, at its header (a baseline creating 3,000 tables gets one line).
    private func derived(_ r: CheckedRevision) -> [LintFinding] {
        guard r.downgrade != nil else { return [] }
        var tables: [String] = [], columns: [String] = []
        for step in r.upgrade {
            switch step.statement.operation {
            case .createTable(let c): tables.append("`\(c.name.name)`")
            case .addColumn(let a): columns.append("`\(a.table.name).\(a.column.name.name)`")
            default: break
            }
        }
        guard !tables.isEmpty || !columns.isEmpty else { return [] }
        func list(_ kind: String, _ names: [String]) -> String? {
            guard !names.isEmpty else { return nil }
            let shown = names.prefix(5).joined(separator: ", ")
            return "\(kind)\(names.count == 1 ? "" : "s") \(shown)\(names.count > 5 ? " and \(names.count - 5) more" : "")"
        }
        let what = [list("table", tables), list("column", columns)].compactMap { $0 }.joined(separator: " and ")
        let span = r.file.header.revision?.span ?? r.file.span
        return [finding("the derived downgrade of `\(r.id)` drops \(what), with the data written since", at: span, statement: nil,
                        help: "copy the data elsewhere before downgrading past this revision; `-- migc:allow MIG114` in the header once that is settled")]
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
