// SQLite's "move and copy" rebuild, planned across one revision's steps.
//
// A table needing a rebuild becomes *pending*: later ops on the same table are
// absorbed into it (tracking where each new column's values come from), and the
// rebuild is emitted once, from the model after the last absorbed op, when an op
// mentions the table otherwise (an index, a rename, a foreign key to it, raw SQL) or
// the revision ends. Ops on other tables pass through in order; they cannot observe
// the pending table's columns, so the result is the same as rebuilding after every op.
//
//   guard: stop if T has columns, constraints, indexes or triggers the model does not know
//   CREATE TABLE "_migc_new_T" (...)                   -- the model's table
//   INSERT INTO "_migc_new_T" (cols) SELECT exprs FROM "T"
//   DROP TABLE "T"
//   ALTER TABLE "_migc_new_T" RENAME TO "T"            -- legacy mode: views on T survive
//   CREATE INDEX ...                                   -- T's indexes from the model
//   foreign key check of T and the tables referencing it (fails the statement)
//
// T, its indexes and the tables referencing it are read from the schema where the
// rebuild runs, not where it was last absorbed: ops passed through meanwhile may have
// dropped or renamed a table T references or that references T (issue 11 #2).
//
// The connection keeps foreign_keys OFF while migrating (SQLiteDriver), as SQLite
// cannot switch it inside a transaction; scripts from `build` turn it off first.

struct SQLiteRebuildPlanner {
    let backend: SQLiteBackend
    private var output: [SQLStatement] = []
    private var pending: [PendingRebuild] = []
    /// The schema at the current point of the output (what a flushed rebuild sees).
    private var current: Schema?

    init(backend: SQLiteBackend) { self.backend = backend }

    mutating func add(_ step: OpStep) {
        let op = step.statement.operation
        current = step.before
        defer { current = step.after }
        if case .sql = op {
            flushAll()
        } else if case .alterEnum = op {
            return rebuildTablesUsingEnum(step)
        } else {
            let local = Self.localTable(op)
            for table in Self.tablesMentioned(op, step) where table != local { flush(table) }
            if let local {
                if let i = pending.firstIndex(where: { $0.table == local }) {
                    pending[i].absorb(step)
                    return
                }
                if backend.needsRebuild(step) {
                    pending.append(PendingRebuild(table: local, first: step))
                    return
                }
            }
        }
        output += backend.renderInPlace(step, transactional: true).map { SQLStatement($0, origin: step.statement.span) }
    }

    /// An enum's values changed: every table with a column of it is rebuilt (joining
    /// a pending rebuild of the table, or starting one).
    private mutating func rebuildTablesUsingEnum(_ step: OpStep) {
        guard case .alterEnum(let a) = step.statement.operation else { return }
        let tables = Set(step.after.columns(usingEnum: a.name.name).filter { use in
            if case .enumeration = step.after.tables[use.table]?.column(named: use.column)?.type { true } else { false }
        }.map(\.table))
        for table in tables.sorted() {
            if let i = pending.firstIndex(where: { $0.table == table }) {
                pending[i].absorb(step)
            } else {
                pending.append(PendingRebuild(table: table, first: step))
            }
        }
    }

    mutating func finish() -> [SQLStatement] {
        flushAll()
        return output
    }

    private mutating func flushAll() {
        for rebuild in pending { output += statements(for: rebuild) }
        pending.removeAll()
    }

    private mutating func flush(_ table: String) {
        guard let i = pending.firstIndex(where: { $0.table == table }) else { return }
        output += statements(for: pending.remove(at: i))
    }

    /// The table an op changes without touching anything else (what can join a rebuild).
    private static func localTable(_ op: Operation) -> String? {
        switch op {
        case .addColumn(let o): o.table.name
        case .dropColumn(let o): o.table.name
        case .renameColumn(let o): o.table.name
        case .alterColumn(let o): o.table.name
        case .addConstraint(let o): o.table.name
        case .dropConstraint(let o): o.table.name
        default: nil
        }
    }

    /// Every table an op reads or changes.
    private static func tablesMentioned(_ op: Operation, _ step: OpStep) -> [String] {
        switch op {
        case .createTable(let o):
            let targets = step.after.tables[o.name.name]?.foreignKeys.values.map(\.referencedTable) ?? []
            return [o.name.name] + targets
        case .dropTable(let o): return [o.name.name]
        case .renameTable(let o): return [o.name.name, o.newName.name]
        case .createIndex(let o): return [o.table.name]
        case .dropIndex(let o): return step.before.indexes[o.name.name].map { [$0.table] } ?? []
        case .createView(let v), .replaceView(let v): return step.after.views[v.name.name]?.dependsOn ?? []
        case .addConstraint(let o):
            if case .foreignKey(_, let target) = o.kind { return [o.table.name, target.table.name] }
            return [o.table.name]
        case .addColumn(let o):
            let fks = step.after.tables[o.table.name]?.foreignKeys.values.map(\.referencedTable) ?? []
            return [o.table.name] + fks
        case .insert, .update, .delete: return op.dataTable.map { [$0.name] } ?? []
        default: return localTable(op).map { [$0] } ?? []
        }
    }

    private func statements(for rebuild: PendingRebuild) -> [SQLStatement] {
        let name = rebuild.table
        // The schema where the rebuild runs: ops passed through meanwhile may have
        // renamed a table it references, or dropped one referencing it (issue 11 #2).
        let schema = current ?? rebuild.last.after
        guard let table = schema.tables[name] else { return [] }
        let q = backend.quote
        let temporary = "_migc_new_" + name
        var texts = SQLiteRebuildGuard.statements(table: name, known: rebuild.known, backend: backend)
        texts[0] = "-- migc: rebuild table \(SQLText.commentText(q(name))): SQLite cannot alter it in place; "
            + "stop first if the live table has what the model does not know\n" + texts[0]
        texts.append(backend.createTable(table, as: temporary))
        let copied = table.columns.compactMap { column in rebuild.sources[column.name].map { (column.name, $0) } }
        if !copied.isEmpty {
            texts.append(
                "INSERT INTO \(q(temporary)) (\(copied.map { q($0.0) }.joined(separator: ", ")))\n"
                    + "  SELECT \(copied.map { $0.1.sql(backend) }.joined(separator: ", ")) FROM \(q(name))")
        }
        if rebuild.hadAutoincrement && backend.inlinesPrimaryKey(table) {
            // Keep AUTOINCREMENT's high-water mark: dropping T deletes its counter.
            texts += [
                "DELETE FROM \"sqlite_sequence\" WHERE \"name\" = \(backend.literal(temporary))",
                "INSERT INTO \"sqlite_sequence\" (\"name\", \"seq\")\n  SELECT \(backend.literal(temporary)), \"seq\" "
                    + "FROM \"sqlite_sequence\" WHERE \"name\" = \(backend.literal(name))",
            ]
        }
        texts += [
            "DROP TABLE \(q(name))",
            "PRAGMA legacy_alter_table = ON",
            "ALTER TABLE \(q(temporary)) RENAME TO \(q(name))",
            "PRAGMA legacy_alter_table = OFF",
        ]
        texts += schema.indexes(on: name).map { backend.createIndex($0, in: table) }
        texts += foreignKeyCheck(of: table, in: schema)
        return texts.map { SQLStatement($0, origin: rebuild.origin) }
    }

    /// Counts foreign key violations of the table and of every table referencing it
    /// into a temp table whose CHECK fails on a non-zero count, so both the runner
    /// and `sqlite3 < script` stop on a violation.
    private func foreignKeyCheck(of table: Table, in schema: Schema) -> [String] {
        let referencing = schema.tables.values.filter { other in
            other.name != table.name && other.foreignKeys.values.contains { $0.referencedTable == table.name }
        }.sorted { $0.name < $1.name }
        guard !table.foreignKeys.isEmpty || !referencing.isEmpty else { return [] }
        let counts = ([table] + referencing).map {
            "(SELECT count(*) FROM pragma_foreign_key_check(\(backend.literal($0.name))))"
        }
        return [
            "CREATE TEMP TABLE IF NOT EXISTS \"_migc_fk_check\" (\"violations\" INTEGER "
                + "CONSTRAINT \"foreign key violations after table rebuild\" CHECK (\"violations\" = 0))",
            "INSERT INTO temp.\"_migc_fk_check\" (\"violations\") SELECT " + counts.joined(separator: " + "),
        ]
    }
}

/// A rebuild being collected: the table, where each current column's values come
/// from in the old table, and the last absorbed step (whose `after` is the target).
/// `alter column ... using` is postgres-only (see AlterColumn); here values keep
/// SQLite's type affinity conversion on copy.
struct PendingRebuild {
    let table: String
    let origin: SourceSpan
    /// Current column name -> where its values come from in the old table.
    var sources: [String: Source]

    /// An old column, or, for a column added since, the value `add column` gave the
    /// existing rows (its default then, else NULL) — not whatever default it ends with.
    indirect enum Source {
        case column(String)
        case value(Expr?)
        /// An enum value renamed while the table was pending.
        case renamingValue(Source, from: String, to: String)

        func sql(_ backend: SQLiteBackend) -> String {
            switch self {
            case .column(let name): backend.quote(name)
            case .value(let expr): expr.map(backend.render) ?? "NULL"
            case .renamingValue(let source, let from, let to):
                "CASE \(source.sql(backend)) WHEN \(backend.literal(from)) THEN \(backend.literal(to)) ELSE \(source.sql(backend)) END"
            }
        }

        /// The same value as an expression over the old table (for a backfill).
        var expression: Expr {
            switch self {
            case .column(let name): Expr(.column(Identifier(name)))
            case .value(let expr): expr ?? Expr(.null)
            case .renamingValue(let source, let from, let to):
                Expr(.caseWhen(CaseExpression(operand: source.expression, whens: [CaseWhen(condition: Expr(.string(from)), result: Expr(.string(to)))],
                                              otherwise: source.expression)))
            }
        }
    }
    var last: OpStep
    /// The table had an AUTOINCREMENT key (a counter in `sqlite_sequence`).
    let hadAutoincrement: Bool
    /// What the model knows of the live table before the rebuild (for the guard).
    let known: SQLiteRebuildGuard.Known

    init(table: String, first step: OpStep) {
        self.table = table
        self.origin = step.statement.span
        self.last = step
        let before = step.before.tables[table] ?? Table(name: table)
        let columns = before.columns
        self.known = SQLiteRebuildGuard.Known(before, indexes: step.before.indexes(on: table), backend: SQLiteBackend())
        self.hadAutoincrement = step.before.tables[table].map(SQLiteBackend().inlinesPrimaryKey) ?? false
        self.sources = Dictionary(columns.map { ($0.name, .column($0.name)) }, uniquingKeysWith: { first, _ in first })
        absorb(step)
    }

    mutating func absorb(_ step: OpStep) {
        last = step
        switch step.statement.operation {
        case .renameColumn(let op):
            sources[op.newName.name] = sources.removeValue(forKey: op.column.name)
        case .dropColumn(let op):
            sources.removeValue(forKey: op.column.name)
        case .addColumn(let op):
            let added = step.after.tables[table]?.column(named: op.column.name.name)
            sources[op.column.name.name] = .value(op.backfill.map(valueFromOldTable) ?? added?.defaultValue)
        case .alterEnum(let op):
            guard case .renameValue(let v, let w) = op.change else { break }
            // Arrays of an enum are plain JSON text on SQLite: only enum columns map.
            let columns = step.after.tables[table]?.columns.filter { if case .enumeration = $0.type { true } else { false } } ?? []
            for use in step.after.columns(usingEnum: op.name.name) where use.table == table && columns.contains(where: { $0.name == use.column }) {
                if let source = sources[use.column] { sources[use.column] = .renamingValue(source, from: v.value, to: w.value) }
            }
        default: break
        }
    }
}
