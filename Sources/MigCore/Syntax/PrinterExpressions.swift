// Expressions and types in canonical form. The AST keeps no parentheses, so they are
// re-inserted from precedence: only where leaving them out would parse differently.
//
// Levels, loosest first, as the parser has them: `or` 1, `and` 2, prefix `not` 3,
// comparisons and `is null` / `in` / `between` 4, `||` 5, `+ -` 6, `* / %` 7,
// unary `- +` 8, primaries 9. Level 4 is written unchained: `(a = b) = c`.

extension Printer {
    public static func print(_ expr: Expr) -> String {
        switch expr.kind {
        case .number(let text): return text
        case .string(let value): return stringLiteral(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .column(let name): return quoted(name.name)
        case .currentTimestamp: return "current_timestamp"
        case .currentDate: return "current_date"
        case .call(let name, let arguments):
            // A call's name is always a bare word (a quoted name is a column).
            return name.name + "(" + arguments.map(print).joined(separator: ", ") + ")"
        case .unary(let op, let operand): return unary(op, operand)
        case .binary(let op, let lhs, let rhs): return binary(op, lhs, rhs)
        case .isNull(let operand, let negated):
            return comparisonOperand(operand) + (negated ? " is not null" : " is null")
        case .inList(let operand, let list, let negated):
            let items = "(" + list.map(print).joined(separator: ", ") + ")"
            return comparisonOperand(operand) + (negated ? " not in " : " in ") + items
        case .between(let operand, let lower, let upper, let negated):
            return comparisonOperand(operand) + (negated ? " not between " : " between ")
                + bound(lower) + " and " + bound(upper)
        case .caseWhen(let c): return caseExpression(c)
        case .invalid: return "<invalid>"
        }
    }

    /// How tightly `expr` binds (see the table at the top of the file).
    static func precedence(_ expr: Expr) -> Int {
        switch expr.kind {
        case .binary(let op, _, _): op.precedence
        case .unary(.not, _): 3
        case .isNull, .inList, .between: 4
        case .unary: 8
        default: 9
        }
    }

    private static func parenthesised(_ expr: Expr, when condition: Bool) -> String {
        condition ? "(" + print(expr) + ")" : print(expr)
    }

    private static func unary(_ op: UnaryOperator, _ operand: Expr) -> String {
        if op == .not { return "not " + parenthesised(operand, when: precedence(operand) < 3) }
        var inner = print(operand)
        // `- -1` must not print as `--1` (a comment), nor `-+1` as something odd.
        if precedence(operand) < 8 || inner.hasPrefix("-") || inner.hasPrefix("+") {
            inner = "(" + inner + ")"
        }
        return op.rawValue + inner
    }

    private static func binary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr) -> String {
        let level = op.precedence
        // Left-associative; comparisons are also written unchained (SQL does not chain them).
        let left = parenthesised(lhs, when: precedence(lhs) < level || (level == 4 && precedence(lhs) == 4))
        let right = parenthesised(rhs, when: precedence(rhs) <= level)
        return left + " " + op.rawValue + " " + right
    }

    /// The operand before `is null`, `in`, `between` (comparison level, unchained).
    private static func comparisonOperand(_ expr: Expr) -> String {
        parenthesised(expr, when: precedence(expr) <= 4)
    }

    /// A `between` bound: parsed above the comparisons, so `and` stays the separator.
    private static func bound(_ expr: Expr) -> String {
        parenthesised(expr, when: precedence(expr) <= 4)
    }

    /// A `default` value inside a column definition: primaries and signed numbers
    /// bare, anything else in parentheses so the modifiers after it cannot be read
    /// as part of it (`default (a + 1) not null`).
    static func defaultValue(_ expr: Expr) -> String {
        switch expr.kind {
        case .unary(.negate, let operand), .unary(.plus, let operand):
            if case .number = operand.kind { return print(expr) }
            return "(" + print(expr) + ")"
        default:
            return precedence(expr) == 9 ? print(expr) : "(" + print(expr) + ")"
        }
    }

    public static func print(_ type: ColumnType) -> String {
        switch type {
        case .smallint: "smallint"
        case .int: "int"
        case .bigint: "bigint"
        case .real: "real"
        case .double: "double"
        case .decimal(let p?, let s?): "decimal(\(p), \(s))"
        case .decimal(let p?, nil): "decimal(\(p))"
        case .decimal: "decimal"
        case .bool: "bool"
        case .text: "text"
        case .sizedText(let n): "text(\(n))"
        case .varchar(let n): "varchar(\(n))"
        case .char(let n): "char(\(n))"
        case .blob: "blob"
        case .date: "date"
        case .time: "time"
        case .timestamp: "timestamp"
        case .timestamptz: "timestamptz"
        case .uuid: "uuid"
        case .json: "json"
        case .interval, .unboundedVarchar, .jsonText, .enumeration, .array: printExtendedType(type)
        case .custom(let name): stringLiteral(name)
        }
    }
}
