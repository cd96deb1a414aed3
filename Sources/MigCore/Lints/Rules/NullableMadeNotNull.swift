/// MIG140: `set not null` on an existing nullable column fails if a row holds NULL.
public struct NullableMadeNotNull: LintRule {
    public static let description = LintDescription(
        code: .nullableMadeNotNull,
        rationale: """
            `set not null` on a column that has been nullable fails as soon as one row holds NULL, which a \
            development database rarely shows (MySQL without strict mode instead silently turns the NULLs into \
            the type's zero value). Backfill first: a `sql` block with an `UPDATE` of the column earlier in the \
            same revision, or a check `c is not null` on the table, silences it. Columns of tables created in \
            the same revision are not reported.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                plan text
              }
            }
            """, """
            revision b2
            parent a1
            message "plans are required"

            upgrade {
              -- migc:allow MIG107, MIG134 - a small table
              alter column users.plan set not null
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                plan text
              }
            }
            """, """
            revision b2
            parent a1
            message "plans are required"

            upgrade {
              update users set plan = "free" where plan is null reverse nothing
              -- migc:allow MIG107, MIG134 - a small table
              alter column users.plan set not null
            }
            """)],
        peers: LintPeers(atlas: ["MF104", "LT101"], squawk: ["adding-not-nullable-field"], strongMigrations: ["change_column_null_mysql"]))

    public static let operations: Set<OpKind>? = [.alterColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        var out: [LintFinding] = []
        for (i, step) in r.upgrade.enumerated() {
            guard case .alterColumn(let a) = step.statement.operation, case .setNotNull = a.change, r.existed(a.table.name),
                  r.before.tables[a.table.name]?.column(named: a.column.name) != nil,
                  let table = step.before.tables[a.table.name], table.column(named: a.column.name)?.nullable == true,
                  !table.hasNotNullCheck(on: a.column.name),
                  !Self.backfilled(a, in: r.upgrade[..<i]) else { continue }
            out.append(finding("`set not null` on `\(a.table.name).\(a.column.name)` fails if a row of `\(a.table.name)` holds NULL",
                               at: a.column.span, statement: step.statement,
                               help: "backfill first: `update \(a.table.name) set \(a.column.name) = ... where \(a.column.name) is null` before it"))
        }
        return out
    }

    /// An earlier `update` of the column, or a `sql` block that looks like one (a backfill).
    static func backfilled(_ a: AlterColumn, in steps: ArraySlice<OpStep>) -> Bool {
        steps.contains { step in
            switch step.statement.operation {
            case .update(let u):
                return u.table.name == a.table.name && u.assignments.contains { $0.column.name == a.column.name }
            case .sql(let raw):
                let text = raw.text.value.lowercased()
                return text.contains("update") && text.contains(a.table.name.lowercased()) && text.contains(a.column.name.lowercased())
            default:
                return false
            }
        }
    }
}
