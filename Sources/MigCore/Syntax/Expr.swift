/// An expression of the small portable language used by defaults, checks and
/// partial-index predicates. Parentheses are not kept: the printer re-inserts them
/// from precedence, so `parse(print(e)) == e`.
public struct Expr: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        /// A numeral as written (`42`, `1.5`, `1e3`): kept as text so nothing is lost.
        case number(String)
        case string(String)
        case bool(Bool)
        case null
        case column(Identifier)
        case currentTimestamp
        case currentDate
        case call(name: Identifier, arguments: [Expr])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        case isNull(Expr, negated: Bool)
        case inList(Expr, [Expr], negated: Bool)
        case between(Expr, lower: Expr, upper: Expr, negated: Bool)
        /// `case [x] when a then b ... [else c] end`.
        case caseWhen(CaseExpression)
        /// Placeholder left by error recovery; never in a tree without errors.
        case invalid
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, span: SourceSpan = .synthesized) {
        self.kind = kind
        self.span = span
    }
}

public enum UnaryOperator: String, Hashable, Sendable {
    case negate = "-"
    case plus = "+"
    case not = "not"
}

/// Binary operators, loosest first: `or`, `and`, comparisons, `||`, `+ -`, `* / %`.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case or, and
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case concat = "||"
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/", remainder = "%"

    /// Higher binds tighter. `not`, `is null`, `in`, `between` sit between `and` and
    /// the comparisons (as in PostgreSQL).
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: 4
        case .concat: 5
        case .add, .subtract: 6
        case .multiply, .divide, .remainder: 7
        }
    }
}

extension Expr {
    /// Every column name the expression mentions (for name resolution and renames).
    public var referencedColumns: [Identifier] {
        var out: [Identifier] = []
        visit { if case .column(let id) = $0.kind { out.append(id) } }
        return out
    }

    /// Pre-order walk.
    public func visit(_ body: (Expr) -> Void) {
        body(self)
        switch kind {
        case .call(_, let args): args.forEach { $0.visit(body) }
        case .unary(_, let e), .isNull(let e, _): e.visit(body)
        case .binary(_, let l, let r): l.visit(body); r.visit(body)
        case .inList(let e, let list, _): e.visit(body); list.forEach { $0.visit(body) }
        case .between(let e, let lo, let hi, _): e.visit(body); lo.visit(body); hi.visit(body)
        case .caseWhen(let c): c.children.forEach { $0.visit(body) }
        default: break
        }
    }

    /// The same expression with every column reference renamed by `rename`.
    public func renamingColumns(_ rename: (String) -> String) -> Expr {
        func go(_ e: Expr) -> Expr {
            var e = e
            switch e.kind {
            case .column(var id): id.name = rename(id.name); e.kind = .column(id)
            case .call(let n, let args): e.kind = .call(name: n, arguments: args.map(go))
            case .unary(let op, let x): e.kind = .unary(op, go(x))
            case .binary(let op, let l, let r): e.kind = .binary(op, go(l), go(r))
            case .isNull(let x, let neg): e.kind = .isNull(go(x), negated: neg)
            case .inList(let x, let list, let neg): e.kind = .inList(go(x), list.map(go), negated: neg)
            case .between(let x, let lo, let hi, let neg): e.kind = .between(go(x), lower: go(lo), upper: go(hi), negated: neg)
            case .caseWhen(let c): e.kind = .caseWhen(c.map(go))
            default: break
            }
            return e
        }
        return go(self)
    }
}
