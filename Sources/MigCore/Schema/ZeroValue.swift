// The value a derived downgrade fills existing rows with when it re-adds a NOT NULL
// column that had no default (issue 11 #6): the column is added with this default,
// so a table with rows accepts it, and the default is dropped right after, so the
// schema is the one before the drop. Nil where no literal fits every dialect.

extension ColumnType {
    public var zeroValue: Expr? {
        switch self {
        case .smallint, .int, .bigint, .real, .double, .decimal: Expr(.number("0"))
        case .bool: Expr(.bool(false))
        case .text, .sizedText, .varchar, .char: Expr(.string(""))
        case .date: Expr(.string("1970-01-01"))
        case .time: Expr(.string("00:00:00"))
        case .timestamp: Expr(.string("1970-01-01 00:00:00"))
        case .timestamptz: Expr(.string("1970-01-01 00:00:00+00"))
        case .uuid: Expr(.string("00000000-0000-0000-0000-000000000000"))
        case .json: Expr(.string("{}"))
        case .interval: Expr(.string("00:00:00"))
        case .unboundedVarchar: Expr(.string(""))
        case .jsonText: Expr(.string("{}"))
        // The first value: what MySQL puts in a new NOT NULL enum column too.
        case .enumeration(let e): e.values.first.map { Expr(.string($0)) }
        case .blob, .array, .custom: nil
        }
    }
}

extension Column {
    /// What a derived downgrade that re-adds this column puts in existing rows, or
    /// nil when it cannot re-add it to a table with rows (NOT NULL, no default, and no
    /// zero value for its type).
    public var refillValue: Expr? {
        if let defaultValue { return defaultValue }
        return nullable ? Expr(.null) : type.zeroValue
    }
}
