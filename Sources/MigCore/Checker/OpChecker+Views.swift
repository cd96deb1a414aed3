// Views, comments and index clauses (issue 12). Ops that would break a view are
// refused rather than rewritten: a view's body is SQL migc does not parse, so it
// cannot follow a renamed table or column on every engine (MySQL keeps the old
// name in the view, and a SQLite rebuild recreates it from the model's text).

extension OpChecker {
    mutating func checkViewOrComment(_ op: Operation) {
        switch op {
        case .createView(let v):
            checkNewRelationName(v.name, kind: "view", code: .viewExists)
            checkDependencies(v)
        case .replaceView(let v):
            guard view(v.name) != nil else { return }
            refuseIfUsedByViews(v.name.name, kind: "view", doing: "replace", at: v.name.span)
            checkDependencies(v)
        case .dropView(let d):
            guard view(d.name) != nil else { return }
            refuseIfUsedByViews(d.name.name, kind: "view", doing: "drop", at: d.name.span)
        case .renameView(let r):
            guard view(r.name) != nil else { return }
            checkNewRelationName(r.newName, kind: "view", code: .viewExists, allowing: r.name.name)
            refuseIfUsedByViews(r.name.name, kind: "view", doing: "rename", at: r.name.span)
        case .comment(let c):
            guard let t = table(c.table) else { return }
            if case .column(_, let col) = c.target { column(col, in: t) }
        default: break
        }
    }

    /// Refuses table and column changes that a view reading them would not survive.
    mutating func checkViewsOf(_ op: Operation) {
        guard !schema.views.isEmpty else { return }
        switch op {
        case .dropTable(let d): refuseIfUsedByViews(d.name.name, kind: "table", doing: "drop", at: d.name.span)
        case .renameTable(let r): refuseIfUsedByViews(r.name.name, kind: "table", doing: "rename", at: r.name.span)
        case .dropColumn(let d): refuseIfColumnUsedByViews(d.table.name, d.column, doing: "drop")
        case .renameColumn(let r): refuseIfColumnUsedByViews(r.table.name, r.column, doing: "rename")
        case .alterColumn(let a):
            if case .type = a.change { refuseIfColumnUsedByViews(a.table.name, a.column, doing: "change the type of") }
        default: break
        }
    }

    /// The view named `id`, or an "unknown view" error.
    mutating func view(_ id: Identifier) -> View? {
        if let v = schema.views[id.name] { return v }
        let isTable = schema.tables[id.name] != nil
        error(.unknownView, "unknown view `\(id.name)`", at: id.span,
              notes: isTable ? Self.note("`\(id.name)` is a table", schema.tables[id.name]!.definedAt) : [],
              help: isTable ? "tables are changed with the table ops" : Self.didYouMean(id.name, schema.views.keys))
        return nil
    }

    /// A table created under a view's name, or a view under a taken name.
    mutating func viewNameCollision(_ id: Identifier, kind: String, code: DiagnosticCode, allowing existing: String?) -> Bool {
        guard let v = schema.views[id.name] ?? schema.views.firstKey(where: { $0 != existing && $0.equalsIgnoringCase(id.name) }).flatMap({ schema.views[$0] }),
              v.name != existing else { return false }
        let message = kind == "view" && v.name == id.name ? "view `\(v.name)` already exists" : "\(kind) name `\(id.name)` is already used by view `\(v.name)`"
        error(code, message, at: id.span, notes: Self.note("view `\(v.name)` created here", v.definedAt))
        return true
    }

    private mutating func checkDependencies(_ v: ViewDefinition) {
        for dep in v.depends ?? [] where schema.tables[dep.name] == nil && schema.views[dep.name] == nil {
            let candidates = Array(schema.tables.keys) + Array(schema.views.keys)
            error(.unknownViewDependency, "view `\(v.name.name)` depends on unknown table or view `\(dep.name)`", at: dep.span,
                  help: Self.didYouMean(dep.name, candidates) ?? "`depends` names the tables and views the body reads")
        }
    }

    private mutating func refuseIfUsedByViews(_ name: String, kind: String, doing verb: String, at span: SourceSpan) {
        let users = schema.views(dependingOn: name)
        guard let first = users.first else { return }
        let list = users.map { "`\($0.name)`" }.joined(separator: ", ")
        error(.usedByView, "cannot \(verb) \(kind) `\(name)`: view\(users.count == 1 ? "" : "s") \(list) read\(users.count == 1 ? "s" : "") it", at: span,
              notes: Self.note("view `\(first.name)` created here", first.definedAt),
              help: "`drop view \(first.name)` first, and create it again afterwards")
    }

    private mutating func refuseIfColumnUsedByViews(_ table: String, _ column: Identifier, doing verb: String) {
        let users = schema.views(dependingOn: table).filter { $0.mentions(column: column.name) }
        guard let first = users.first else { return }
        let list = users.map { "`\($0.name)`" }.joined(separator: ", ")
        error(.columnUsedByView, "cannot \(verb) column `\(table).\(column.name)`: view\(users.count == 1 ? "" : "s") \(list) name\(users.count == 1 ? "s" : "") it", at: column.span,
              notes: Self.note("view `\(first.name)` created here", first.definedAt),
              help: "`drop view \(first.name)` first, and create it again afterwards")
    }

    /// `include` columns exist; `nulls not distinct` needs `unique`; a unique index
    /// and `include` need a method that supports them (PostgreSQL: B-tree; `include`
    /// also GiST).
    mutating func checkIndexOptions(_ c: CreateIndex, in t: Table) {
        let o = c.options
        for col in o.include {
            column(col, in: t)
            if c.columns.contains(where: { $0.name.name == col.name }) {
                error(.columnExists, "column `\(col.name)` is both a key and an `include` column of index `\(c.name.name)`", at: col.span)
            }
        }
        if o.nullsNotDistinct && !c.unique {
            error(.indexOptionMismatch, "`nulls not distinct` needs a unique index", at: c.name.span,
                  help: "write `create unique index`, or drop `nulls not distinct`")
        }
        guard let method = o.method, method != .btree else { return }
        if c.unique {
            error(.indexOptionMismatch, "a unique index must use `btree`, not `\(method.rawValue)`", at: c.name.span,
                  help: "PostgreSQL enforces uniqueness only with B-tree indexes")
        }
        if !o.include.isEmpty && method != .gist {
            error(.indexOptionMismatch, "`include` needs a `btree` or `gist` index, not `\(method.rawValue)`", at: c.name.span)
        }
        if c.columns.contains(where: \.descending) {
            error(.indexOptionMismatch, "`desc` needs a `btree` index, not `\(method.rawValue)`", at: c.name.span)
        }
    }
}
