// Data changes in canonical form: one line each, except an insert of several rows
// (one row a line under it) and a `reverse { ... }` block (its statements indented).

extension Printer {
    static func dataOperation(_ op: Operation) -> [Lines.Line] {
        var lines: [Lines.Line]
        let reverse: DataReverse?
        switch op {
        case .insert(let i):
            let head = "insert into " + quoted(i.table.name) + " " + columnList(i.columns) + " values"
            if i.rows.count == 1 {
                lines = [Lines.Line(depth: 0, text: head + " " + row(i.rows[0]))]
            } else {
                lines = [Lines.Line(depth: 0, text: head)]
                for (n, r) in i.rows.enumerated() {
                    lines.append(Lines.Line(depth: 1, text: row(r) + (n == i.rows.count - 1 ? "" : ",")))
                }
            }
            reverse = i.reverse
        case .update(let u):
            let sets = u.assignments.map { quoted($0.column.name) + " = " + print($0.value) }.joined(separator: ", ")
            lines = [Lines.Line(depth: 0, text: "update " + quoted(u.table.name) + " set " + sets + predicate(u.predicate))]
            reverse = u.reverse
        case .delete(let d):
            lines = [Lines.Line(depth: 0, text: "delete from " + quoted(d.table.name) + predicate(d.predicate))]
            reverse = d.reverse
        default:
            return []
        }
        switch reverse {
        case .nothing?:
            lines[lines.count - 1].text += " reverse nothing"
        case .block(let block)?:
            lines[lines.count - 1].text += " reverse {"
            var body = Lines()
            statements(block.statements, depth: 1, into: &body)
            body.comments(block.trailingComments, depth: 1)
            lines += body.lines.compactMap { $0 }
            lines.append(Lines.Line(depth: 0, text: "}"))
        case nil:
            break
        }
        return lines
    }

    private static func row(_ r: InsertRow) -> String {
        "(" + r.values.map(print).joined(separator: ", ") + ")"
    }

    private static func predicate(_ e: Expr?) -> String {
        e.map { " where " + print($0) } ?? ""
    }

    /// ` backfill EXPR` of an `add column`, or nothing.
    static func backfill(_ a: AddColumn) -> String {
        a.backfill.map { " backfill " + print($0) } ?? ""
    }

    /// The operand is parenthesized when it would not read as one: when it starts
    /// with `(` (`case (a) ...` could be a call) or with a word that ends an operand.
    static func caseExpression(_ c: CaseExpression) -> String {
        c.written({ e in
            let text = Printer.print(e)
            guard e == c.operand else { return text }
            let first = text.prefix { $0.isLetter || $0 == "_" }.lowercased()
            return text.hasPrefix("(") || ["then", "else", "end", "when"].contains(first) ? "(" + text + ")" : text
        }, uppercase: false)
    }
}
