import MigCore

/// A generated value, before it is written as a literal for one dialect.
enum DataValue: Hashable {
    case null
    /// An integer or decimal numeral.
    case number(String)
    /// Strings, dates, times, uuids and JSON: a quoted literal the database converts.
    case text(String)
    case bool(Bool)
    case blob([UInt8])

    func literal(_ dialect: Dialect) -> String {
        switch self {
        case .null: return "NULL"
        case .number(let n): return n
        case .text(let s): return dialect.backend.literal(s)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .blob(let bytes):
            let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
            return dialect == .postgres ? "'\\x\(hex)'::bytea" : "X'\(hex)'"
        }
    }

    /// The value as the check evaluator sees it.
    var evaluated: CheckValue {
        switch self {
        case .null: .null
        case .number(let n): Double(n).map(CheckValue.number) ?? .text(n)
        case .text(let s): .text(s)
        case .bool(let b): .bool(b)
        case .blob: .unknown
        }
    }

    /// The text a database returns for this value, for comparing unique tuples.
    var key: String {
        switch self {
        case .null: "\u{0}"
        case .number(let n): n
        case .text(let s): s
        case .bool(let b): b ? "1" : "0"
        case .blob(let b): b.map(String.init).joined(separator: ",")
        }
    }
}
