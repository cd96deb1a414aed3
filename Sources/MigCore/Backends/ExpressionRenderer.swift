// Renders the portable expression language. Parentheses follow a precedence scale
// that is valid in all three dialects; where their precedences differ (`||`, `not`,
// comparisons chained), operands are parenthesized so every dialect reads the tree
// the same way.

/// Binding strength of rendered text; higher binds tighter.
private enum Level {
    static let or = 1, and = 2, not = 3, comparison = 4, concat = 5
    static let additive = 6, multiplicative = 7, unary = 8, atom = 10
}

struct ExpressionRenderer<Rules: DialectRules> {
    let rules: Rules

    func render(_ expr: Expr) -> String { go(expr).text }

    private func go(_ expr: Expr) -> (text: String, level: Int) {
        switch expr.kind {
        case .number(let text):
            return (SQLText.isNumeral(text) ? text : rules.literal(text), Level.atom)
        case .string(let s): return (rules.literal(s), Level.atom)
        case .bool(let b): return (rules.boolLiteral(b), Level.atom)
        case .null, .invalid: return ("NULL", Level.atom)
        case .column(let id): return (rules.quote(id.name), Level.atom)
        case .currentTimestamp: return (rules.currentTimestampSQL, Level.atom)
        case .currentDate: return (rules.currentDateSQL, Level.atom)
        case .call(let name, let args):
            let fn = SQLText.isPlainIdentifier(name.name) ? name.name : rules.quote(name.name)
            return (fn + "(" + args.map(render).joined(separator: ", ") + ")", Level.atom)
        case .unary(let op, let operand):
            return unary(op, operand)
        case .binary(let op, let l, let r):
            return binary(op, l, r)
        case .isNull(let e, let negated):
            return (wrap(e, below: Level.concat) + (negated ? " IS NOT NULL" : " IS NULL"), Level.comparison)
        case .inList(let e, let list, let negated):
            guard !list.isEmpty else { return (negated ? "(1 = 1)" : "(1 = 0)", Level.atom) }
            let items = list.map(render).joined(separator: ", ")
            return (wrap(e, below: Level.concat) + (negated ? " NOT IN (" : " IN (") + items + ")", Level.comparison)
        case .between(let e, let lo, let hi, let negated):
            let text = wrap(e, below: Level.concat) + (negated ? " NOT BETWEEN " : " BETWEEN ")
                + wrap(lo, below: Level.concat) + " AND " + wrap(hi, below: Level.concat)
            return (text, Level.comparison)
        case .caseWhen(let c):
            return (c.written(render, uppercase: true), Level.atom)
        }
    }

    private func unary(_ op: UnaryOperator, _ operand: Expr) -> (text: String, level: Int) {
        switch op {
        case .not: ("NOT " + wrap(operand, below: Level.unary), Level.not)
        // Operand parenthesized unless atomic, so `- -1` never becomes a `--` comment.
        case .negate: ("-" + wrap(operand, below: Level.atom), Level.unary)
        case .plus: ("+" + wrap(operand, below: Level.atom), Level.unary)
        }
    }

    private func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr) -> (text: String, level: Int) {
        if op == .concat {
            if rules.concatenatesWithFunction { return ("CONCAT(" + render(l) + ", " + render(r) + ")", Level.atom) }
            return (wrap(l, below: Level.unary) + " || " + wrap(r, below: Level.unary), Level.concat)
        }
        let level = switch op.precedence {
        case 1: Level.or
        case 2: Level.and
        case 4: Level.comparison
        case 6: Level.additive
        default: Level.multiplicative
        }
        // Comparisons do not chain; everything else is left-associative.
        let leftMin = level == Level.comparison ? level + 1 : level
        let text = wrap(l, below: leftMin) + " " + keyword(op) + " " + wrap(r, below: level + 1)
        return (text, level)
    }

    private func keyword(_ op: BinaryOperator) -> String {
        switch op {
        case .or: "OR"
        case .and: "AND"
        default: op.rawValue
        }
    }

    /// The operand's text, parenthesized when it binds looser than `minimum`.
    private func wrap(_ expr: Expr, below minimum: Int) -> String {
        let (text, level) = go(expr)
        return level < minimum ? "(" + text + ")" : text
    }
}
