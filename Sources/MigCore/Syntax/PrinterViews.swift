// Views, comments and index clauses in canonical form (issue 12).

extension Printer {
    static func viewOrComment(_ op: Operation) -> String {
        switch op {
        case .createView(let v): "create view " + viewDefinition(v)
        case .replaceView(let v): "replace view " + viewDefinition(v)
        case .dropView(let d): "drop view " + quoted(d.name.name)
        case .renameView(let r): "rename view \(quoted(r.name.name)) to \(quoted(r.newName.name))"
        case .comment(let c): "comment on " + commentTarget(c.target) + " " + (c.text.map { stringLiteral($0.value) } ?? "null")
        default: ""
        }
    }

    private static func viewDefinition(_ v: ViewDefinition) -> String {
        let depends = v.depends.map { " depends " + columnList($0) } ?? ""
        return quoted(v.name.name) + depends + " as " + sqlLiteral(v.body.value)
    }

    private static func commentTarget(_ t: CommentOn.Target) -> String {
        switch t {
        case .table(let table): "table " + quoted(table.name)
        case .column(let table, let column): "column " + qualified(table, column)
        }
    }

    /// A key column, or an expression key: a call as written, anything else in parentheses.
    static func indexKey(_ key: IndexColumn) -> String {
        guard let e = key.expression else { return quoted(key.name.name) }
        if case .call = e.kind { return print(e) }
        return "(" + print(e) + ")"
    }

    /// ` using gin` before the columns.
    static func indexMethod(_ o: IndexOptions) -> String {
        o.method.map { " using " + $0.rawValue } ?? ""
    }

    /// ` include (a, b) nulls not distinct` after the columns.
    static func indexClauses(_ o: IndexOptions) -> String {
        (o.include.isEmpty ? "" : " include " + columnList(o.include)) + (o.nullsNotDistinct ? " nulls not distinct" : "")
    }
}

extension Dumper {
    func viewOrComment(_ op: Operation) -> String {
        switch op {
        case .createView(let v): "create-view " + viewDefinition(v)
        case .replaceView(let v): "replace-view " + viewDefinition(v)
        case .dropView(let d): "drop-view " + name(d.name)
        case .renameView(let r): "rename-view \(name(r.name)) to \(name(r.newName))"
        case .comment(let c):
            switch c.target {
            case .table(let t): "comment table \(name(t))" + (c.text.map { quote($0.value) } ?? " null")
            case .column(let t, let col): "comment column \(name(t)).\(name(col))" + (c.text.map { quote($0.value) } ?? " null")
            }
        default: ""
        }
    }

    private func viewDefinition(_ v: ViewDefinition) -> String {
        name(v.name) + (v.depends.map { " depends " + list($0) } ?? "") + " as" + quote(v.body.value)
    }

    func indexOptions(_ o: IndexOptions) -> String {
        var text = o.method.map { " using " + $0.rawValue } ?? ""
        if !o.include.isEmpty { text += " include " + list(o.include) }
        if o.nullsNotDistinct { text += " nulls-not-distinct" }
        return text
    }
}
