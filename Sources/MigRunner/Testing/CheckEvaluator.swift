import MigCore

/// A value while evaluating a check constraint against a generated row.
enum CheckValue: Equatable {
    case null
    case number(Double)
    case text(String)
    case bool(Bool)
    /// Beyond the evaluator (a function it does not know, a blob).
    case unknown
}

/// Evaluates the portable expression language of checks on one generated row, so
/// the generator only inserts rows the database will accept. SQL's three-valued
/// logic: a check passes when it is true or NULL. `.unknown` means "cannot tell":
/// the generator then skips the table and says why.
enum CheckEvaluator {
    static func passes(_ expr: Expr, row: [String: CheckValue]) -> Bool? {
        switch evaluate(expr, row) {
        case .bool(let b): b
        case .null: true
        case .number(let n): n != 0
        default: nil
        }
    }

    static func evaluate(_ expr: Expr, _ row: [String: CheckValue]) -> CheckValue {
        switch expr.kind {
        case .number(let n): return Double(n).map(CheckValue.number) ?? .unknown
        case .string(let s): return .text(s)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .column(let id): return row[id.name] ?? .unknown
        case .unary(let op, let e):
            let v = evaluate(e, row)
            switch (op, v) {
            case (_, .null): return .null
            case (.not, .bool(let b)): return .bool(!b)
            case (.negate, .number(let n)): return .number(-n)
            case (.plus, .number): return v
            default: return .unknown
            }
        case .binary(let op, let l, let r): return binary(op, evaluate(l, row), evaluate(r, row))
        case .isNull(let e, let negated):
            let v = evaluate(e, row)
            if v == .unknown { return .unknown }
            return .bool((v == .null) != negated)
        case .inList(let e, let list, let negated):
            let v = evaluate(e, row)
            if v == .null { return .null }
            let values = list.map { evaluate($0, row) }
            if v == .unknown || values.contains(.unknown) { return .unknown }
            return .bool(values.contains { equal(v, $0) == true } != negated)
        case .between(let e, let lower, let upper, let negated):
            let v = evaluate(e, row), lo = evaluate(lower, row), hi = evaluate(upper, row)
            guard case .bool(let a) = binary(.greaterEqual, v, lo), case .bool(let b) = binary(.lessEqual, v, hi) else {
                return [v, lo, hi].contains(.unknown) ? .unknown : .null
            }
            return .bool((a && b) != negated)
        case .call(let name, let arguments):
            return call(name.name.lowercased(), arguments.map { evaluate($0, row) })
        default:
            return .unknown
        }
    }

    private static func call(_ name: String, _ args: [CheckValue]) -> CheckValue {
        if args.contains(.unknown) { return .unknown }
        switch (name, args.first) {
        case ("coalesce", _): return args.first { $0 != .null } ?? .null
        case (_, .null?) where args.count == 1: return .null
        case ("length", .text(let s)?), ("char_length", .text(let s)?): return .number(Double(s.count))
        case ("lower", .text(let s)?): return .text(s.lowercased())
        case ("upper", .text(let s)?): return .text(s.uppercased())
        case ("trim", .text(let s)?): return .text(s.trimmingWhitespace())
        case ("abs", .number(let n)?): return .number(abs(n))
        default: return .unknown
        }
    }

    private static func binary(_ op: BinaryOperator, _ l: CheckValue, _ r: CheckValue) -> CheckValue {
        if l == .unknown || r == .unknown { return .unknown }
        switch op {
        case .and:
            if l == .bool(false) || r == .bool(false) { return .bool(false) }
            if l == .null || r == .null { return .null }
            return .bool(true)
        case .or:
            if l == .bool(true) || r == .bool(true) { return .bool(true) }
            if l == .null || r == .null { return .null }
            return .bool(false)
        default: break
        }
        if l == .null || r == .null { return .null }
        switch op {
        case .equal: return equal(l, r).map(CheckValue.bool) ?? .unknown
        case .notEqual: return equal(l, r).map { .bool(!$0) } ?? .unknown
        case .less, .lessEqual, .greater, .greaterEqual:
            guard let order = compare(l, r) else { return .unknown }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .concat:
            guard let a = text(l), let b = text(r) else { return .unknown }
            return .text(a + b)
        case .add, .subtract, .multiply, .divide, .remainder:
            guard let a = number(l), let b = number(r) else { return .unknown }
            switch op {
            case .add: return .number(a + b)
            case .subtract: return .number(a - b)
            case .multiply: return .number(a * b)
            case .divide: return b == 0 ? .unknown : .number(a / b)
            default: return b == 0 ? .unknown : .number(a.truncatingRemainder(dividingBy: b))
            }
        default: return .unknown
        }
    }

    private static func equal(_ l: CheckValue, _ r: CheckValue) -> Bool? {
        compare(l, r).map { $0 == 0 }
    }

    /// Numbers compare as numbers (a numeric text too: foreign-key values come back
    /// as text), everything else as text.
    private static func compare(_ l: CheckValue, _ r: CheckValue) -> Int? {
        if let a = number(l), let b = number(r) { return a < b ? -1 : (a > b ? 1 : 0) }
        if case .bool(let a) = l, case .bool(let b) = r { return a == b ? 0 : (a ? 1 : -1) }
        guard let a = text(l), let b = text(r) else { return nil }
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    private static func number(_ v: CheckValue) -> Double? {
        switch v {
        case .number(let n): n
        case .text(let s): Double(s)
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    private static func text(_ v: CheckValue) -> String? {
        switch v {
        case .text(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        default: nil
        }
    }
}
