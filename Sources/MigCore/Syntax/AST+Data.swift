// Typed data changes: `insert`, `update`, `delete`. They leave the schema model
// alone; the checker resolves their tables and columns against it, and an insert
// carrying its rows' keys derives its own downgrade (Schema/Inverse+Data.swift).

/// `insert into T (cols) values (...), (...)`.
public struct InsertRows: Hashable, Sendable {
    public var table: Identifier
    public var columns: [Identifier]
    public var rows: [InsertRow]
    public var reverse: DataReverse?

    public init(table: Identifier, columns: [Identifier], rows: [InsertRow], reverse: DataReverse? = nil) {
        self.table = table
        self.columns = columns
        self.rows = rows
        self.reverse = reverse
    }
}

/// One parenthesized row of values.
public struct InsertRow: Hashable, Sendable {
    public var values: [Expr]
    public var span: SourceSpan

    public init(_ values: [Expr], span: SourceSpan = .synthesized) {
        self.values = values
        self.span = span
    }
}

/// `update T set c = EXPR[, ...] [where EXPR]`.
public struct UpdateRows: Hashable, Sendable {
    public var table: Identifier
    public var assignments: [Assignment]
    public var predicate: Expr?
    public var reverse: DataReverse?

    public init(table: Identifier, assignments: [Assignment], predicate: Expr? = nil, reverse: DataReverse? = nil) {
        self.table = table
        self.assignments = assignments
        self.predicate = predicate
        self.reverse = reverse
    }
}

/// `c = EXPR` in an `update`.
public struct Assignment: Hashable, Sendable {
    public var column: Identifier
    public var value: Expr

    public init(column: Identifier, value: Expr) {
        self.column = column
        self.value = value
    }
}

/// `delete from T [where EXPR]`.
public struct DeleteRows: Hashable, Sendable {
    public var table: Identifier
    public var predicate: Expr?
    public var reverse: DataReverse?

    public init(table: Identifier, predicate: Expr? = nil, reverse: DataReverse? = nil) {
        self.table = table
        self.predicate = predicate
        self.reverse = reverse
    }
}

/// What a data change's downgrade runs, when written.
public enum DataReverse: Hashable, Sendable {
    /// `reverse nothing`: forward only; the downgrade leaves the data as it is.
    case nothing(SourceSpan)
    /// `reverse { ... }`: data operations (insert, update, delete, sql) run by the downgrade.
    case block(Block)
}

extension Operation {
    /// Whether the op changes rows only (`insert`, `update`, `delete`).
    public var isDataChange: Bool {
        switch self {
        case .insert, .update, .delete: true
        default: false
        }
    }

    /// The op's effects are not in the schema model (`sql`) or are rows the model
    /// does not hold (data changes): a range with one is replayed, never folded.
    public var isOpaqueToModel: Bool {
        if case .sql = self { return true }
        return isDataChange
    }

    /// The table a data change writes to.
    public var dataTable: Identifier? {
        switch self {
        case .insert(let o): o.table
        case .update(let o): o.table
        case .delete(let o): o.table
        default: nil
        }
    }

    /// The written `reverse` of a data change (nil for other ops or when absent).
    public var dataReverse: DataReverse? {
        switch self {
        case .insert(let o): o.reverse
        case .update(let o): o.reverse
        case .delete(let o): o.reverse
        default: nil
        }
    }

    /// Why the op has no inverse, for messages: "a `sql` block has no `reverse`".
    public var missingInverseReason: String {
        switch self {
        case .insert: "an `insert` does not give every row's key, so its rows cannot be found again"
        case .update: "an `update` has no `reverse`"
        case .delete: "a `delete` has no `reverse`"
        default: "a `sql` block has no `reverse`"
        }
    }

    /// An op that has no inverse without looking at the schema: `sql` without
    /// `reverse`, `update` and `delete` without `reverse`.
    public var lacksWrittenInverse: Bool {
        switch self {
        case .sql(let s): s.reverse == nil && s.forwardOnly == nil
        case .update(let o): o.reverse == nil
        case .delete(let o): o.reverse == nil
        default: false
        }
    }
}

/// `case [OPERAND] when A then B ... [else C] end`.
public struct CaseExpression: Hashable, Sendable {
    public var operand: Expr?
    public var whens: [CaseWhen]
    public var otherwise: Expr?

    public init(operand: Expr? = nil, whens: [CaseWhen], otherwise: Expr? = nil) {
        self.operand = operand
        self.whens = whens
        self.otherwise = otherwise
    }

    /// Every sub-expression, in source order.
    public var children: [Expr] {
        (operand.map { [$0] } ?? []) + whens.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
    }

    /// `case [x] when a then b ... [else c] end`, each part written by `write`, the
    /// keywords in lowercase (`.mig`) or uppercase (SQL): they delimit every part.
    func written(_ write: (Expr) -> String, uppercase: Bool) -> String {
        let k = { (word: String) in uppercase ? word.uppercased() : word }
        var out = k("case")
        if let operand { out += " " + write(operand) }
        for w in whens { out += " " + k("when") + " " + write(w.condition) + " " + k("then") + " " + write(w.result) }
        if let otherwise { out += " " + k("else") + " " + write(otherwise) }
        return out + " " + k("end")
    }

    public func map(_ transform: (Expr) -> Expr) -> CaseExpression {
        CaseExpression(operand: operand.map { transform($0) },
                       whens: whens.map { CaseWhen(condition: transform($0.condition), result: transform($0.result)) },
                       otherwise: otherwise.map { transform($0) })
    }
}

public struct CaseWhen: Hashable, Sendable {
    public var condition: Expr
    public var result: Expr

    public init(condition: Expr, result: Expr) {
        self.condition = condition
        self.result = result
    }
}
