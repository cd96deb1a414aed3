/// MIG139: a unique index or constraint on existing columns fails on duplicates.
public struct UniqueOnExistingData: LintRule {
    public static let description = LintDescription(
        code: .uniqueOnExistingData,
        rationale: """
            A unique index, unique constraint or primary key on columns that already hold data succeeds only \
            if no two rows share a value, which the development database rarely tells: the revision fails \
            in production, on any dialect. The same goes for an index made unique (dropped and created again \
            `unique` on the same columns). Check for duplicates (and remove them) before. Columns added in the \
            same revision, and tables created in it, are not reported, except a unique column added with a \
            default, which every existing row gets.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email varchar(320)
              }
            }
            """, """
            revision b2
            parent a1
            message "emails are unique"
            transaction off

            upgrade {
              create unique index users_email_key on users (email) concurrently
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email varchar(320)
              }
            }
            """, """
            revision b2
            parent a1
            message "emails are unique"
            transaction off

            upgrade {
              -- migc:allow MIG139 - duplicates were removed by the cleanup job
              create unique index users_email_key on users (email) concurrently
            }
            """)],
        peers: LintPeers(atlas: ["MF101", "MF102"]))

    public static let operations: Set<OpKind>? = [.createIndex, .addConstraint, .addColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            let s = step.statement
            switch s.operation {
            case .createIndex(let c) where c.unique:
                guard let existing = existingColumn(c.columns.map(\.name.name), of: c.table.name, r) else { return nil }
                let madeUnique = r.before.indexes(on: c.table.name).contains { !$0.unique && $0.columns.map(\.name.name) == c.columns.map(\.name.name) }
                return finding((madeUnique ? "making index `\(c.name.name)` unique" : "unique index `\(c.name.name)`")
                               + " fails if two rows of `\(c.table.name)` share a value of `\(existing)`",
                               at: c.name.span, statement: s, help: "look for duplicates first (and remove them)")
            case .addConstraint(let a) where a.usingIndex == nil:
                let columns: [Identifier]
                switch a.kind {
                case .unique(let cols), .primaryKey(let cols): columns = cols
                default: return nil
                }
                guard let existing = existingColumn(columns.map(\.name), of: a.table.name, r) else { return nil }
                return finding("`\(a.name.name)` fails if two rows of `\(a.table.name)` share a value of `\(existing)`",
                               at: a.name.span, statement: s, help: "look for duplicates first (and remove them)")
            case .addColumn(let a) where r.existed(a.table.name):
                let kinds = a.column.modifiers.map(\.kind)
                guard kinds.contains(.unique) || kinds.contains(.primaryKey),
                      let value = kinds.lazy.compactMap({ if case .defaultValue(let e) = $0, e.kind != .null { e } else { nil } }).first else { return nil }
                return finding("every existing row of `\(a.table.name)` gets `\(a.column.name.name)` = `\(Printer.print(value))`: the unique key fails with two rows",
                               at: a.column.name.span, statement: s, help: "add it without a default (NULLs do not collide), backfill distinct values, then add the default")
            default:
                return nil
            }
        }
    }

    /// The first of `columns` that held data before the revision, if the table did.
    private func existingColumn(_ columns: [String], of table: String, _ r: CheckedRevision) -> String? {
        guard let before = r.before.tables[table] else { return nil }
        return columns.first { before.column(named: $0) != nil }
    }
}
