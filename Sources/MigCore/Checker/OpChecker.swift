// Name resolution and typing of one operation against the schema as it stands
// before it. Each check reports at the identifier it is about, with a note at the
// definition it collides with or depends on, and "did you mean" for typos.
//
// Names compare exactly for lookups (the model is case-preserving), but a new name
// that differs from an existing one only by case is a collision: SQLite and MySQL
// fold case, so `Users` and `users` are the same table there.

public struct OpChecker: Sendable {
    public private(set) var schema: Schema
    public var diagnostics: [Diagnostic] = []

    /// Autoincrement columns of tables created in this block: each must be its
    /// table's single-column primary key by the end of the block (`finish()`), so a
    /// `create table` may be followed by `add primary key`.
    var pendingAutoincrement: [PendingAutoincrement] = []
    var deferKeyChecks = false
    /// The schema after the op being checked, when a check already computed it.
    var folded: Schema?

    struct PendingAutoincrement: Sendable {
        var table: String
        var column: String
        var span: SourceSpan
    }

    public init(schema: Schema) { self.schema = schema }

    /// Checks what can only be judged at the end of a block.
    public mutating func finish() {
        for p in pendingAutoincrement {
            guard let t = schema.tables[p.table], let c = t.column(named: p.column), c.autoincrement, c.type.isInteger else { continue }
            checkAutoincrement(c.name, type: c.type, table: t, at: p.span)
        }
        pendingAutoincrement = []
    }

    /// Checks `statement` against the current schema, then folds it in.
    public mutating func check(_ statement: Statement) {
        checkEnumUses(statement.operation)
        checkViewsOf(statement.operation)
        switch statement.operation {
        case .createTable(let c): checkCreateTable(c)
        case .dropTable(let d): checkDropTable(d)
        case .renameTable(let r): checkRenameTable(r)
        case .addColumn(let a): checkAddColumn(a)
        case .dropColumn(let d): checkDropColumn(d)
        case .renameColumn(let r): checkRenameColumn(r)
        case .alterColumn(let a): checkAlterColumn(a)
        case .createIndex(let c): checkCreateIndex(c)
        case .dropIndex(let d): checkDropIndex(d)
        case .addConstraint(let a): checkAddConstraint(a)
        case .dropConstraint(let d): checkDropConstraint(d)
        case .validateConstraint(let v): checkValidateConstraint(v)
        case .sql: break
        case .insert, .update, .delete: checkDataChange(statement.operation)
        case .createEnum, .dropEnum, .renameEnum, .alterEnum: checkEnumOperation(statement.operation)
        case .createView, .replaceView, .dropView, .renameView, .comment: checkViewOrComment(statement.operation)
        }
        let before = schema
        schema = folded ?? schema.applying(statement.operation)
        folded = nil
        switch statement.operation {
        case .createTable(let c): checkDuplicateKeys(of: c.name.name, before: before, after: schema)
        case .addColumn(let a): checkDuplicateKeys(of: a.table.name, before: before, after: schema)
        case .addConstraint(let a): checkDuplicateKeys(of: a.table.name, before: before, after: schema)
        default: break
        }
        // Autoincrement columns whose primary key is now in place are settled.
        pendingAutoincrement.removeAll { p in schema.tables[p.table].map { $0.primaryKey?.columns == [p.column] } ?? true }
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, notes: [DiagnosticNote] = [], help: String? = nil) {
        diagnostics.append(.error(message, at: span, code: code, notes: notes, help: help))
    }

    static func note(_ message: String, _ span: SourceSpan) -> [DiagnosticNote] {
        span.isSynthesized ? [] : [DiagnosticNote(message, at: span)]
    }

    static func didYouMean(_ name: String, _ candidates: some Sequence<String>) -> String? {
        Suggest.closest(to: name, in: candidates.filter { $0 != name }).map { "did you mean `\($0)`?" }
    }

    // MARK: Lookups that report

    /// The table named `id`, or an "unknown table" error.
    mutating func table(_ id: Identifier) -> Table? {
        if let t = schema.tables[id.name] { return t }
        error(.unknownTable, "unknown table `\(id.name)`", at: id.span,
              help: Self.didYouMean(id.name, schema.tables.keys))
        return nil
    }

    /// The column `id` of `table`, or an "unknown column" error.
    @discardableResult
    mutating func column(_ id: Identifier, in table: Table) -> Column? {
        if let c = table.column(named: id.name) { return c }
        error(.unknownColumn, "unknown column `\(table.name).\(id.name)`", at: id.span,
              notes: Self.note("table `\(table.name)` created here", table.definedAt),
              help: Self.didYouMean(id.name, table.columns.map(\.name)))
        return nil
    }

    /// Every column of an expression must exist in `table`.
    mutating func checkColumns(of expr: Expr, in table: Table) {
        for id in expr.referencedColumns { column(id, in: table) }
    }

    /// A new table or index name must not collide with a table, an index, or an
    /// index-backed constraint (PostgreSQL keeps them all in one namespace), ignoring case.
    mutating func checkNewRelationName(_ id: Identifier, kind: String, code: DiagnosticCode, allowing existing: String? = nil) {
        checkNewName(id, kind: kind)
        if viewNameCollision(id, kind: kind, code: code, allowing: existing) { return }
        let name = id.name
        if let t = schema.tables[name] ?? schema.tables.firstKey(where: { $0 != existing && $0.equalsIgnoringCase(name) }).flatMap({ schema.tables[$0] }), t.name != existing {
            let what = t.name == name ? "table `\(t.name)` already exists" : "\(kind) `\(name)` collides with table `\(t.name)` (names are case-insensitive in SQLite and MySQL)"
            error(code, kind == "table" ? what : "\(kind) name `\(name)` is already used by table `\(t.name)`",
                  at: id.span, notes: Self.note("table `\(t.name)` created here", t.definedAt))
            return
        }
        // Keys only: iterating values would copy every index.
        if let i = schema.indexes[name] ?? schema.indexes.firstKey(where: { $0.equalsIgnoringCase(name) }).flatMap({ schema.indexes[$0] }) {
            let message = kind == "index" && i.name == name ? "index `\(i.name)` already exists"
                : "\(kind) name `\(name)` is already used by index `\(i.name)`"
            error(code, message, at: id.span, notes: Self.note("index `\(i.name)` created here", i.definedAt))
            return
        }
        var hits: [(Table, String)] = []
        schema.tables.forEachValue { t in
            if let pk = t.primaryKey, pk.name.equalsIgnoringCase(name) { hits.append((t, pk.name)) }
            for u in t.uniques.keys where u.equalsIgnoringCase(name) { hits.append((t, u)) }
        }
        if let (t, n) = hits.min(by: { ($0.0.name, $0.1) < ($1.0.name, $1.1) }) {
            error(code, "\(kind) name `\(name)` is already used by \(t.constraintKind(n) ?? "constraint") `\(n)` on `\(t.name)`",
                  at: id.span, notes: Self.note("\(t.constraintKind(n) ?? "constraint") `\(n)` defined here", t.constraintSpan(n) ?? .synthesized))
        }
    }

    /// Foreign keys (of any table) whose target is `table`, by table then name.
    func foreignKeys(referencing table: String) -> [(Table, ForeignKey)] {
        var out: [(Table, ForeignKey)] = []
        for t in schema.tables.values where !t.foreignKeys.isEmpty {
            for fk in t.foreignKeys.values where fk.referencedTable == table { out.append((t, fk)) }
        }
        return out.sorted { ($0.0.name, $0.1.name) < ($1.0.name, $1.1.name) }
    }

    // MARK: Tables

    mutating func checkCreateTable(_ c: CreateTable) {
        checkNewRelationName(c.name, kind: "table", code: .tableExists)
        var seen: [String: Identifier] = [:]
        for column in c.columns {
            checkNewName(column.name, kind: "column")
            let folded = column.name.name.lowercased()
            if let first = seen[folded] {
                error(.columnExists, "duplicate column `\(column.name.name)` in table `\(c.name.name)`",
                      at: column.name.span, notes: Self.note("column `\(first.name)` first defined here", first.span))
            } else {
                seen[folded] = column.name
            }
        }
        guard schema.tables[c.name.name] == nil else { return }
        if !schema.tables.keys.contains(where: { $0.equalsIgnoringCase(c.name.name) }) {
            for column in c.columns { checkAutomaticNames(of: column, table: c.name.name, existing: nil) }
            for constraint in c.constraints {
                if case .primaryKey = constraint.kind { checkAutomaticPrimaryKeyName(table: c.name.name, at: constraint.span) }
            }
        }
        for constraint in c.constraints {
            if case .unique(let n, _) = constraint.kind {
                checkNewRelationName(n, kind: "constraint", code: .constraintExists)
            }
        }
        // Check columns and constraints against the table as created (self-references work).
        let created = schema.applying(.createTable(c))
        folded = created
        guard let table = created.tables[c.name.name] else { return }
        var inner = OpChecker(schema: created)
        inner.deferKeyChecks = true
        var primaryKeys: [SourceSpan] = []
        for column in c.columns {
            inner.checkColumnDefinition(column, table: table, existingPrimaryKey: nil)
            primaryKeys += column.modifiers.filter { $0.kind == .primaryKey }.map(\.span)
        }
        var names: [String: SourceSpan] = [:]
        for constraint in c.constraints {
            inner.checkTableConstraint(constraint, table: table, names: &names)
            if case .primaryKey = constraint.kind { primaryKeys.append(constraint.span) }
        }
        for span in primaryKeys.dropFirst() {
            inner.error(.multiplePrimaryKeys, "table `\(c.name.name)` has more than one primary key", at: span,
                        notes: Self.note("first primary key here", primaryKeys[0]),
                        help: "use one table-level `primary key (a, b)` for a composite key")
        }
        diagnostics += inner.diagnostics
        pendingAutoincrement += inner.pendingAutoincrement
    }

    mutating func checkTableConstraint(_ constraint: TableConstraint, table: Table, names: inout [String: SourceSpan]) {
        func claim(_ n: Identifier) {
            if let first = names[n.name.lowercased()] {
                error(.constraintExists, "duplicate constraint `\(n.name)` in table `\(table.name)`", at: n.span,
                      notes: Self.note("first defined here", first))
            } else {
                names[n.name.lowercased()] = n.span
            }
        }
        switch constraint.kind {
        case .primaryKey(let cols):
            cols.forEach { column($0, in: table) }
        case .unique(let n, let cols):
            claim(n)
            cols.forEach { column($0, in: table) }
        case .foreignKey(let n, let cols, let target):
            claim(n)
            checkForeignKey(columns: cols, target: target, table: table)
        case .check(let n, let e):
            claim(n)
            checkColumns(of: e, in: table)
        }
    }

    mutating func checkDropTable(_ d: DropTable) {
        guard let t = table(d.name) else { return }
        for (other, fk) in foreignKeys(referencing: t.name) where other.name != t.name {
            do {
                error(.tableInUse, "cannot drop table `\(t.name)`: foreign key `\(fk.name)` on `\(other.name)` references it",
                      at: d.name.span, notes: Self.note("foreign key `\(fk.name)` defined here", fk.definedAt),
                      help: "drop the constraint first: `drop constraint \(fk.name) on \(other.name)`")
                return
            }
        }
    }

    mutating func checkRenameTable(_ r: RenameTable) {
        guard table(r.name) != nil else { return }
        checkNewRelationName(r.newName, kind: "table", code: .tableExists, allowing: r.name.name)
    }
}

extension String {
    /// ASCII case-insensitive equality, without allocating (SQLite and MySQL fold
    /// identifiers this way).
    func equalsIgnoringCase(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        var i = a.startIndex, j = b.startIndex
        while i != a.endIndex {
            let x = a[i], y = b[j]
            if x != y {
                let lx = x >= 65 && x <= 90 ? x | 0x20 : x, ly = y >= 65 && y <= 90 ? y | 0x20 : y
                if lx != ly { return false }
            }
            i = a.index(after: i)
            j = b.index(after: j)
        }
        return true
    }
}
