import MigCore

/// What `migc check` compares of views, comments and index clauses, per dialect
/// (both sides reduced alike):
/// - views by name and by the tables and views they read; bodies only on SQLite,
///   which stores migc's `CREATE VIEW` text as sent (PostgreSQL and MySQL store a
///   rewritten query, so a body difference there cannot be told from reformatting);
/// - comments on PostgreSQL and MySQL; SQLite has none, so they are dropped;
/// - index clauses on PostgreSQL (`using btree` equals no `using`); SQLite and MySQL
///   create the index without them (MIG807), so they are dropped.
enum ViewComparison {
    static func normalized(_ schema: Schema, for dialect: Dialect, expected: Bool) -> Schema {
        var out = schema
        out.views = schema.views.mapValues { view in
            var view = view
            view.body = dialect == .sqlite ? ViewText.body(view.body) : ""
            view.definedAt = .synthesized
            return view
        }
        out.indexes = out.indexes.mapValues { index in
            var index = index
            if dialect != .postgres { index.options = IndexOptions() }
            if index.options.method == .btree { index.options.method = nil }
            // Expression keys as the database shows them back (casts and quotes dropped).
            index.columns = index.columns.map { key in
                guard let e = key.expression else { return key }
                let shown = SchemaComparison.canonical(expected ? SchemaComparison.roundTrip(e, dialect) : e)
                return IndexColumn(expression: shown, descending: key.descending)
            }
            return index
        }
        if dialect == .sqlite {
            for (name, var table) in out.tables where table.comment != nil || table.columns.contains(where: { $0.comment != nil }) {
                table.comment = nil
                for i in table.columns.indices { table.columns[i].comment = nil }
                out.tables[name] = table
            }
        }
        return out
    }
}
