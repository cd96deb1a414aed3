// The hooks where the three dialects differ, below the public `SQLBackend` surface.
// Shared rendering (expressions, column definitions, constraints, indexes) is written
// once against these hooks.

protocol DialectRules: SQLBackend {
    func boolLiteral(_ value: Bool) -> String
    var currentTimestampSQL: String { get }
    var currentDateSQL: String { get }
    /// MySQL's `||` is logical or: it renders concatenation as `CONCAT(a, b)`.
    var concatenatesWithFunction: Bool { get }
    /// The text after `DEFAULT` for a column.
    func defaultClause(_ expr: Expr, for column: Column) -> String
    /// One column of a key or index (mysql adds a prefix length for text/blob).
    func keyColumn(_ name: String, in table: Table?) -> String
}

extension DialectRules {
    func defaultClause(_ expr: Expr, for column: Column) -> String {
        DefaultValue.isSimple(expr) ? render(expr) : "(" + render(expr) + ")"
    }

    func keyColumn(_ name: String, in table: Table?) -> String { quote(name) }

    /// `"a", "b"`.
    func quotedList(_ names: [String]) -> String { names.map(quote).joined(separator: ", ") }
}

enum DefaultValue {
    /// A literal (optionally signed number), `current_timestamp` or `current_date`:
    /// every dialect takes these after `DEFAULT` without parentheses.
    static func isSimple(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .currentTimestamp, .currentDate: true
        default: isConstant(expr)
        }
    }

    /// A literal value: what SQLite's `ADD COLUMN` accepts as a default.
    static func isConstant(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .number, .string, .bool, .null: true
        case .unary(.negate, let e), .unary(.plus, let e):
            if case .number = e.kind { true } else { false }
        default: false
        }
    }

    static func isNull(_ expr: Expr?) -> Bool {
        guard let expr else { return true }
        if case .null = expr.kind { return true }
        return false
    }
}
