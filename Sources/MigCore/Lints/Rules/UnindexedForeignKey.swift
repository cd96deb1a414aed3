/// MIG110: a foreign key whose referencing columns have no index.
public struct UnindexedForeignKey: LintRule {
    public static let description = LintDescription(
        code: .unindexedForeignKey,
        rationale: """
            Deleting or updating a referenced row makes the database look up the referencing rows; without \
            an index on the foreign key's columns that is a full scan of the referencing table, under lock. \
            An index (or primary key or unique constraint) whose leading columns are the foreign key's \
            columns avoids it. Checked at the end of the revision that adds the foreign key. Not reported \
            when the project's dialect is mysql: InnoDB creates an index for every foreign key that has none.
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
                author_id bigint references users (id)
              }
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
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        // InnoDB indexes a foreign key's columns itself when no index leads with them.
        if config.dialect == "mysql" { return [] }
        var out: [LintFinding] = []
        // Foreign keys only appear on tables the revision's ops name.
        let named = Set(r.upgrade.flatMap { $0.statement.operation.tableNames })
        for table in named.sorted().compactMap({ r.after.tables[$0] }) {
            for fk in table.foreignKeys.values.sorted(by: { $0.name < $1.name }) {
                guard r.before.tables[table.name]?.foreignKeys[fk.name] == nil,
                      !Self.covered(fk.columns, table: table, schema: r.after) else { continue }
                // New means added here (not carried over by a rename).
                guard let statement = r.upgrade.first(where: { $0.after.tables[table.name]?.foreignKeys[fk.name] != nil })?.statement,
                      Self.addsForeignKeys(statement.operation) else { continue }
                out.append(finding("foreign key `\(fk.name)` on `\(table.name) (\(fk.columns.joined(separator: ", ")))` has no index",
                                   at: fk.definedAt, statement: statement,
                                   help: "add `create index \(table.name)_\(fk.columns.joined(separator: "_"))_idx on \(table.name) (\(fk.columns.joined(separator: ", ")))`"))
            }
        }
        return out
    }

    static func addsForeignKeys(_ op: Operation) -> Bool {
        switch op {
        case .createTable, .addColumn, .addConstraint: true
        default: false
        }
    }

    /// Some index or key starts with exactly these columns (in any order).
    static func covered(_ columns: [String], table: Table, schema: Schema) -> Bool {
        let wanted = Set(columns)
        let leads = { (cols: [String]) in cols.count >= columns.count && Set(cols.prefix(columns.count)) == wanted }
        if let pk = table.primaryKey, leads(pk.columns) { return true }
        if table.uniques.values.contains(where: { leads($0.columns) }) { return true }
        return schema.indexes(on: table.name).contains { $0.predicate == nil && leads($0.columns.map(\.name.name)) }
    }
}
