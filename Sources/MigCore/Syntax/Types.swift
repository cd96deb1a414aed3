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
    /// `interval`: a span of time (PostgreSQL `interval`; text elsewhere, see docs).
    case interval
    /// `varchar` without a length: PostgreSQL `varchar`, MySQL `LONGTEXT`, SQLite `VARCHAR`.
    case unboundedVarchar
    /// `jsontext`: JSON kept as written (PostgreSQL `json`), where `json` is `jsonb`.
    case jsonText
    /// A column of an enum type; the model fills in the values (Schema+Enums.swift).
    case enumeration(EnumTypeReference)
    /// `T[]`: an array (PostgreSQL; JSON on MySQL, JSON text on SQLite).
    indirect case array(ColumnType)
    /// `"tsvector"`: emitted to every dialect as written.
    case custom(String)

    /// The keywords that start a portable type, for parsing and "did you mean".
    public static let keywords: [String] = [
        "smallint", "int", "bigint", "real", "double", "decimal", "bool", "text", "varchar",
        "char", "blob", "date", "time", "timestamp", "timestamptz", "uuid", "json",
        "interval", "jsontext",
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

/// An enum type named by a column. The parser knows only the name; folding into the
/// schema model fills in the values the enum has at that point, so backends can
/// render MySQL's `ENUM(...)` and SQLite's CHECK from the column alone.
public struct EnumTypeReference: Hashable, Sendable {
    public var name: String
    public var values: [String]
    public init(name: String, values: [String] = []) {
        self.name = name
        self.values = values
    }
}

extension ColumnType {
    /// The enum a column of this type uses (directly or as array elements).
    public var enumName: String? {
        switch self {
        case .enumeration(let e): e.name
        case .array(let element): element.enumName
        default: nil
        }
    }
}
