import MigCore

// Dialect type names back to portable types: the inverse of the type table in
// docs/language.md ("Types") and of MigCore's TypeNames. Anything else is `.custom(name)`.

enum TypeMapping {
    /// A declared SQLite type (`VARCHAR(320)`, `NUMERIC(12,2)`); case-insensitive.
    static func sqlite(_ declared: String) -> ColumnType {
        let (base, arguments) = split(declared)
        switch base.uppercased() {
        case "SMALLINT": return .smallint
        case "INTEGER", "INT": return .int
        case "BIGINT": return .bigint
        case "REAL": return .real
        case "DOUBLE", "DOUBLE PRECISION": return .double
        case "NUMERIC", "DECIMAL": return .decimal(precision: arguments.first, scale: arguments.dropFirst().first)
        case "BOOLEAN": return .bool
        case "TEXT": return .text
        case "VARCHAR": return arguments.first.map { .varchar($0) } ?? .unboundedVarchar
        case "CHAR": if let n = arguments.first { return .char(n) }
        case "BLOB": return .blob
        case "DATE": return .date
        case "TIME": return .time
        case "TIMESTAMP": return .timestamp
        case "TIMESTAMPTZ": return .timestamptz
        // Both spellings: migc declared `UUID` / `JSON` before they got TEXT affinity.
        case "UUID TEXT", "UUID": return .uuid
        case "JSON TEXT", "JSON": return .json
        default: if let extended = ExtendedTypeMapping.sqlite(base.uppercased(), arguments) { return extended }
        }
        return .custom(declared)
    }

    /// PostgreSQL's `format_type` output (`character varying(320)`, `timestamp without time zone`).
    static func postgres(_ formatted: String) -> ColumnType {
        let (base, arguments) = split(formatted)
        switch base {
        case "smallint": return .smallint
        case "integer": return .int
        case "bigint": return .bigint
        case "real": return .real
        case "double precision": return .double
        case "numeric": return .decimal(precision: arguments.first, scale: arguments.dropFirst().first)
        case "boolean": return .bool
        case "text": return .text
        case "character varying": return arguments.first.map { .varchar($0) } ?? .unboundedVarchar
        case "character": if let n = arguments.first { return .char(n) }
        case "bytea": return .blob
        case "date": return .date
        case "time without time zone": return .time
        case "timestamp without time zone": return .timestamp
        case "timestamp with time zone": return .timestamptz
        case "uuid": return .uuid
        case "jsonb": return .json
        default: if let extended = ExtendedTypeMapping.postgres(base, arguments, formatted) { return extended }
        }
        return .custom(formatted)
    }

    /// MySQL's `column_type` (`int(11)`, `varchar(320)`, `tinyint(1)`, `datetime(6)`):
    /// the inverse of `TypeNames.mysql`. Integer display widths are dropped (MySQL 8
    /// no longer shows them, MariaDB does); `tinyint(1)` is BOOLEAN.
    static func mysql(_ columnType: String) -> ColumnType {
        if let values = ExtendedTypeMapping.mysqlEnumValues(columnType) { return .enumeration(EnumTypeReference(name: "", values: values)) }
        let lowered = columnType.lowercased().trimmingWhitespace()
        let (base, arguments) = split(lowered)
        switch base {
        case "tinyint" where arguments == [1]: return .bool
        case "boolean", "bool": return .bool
        case "smallint": return .smallint
        case "int", "integer": return .int
        case "bigint": return .bigint
        case "float": if arguments.isEmpty { return .real }
        case "double", "double precision": if arguments.isEmpty { return .double }
        case "decimal", "numeric": return .decimal(precision: arguments.first, scale: arguments.dropFirst().first)
        case "longtext": return .text
        case "text": return .sizedText(MySQLBackend.textCharacters)
        case "mediumtext": return .sizedText(MySQLBackend.mediumTextCharacters)
        case "varchar": if let n = arguments.first { return .varchar(n) }
        case "char": if let n = arguments.first { return .char(n) }
        case "longblob": return .blob
        case "date": return .date
        case "time": if arguments == [6] { return .time }
        case "datetime": if arguments == [6] { return .timestamp }
        case "json": return .json
        case "tinyint", "mediumint":
            return .custom(base)
        default: break
        }
        // Display widths mean nothing (`int(10) unsigned` is `int unsigned`).
        for integer in ["tinyint", "smallint", "mediumint", "int", "bigint"] where base.hasPrefix(integer + " ") {
            return .custom(base)
        }
        return .custom(lowered)
    }

    /// `NUMERIC(12, 2)` -> ("NUMERIC", [12, 2]); `time(3) without time zone` keeps its words.
    static func split(_ text: String) -> (base: String, arguments: [Int]) {
        let trimmed = text.trimmingWhitespace()
        guard let open = trimmed.firstIndex(of: "("), let close = trimmed[open...].firstIndex(of: ")") else {
            return (collapse(trimmed), [])
        }
        let arguments = trimmed[trimmed.index(after: open)..<close].split(separator: ",").compactMap {
            Int(String($0).trimmingWhitespace())
        }
        let base = collapse(String(trimmed[..<open]) + " " + String(trimmed[trimmed.index(after: close)...]))
        return (base, arguments)
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
