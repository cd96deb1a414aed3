/// MIG137: a foreign key added to an existing table is verified while both tables are locked.
public struct ForeignKeyWithoutNotValid: LintRule {
    public static let description = LintDescription(
        code: .foreignKeyWithoutNotValid,
        rationale: """
            Adding a foreign key to an existing table (`add foreign key`, or `add column` with `references`) \
            checks every row against the referenced table. On PostgreSQL both tables are locked against \
            writes (SHARE ROW EXCLUSIVE) for the whole check; on MySQL the referencing table is copied. On \
            PostgreSQL, add it `not valid` (instant: only new rows are checked), then `validate constraint F \
            on T` (checks the rows without blocking writes, possibly in a later revision). Tables created in \
            the same revision are not reported. Only reported when the project targets postgres or mysql (or \
            no single dialect).
            """,
        triggering: [LintExample("""
            revision a1
            message "users and posts"

            upgrade {
              create table users {
                id bigint primary key
              }
              create table posts {
                id bigint primary key
                author_id bigint
              }
              create index posts_author_id_idx on posts (author_id)
            }
            """, """
            revision b2
            parent a1
            message "posts reference users"

            upgrade {
              -- migc:allow MIG107 - sqlite copies are small
              add foreign key posts_author_fk on posts (author_id) references users (id)
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users and posts"

            upgrade {
              create table users {
                id bigint primary key
              }
              create table posts {
                id bigint primary key
                author_id bigint
              }
              create index posts_author_id_idx on posts (author_id)
              add foreign key posts_author_fk on posts (author_id) references users (id)
            }
            """)],
        peers: LintPeers(squawk: ["adding-foreign-key-constraint", "constraint-missing-not-valid"], strongMigrations: ["add_foreign_key", "add_reference"]))

    public static let operations: Set<OpKind>? = [.addConstraint, .addColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres") || config.targets("mysql") else { return [] }
        return r.upgrade.compactMap { step in
            let s = step.statement
            switch s.operation {
            case .addConstraint(let a) where !a.notValid && r.existed(a.table.name):
                guard case .foreignKey(_, let target) = a.kind else { return nil }
                return report(a.name.name, table: a.table.name, referenced: target.table.name, at: a.name.span, s)
            case .addColumn(let a) where r.existed(a.table.name):
                for m in a.column.modifiers {
                    if case .references(let target) = m.kind { return report("`\(a.table.name).\(a.column.name.name)`'s", table: a.table.name, referenced: target.table.name, at: m.span, s) }
                }
                return nil
            default:
                return nil
            }
        }
    }

    private func report(_ name: String, table: String, referenced: String, at span: SourceSpan, _ s: Statement) -> LintFinding {
        let tables = table == referenced ? "`\(table)`" : "`\(table)` and `\(referenced)`"
        let what = name.hasPrefix("`") ? "\(name) foreign key" : "foreign key `\(name)`"
        return finding("adding \(what) checks every row of `\(table)` while writes to \(tables) wait",
                       at: span, statement: s,
                       help: "on postgres, add it `not valid`, then `validate constraint` in a later revision")
    }
}
