/// MIG107: an op that rewrites the whole table (PostgreSQL type changes, SQLite rebuilds).
public struct TableRewrite: LintRule {
    public static let description = LintDescription(
        code: .tableRewrite,
        rationale: """
            Some changes copy every row: on PostgreSQL, `alter column ... type` rewrites the table under an \
            exclusive lock (unless the new type is binary-compatible, e.g. a longer `varchar` or `text`); on \
            SQLite, altering a column or adding or dropping a constraint rebuilds the table (create, copy, \
            drop, rename). On a large existing table both take long and block writers.
            """,
        triggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                id int primary key
                payload text
              }
            }
            """, """
            revision b2
            parent a1
            message "events with bigint ids"

            upgrade {
              alter column events.id type bigint
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "events"

            upgrade {
              create table events {
                id int primary key
                payload text
              }
            }
            """, """
            revision b2
            parent a1
            message "events source"

            upgrade {
              add column events.source text
            }
            """)],
        peers: LintPeers(atlas: ["PG301"], squawk: ["changing-column-type"], strongMigrations: ["change_column"]))

    public static let operations: Set<OpKind>? = [.alterColumn, .addConstraint, .dropConstraint]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard let table = Self.table(of: step.statement.operation), r.before.tables[table] != nil else { return nil }
            var dialects: [String] = []
            if config.targets("postgres"), case .alterColumn(let a) = step.statement.operation, case .type(let t, _) = a.change,
               let old = step.before.tables[table]?.column(named: a.column.name)?.type, !Self.binaryCompatible(old, t.type) {
                dialects.append("rewrites `\(table)` on postgres")
            }
            if config.targets("sqlite"), Self.rebuildsOnSQLite(step.statement.operation) {
                dialects.append("rebuilds `\(table)` on sqlite")
            }
            guard !dialects.isEmpty else { return nil }
            return finding("this change \(dialects.joined(separator: " and ")), copying every row",
                           at: step.statement.span, statement: step.statement,
                           help: "run it when the table is small or writes can wait")
        }
    }

    static func table(of op: Operation) -> String? {
        switch op {
        case .alterColumn(let a): a.table.name
        case .addConstraint(let a): a.table.name
        case .dropConstraint(let d): d.table.name
        default: nil
        }
    }

    static func rebuildsOnSQLite(_ op: Operation) -> Bool {
        switch op {
        case .alterColumn, .addConstraint, .dropConstraint: true
        default: false
        }
    }

    /// PostgreSQL changes the type without touching rows.
    static func binaryCompatible(_ old: ColumnType, _ new: ColumnType) -> Bool {
        switch (old, new) {
        case (.varchar(let n), .varchar(let m)): m >= n
        case (.varchar, .text), (.char, .text): true
        // `text(n)` is plain text on postgres.
        case (.text, .sizedText), (.sizedText, .text), (.sizedText, .sizedText), (.varchar, .sizedText), (.char, .sizedText): true
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)): s1 == s2 && (p2 ?? 1000) >= (p1 ?? 1000)
        default: old == new
        }
    }
}
