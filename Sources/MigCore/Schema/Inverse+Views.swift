// Inverses of the view and comment ops: each restores what the model held before.

extension Inverse {
    static func ofViewOrComment(_ op: Operation, in before: Schema, span: SourceSpan) -> [Statement] {
        let s = { (op: Operation) in Statement(op, span: span) }
        switch op {
        case .createView(let v):
            return [s(.dropView(DropView(name: plain(v.name))))]
        case .replaceView(let v):
            return before.views[v.name.name].map { [s(.replaceView($0.definition))] } ?? []
        case .dropView(let d):
            return before.views[d.name.name].map { [s(.createView($0.definition))] } ?? []
        case .renameView(let r):
            return [s(.renameView(RenameView(name: plain(r.newName), newName: plain(r.name))))]
        case .comment(let c):
            let previous: String?
            switch c.target {
            case .table(let t): previous = before.tables[t.name]?.comment
            case .column(let t, let col): previous = before.tables[t.name]?.column(named: col.name)?.comment
            }
            let target: CommentOn.Target = switch c.target {
            case .table(let t): .table(plain(t))
            case .column(let t, let col): .column(plain(t), plain(col))
            }
            return [s(.comment(CommentOn(target: target, text: previous.map { StringLiteral($0) })))]
        default:
            return []
        }
    }
}

extension View {
    /// The `create view` that defines it again, its dependencies written out.
    public var definition: ViewDefinition {
        ViewDefinition(name: Identifier(name), depends: dependsOn.map { Identifier($0) }, body: StringLiteral(body))
    }
}

extension Table {
    /// `comment on` statements restoring this table's comments (after a re-create).
    func commentStatements(span: SourceSpan) -> [Statement] {
        var out: [Statement] = []
        if let comment {
            out.append(Statement(.comment(CommentOn(target: .table(Identifier(name)), text: StringLiteral(comment))), span: span))
        }
        for column in columns {
            if let c = columnCommentStatement(column.name, span: span) { out.append(c) }
        }
        return out
    }

    func columnCommentStatement(_ column: String, span: SourceSpan) -> Statement? {
        guard let text = self.column(named: column)?.comment else { return nil }
        return Statement(.comment(CommentOn(target: .column(Identifier(name), Identifier(column)), text: StringLiteral(text))), span: span)
    }
}
