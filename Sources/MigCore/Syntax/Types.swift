/// The portable column types, plus a quoted type that passes through verbatim.
/// Shared by the AST and the schema model.
public enum ColumnType: Hashable, Sendable {
    case smallint, int, bigint
    case real, double
    case decimal(precision: Int?, scale: Int?)
    case bool
    case text
    /// `text(n)`: text of at most n characters. Plain text on sqlite and postgres;
    /// on mysql the smallest of TEXT, MEDIUMTEXT, LONGTEXT that holds n characters.
    case sizedText(Int)
    case varchar(Int)
    case char(Int)
    case blob
    case date, time, timestamp, timestamptz
    case uuid
    case json
    /// `"tsvector"`: emitted to every dialect as written.
    case custom(String)

    /// The keywords that start a portable type, for parsing and "did you mean".
    public static let keywords: [String] = [
        "smallint", "int", "bigint", "real", "double", "decimal", "bool", "text", "varchar",
        "char", "blob", "date", "time", "timestamp", "timestamptz", "uuid", "json",
    ]

    public var isInteger: Bool {
        switch self {
        case .smallint, .int, .bigint: true
        default: false
        }
    }
}

/// A type as written, with its span.
public struct TypeReference: Hashable, Sendable {
    public var type: ColumnType
    public var span: SourceSpan
    public init(_ type: ColumnType, span: SourceSpan = .synthesized) {
        self.type = type
        self.span = span
    }
}
