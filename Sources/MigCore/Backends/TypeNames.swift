// The portable type mapping (the table under "Types" in docs/language.md), one
// function per dialect. The runner's
// introspection maps these names back, so change both together.

enum TypeNames {
    static func sqlite(_ type: ColumnType, autoincrement: Bool) -> String {
        // AUTOINCREMENT needs the column to be exactly `INTEGER PRIMARY KEY`.
        if autoincrement && type.isInteger { return "INTEGER" }
        switch type {
        case .smallint: return "SMALLINT"
        case .int: return "INTEGER"
        case .bigint: return "BIGINT"
        case .real: return "REAL"
        case .double: return "DOUBLE"
        case .decimal(let p, let s): return "NUMERIC" + precision(p, s)
        case .bool: return "BOOLEAN"
        case .text, .sizedText: return "TEXT"
        case .varchar(let n): return "VARCHAR(\(n))"
        case .char(let n): return "CHAR(\(n))"
        case .blob: return "BLOB"
        case .date: return "DATE"
        case .time: return "TIME"
        case .timestamp: return "TIMESTAMP"
        case .timestamptz: return "TIMESTAMPTZ"
        // SQLite gives `UUID` and `JSON` NUMERIC affinity (a digits-only id would
        // become a number); a declared type containing TEXT gets TEXT affinity, and
        // the first word still names the portable type for introspection.
        case .uuid: return "UUID TEXT"
        case .json: return "JSON TEXT"
        case .interval, .unboundedVarchar, .jsonText, .enumeration, .array: return ExtendedTypeNames.sqlite(type)
        case .custom(let text): return custom(text, quote: SQLText.doubleQuoted)
        }
    }

    static func postgres(_ type: ColumnType) -> String {
        switch type {
        case .smallint: "smallint"
        case .int: "integer"
        case .bigint: "bigint"
        case .real: "real"
        case .double: "double precision"
        case .decimal(let p, let s): "numeric" + precision(p, s)
        case .bool: "boolean"
        case .text, .sizedText: "text"
        case .varchar(let n): "varchar(\(n))"
        case .char(let n): "char(\(n))"
        case .blob: "bytea"
        case .date: "date"
        case .time: "time"
        case .timestamp: "timestamp"
        case .timestamptz: "timestamptz"
        case .uuid: "uuid"
        case .json: "jsonb"
        case .interval, .unboundedVarchar, .jsonText, .enumeration, .array: ExtendedTypeNames.postgres(type)
        case .custom(let text): custom(text, quote: SQLText.doubleQuoted)
        }
    }

    static func mysql(_ type: ColumnType) -> String {
        switch type {
        case .smallint: "SMALLINT"
        case .int: "INT"
        case .bigint: "BIGINT"
        case .real: "FLOAT"
        case .double: "DOUBLE"
        case .decimal(let p, let s): "DECIMAL" + precision(p, s)
        case .bool: "BOOLEAN"
        case .text: "LONGTEXT"
        case .sizedText(let n): MySQLBackend.textTypeName(characters: n)
        case .varchar(let n): "VARCHAR(\(n))"
        case .char(let n): "CHAR(\(n))"
        case .blob: "LONGBLOB"
        case .date: "DATE"
        case .time: "TIME(6)"
        case .timestamp, .timestamptz: "DATETIME(6)"
        case .uuid: "CHAR(36)"
        case .json: "JSON"
        case .interval, .unboundedVarchar, .jsonText, .enumeration, .array: ExtendedTypeNames.mysql(type)
        case .custom(let text): custom(text, quote: SQLText.backtickQuoted)
        }
    }

    private static func precision(_ p: Int?, _ s: Int?) -> String {
        switch (p, s) {
        case (let p?, let s?): "(\(p),\(s))"
        case (let p?, nil): "(\(p))"
        default: ""
        }
    }

    /// A pass-through type verbatim when it is one type (the parser already reported
    /// any other); otherwise quoted as one name, so the database rejects an unknown
    /// type instead of running injected text (an AST built in code, a forged cache).
    private static func custom(_ text: String, quote: (String) -> String) -> String {
        CustomTypeGrammar.isValid(text) ? text : quote(text)
    }
}
