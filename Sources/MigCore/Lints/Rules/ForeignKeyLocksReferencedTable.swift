/// MIG138: a new table's foreign key locks the existing table it references.
public struct ForeignKeyLocksReferencedTable: LintRule {
    public static let description = LintDescription(
        code: .foreignKeyLocksReferencedTable,
        rationale: """
            Creating a table with a foreign key to an existing table takes a SHARE ROW EXCLUSIVE lock on the \
            referenced table on PostgreSQL: writes to it wait until the revision commits, and the lock itself \
            waits behind any long transaction on it (every query queued after it then waits too). Keep such \
            a revision short (no backfills or slow ops after the `create table`), and let the runner's lock \
            timeout bound the wait. A note: there is nothing to fix, only to know. Not reported when the \
            referenced table is created in the same revision. Only reported when the project targets \
            postgres (or no single dialect).
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
            message "posts"

            upgrade {
              create table posts {
                id bigint primary key
                author_id bigint references users (id)
              }
              create index posts_author_id_idx on posts (author_id)
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
                author_id bigint references users (id)
              }
              create index posts_author_id_idx on posts (author_id)
            }
            """)],
        peers: LintPeers(strongMigrations: ["add_foreign_key"]))

    public static let operations: Set<OpKind>? = [.createTable]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres") else { return [] }
        var out: [LintFinding] = []
        for step in r.upgrade {
            guard case .createTable(let c) = step.statement.operation else { continue }
            var targets: [(String, SourceSpan)] = []
            for column in c.columns {
                for m in column.modifiers { if case .references(let t) = m.kind { targets.append((t.table.name, t.table.span)) } }
            }
            for k in c.constraints { if case .foreignKey(_, _, let t) = k.kind { targets.append((t.table.name, t.table.span)) } }
            var seen: Set<String> = []
            for (table, span) in targets where table != c.name.name && r.existed(table) && seen.insert(table).inserted {
                out.append(finding("creating `\(c.name.name)` with a foreign key to `\(table)` blocks writes to `\(table)` until the revision commits (postgres)",
                                   at: span, statement: step.statement,
                                   help: "keep this revision short; the runner's lock timeout bounds the wait for the lock"))
            }
        }
        return out
    }
}
