// The dump of data changes: `insert`, `update`, `delete` and `case` expressions.

extension Dumper {
    mutating func dataStatement(_ s: Statement) {
        let reverse: DataReverse?
        switch s.operation {
        case .insert(let o):
            line("insert " + name(o.table) + " " + list(o.columns) + trailing(s.trivia), s.span)
            nested { d in
                for r in o.rows { d.line("row" + r.values.map { " " + d.expr($0) }.joined(), r.span) }
            }
            reverse = o.reverse
        case .update(let o):
            line("update " + name(o.table) + trailing(s.trivia), s.span)
            nested { d in
                for a in o.assignments { d.line("set \(d.name(a.column)) " + d.expr(a.value), a.value.span) }
                if let p = o.predicate { d.line("where " + d.expr(p), p.span) }
            }
            reverse = o.reverse
        case .delete(let o):
            line("delete " + name(o.table) + trailing(s.trivia), s.span)
            nested { d in
                if let p = o.predicate { d.line("where " + d.expr(p), p.span) }
            }
            reverse = o.reverse
        default:
            return
        }
        nested { d in
            switch reverse {
            case .nothing(let span)?: d.line("reverse nothing", span)
            case .block(let b)?: d.block("reverse", b)
            case nil: break
            }
        }
    }

    func caseExpression(_ c: CaseExpression) -> String {
        var out = "(case"
        if let x = c.operand { out += " " + expr(x) }
        for w in c.whens { out += " (when \(expr(w.condition)) \(expr(w.result)))" }
        if let e = c.otherwise { out += " (else \(expr(e)))" }
        return out + ")"
    }
}
