/// MIG116: a derived downgrade that cannot run on a table with rows.
public struct DowngradeNeedsEmptyTable: LintRule {
    public static let description = LintDescription(
        code: .downgradeNeedsEmptyTable,
        rationale: """
            The derived downgrade of `drop column` re-adds the column and fills the existing rows: NULL when it \
            is nullable, its default when it has one, else its type's zero value (see MIG102). Some columns \
            cannot be filled so: a NOT NULL column without a default whose type has no zero value (`blob`, a \
            custom type) fails on any row, and a column of a primary key, unique key or unique index filled \
            with one value fails as soon as the table has two rows. Write the `downgrade` block (re-add the column nullable, \
            backfill, then restore the key), or accept a downgrade that needs an empty table.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email varchar(320) not null unique
              }
            }
            """, """
            revision b2
            parent a1
            message "drop email"

            upgrade {
              -- migc:allow MIG102 - emails moved to accounts
              drop column users.email
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email varchar(320) unique
              }
            }
            """, """
            revision b2
            parent a1
            message "drop email"

            upgrade {
              -- migc:allow MIG102 - emails moved to accounts
              drop column users.email
            }
            """)])

    public static let operations: Set<OpKind>? = [.dropColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard r.downgradeIsDerived else { return [] }
        return r.upgrade.compactMap { step in
            guard case .dropColumn(let d) = step.statement.operation, let t = r.before.tables[d.table.name],
                  let c = t.column(named: d.column.name) else { return nil }
            let name = "`\(t.name).\(c.name)`"
            guard let fill = c.refillValue else {
                return finding("the derived downgrade cannot re-add \(name) to a table with rows", at: d.column.span, statement: step.statement,
                               help: "it is NOT NULL without a default and `\(c.type.displayName)` has no zero value: write a `downgrade` block")
            }
            if case .null = fill.kind { return nil }
            let keys = (t.primaryKey.map { [($0.name, $0.columns)] } ?? []) + t.uniques.values.map { ($0.name, $0.columns) }
                + r.before.indexes(on: t.name).filter(\.unique).map { ($0.name, $0.columns.map(\.name.name)) }
            guard let key = keys.sorted(by: { $0.0 < $1.0 }).first(where: { $0.1.contains(c.name) }) else { return nil }
            return finding("the derived downgrade cannot restore key `\(key.0)` if `\(t.name)` has two rows or more", at: d.column.span, statement: step.statement,
                           help: "it re-adds \(name) with `\(Printer.print(fill))` in every row: write a `downgrade` block")
        }
    }
}
