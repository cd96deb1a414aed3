// Type names for `interval`, unbounded `varchar`, `jsontext`, enums and arrays (the
// "Types" table in docs/language.md). Introspection maps them back (TypeMapping).
//
// SQLite picks a column's affinity from its declared type: a name containing INT is
// INTEGER, so `interval` is declared `DURATION TEXT` (TEXT affinity, "1 day" and
// "90" both stay text), and the first word still names the portable type.

enum ExtendedTypeNames {
    static func sqlite(_ type: ColumnType) -> String {
        switch type {
        case .interval: "DURATION TEXT"
        case .unboundedVarchar: "VARCHAR"
        case .jsonText: "JSONTEXT"
        // The values are checked by a CHECK next to the type (EnumSQL.swift).
        case .enumeration: "TEXT"
        // JSON text: SQLite has no arrays.
        case .array: "ARRAY TEXT"
        default: TypeNames.sqlite(type, autoincrement: false)
        }
    }

    static func postgres(_ type: ColumnType) -> String {
        switch type {
        case .interval: "interval"
        case .unboundedVarchar: "varchar"
        case .jsonText: "json"
        case .enumeration(let e): SQLText.doubleQuoted(e.name)
        case .array(let element): postgres(element) + "[]"
        default: TypeNames.postgres(type)
        }
    }

    /// MySQL has no interval, no unbounded VARCHAR, one JSON type and no arrays.
    static func mysql(_ type: ColumnType) -> String {
        switch type {
        case .interval: "VARCHAR(64)"
        case .unboundedVarchar: "LONGTEXT"
        case .jsonText, .array: "JSON"
        case .enumeration(let e): "ENUM(" + e.values.map(SQLText.mysqlLiteral).joined(separator: ",") + ")"
        default: TypeNames.mysql(type)
        }
    }

    /// The portable type MySQL's column type reads back as, for the types above.
    static func mysqlShownBack(_ type: ColumnType) -> ColumnType? {
        switch type {
        case .interval: .varchar(64)
        case .unboundedVarchar: .text
        case .jsonText, .array: .json
        default: nil
        }
    }
}

extension ExtendedTypeNames {
    /// MIG805 for each array type written in `steps` (MySQL and SQLite store JSON).
    static func arrayDiagnostics(_ steps: [OpStep], dialect: Dialect) -> [Diagnostic] {
        guard dialect != .postgres else { return [] }
        var types: [TypeReference] = []
        for step in steps {
            switch step.statement.operation {
            case .createTable(let c): types += c.columns.map(\.type)
            case .addColumn(let a): types.append(a.column.type)
            case .alterColumn(let a): if case .type(let t, _) = a.change { types.append(t) }
            default: break
            }
        }
        let stored = dialect == .mysql ? "a JSON column" : "JSON text in a TEXT column"
        return types.compactMap { ref in
            guard case .array = ref.type else { return nil }
            return .warning("\(dialect.rawValue) has no arrays: `\(Printer.print(ref.type))` is stored as \(stored)", at: ref.span,
                            code: .arrayAsJSON, help: "write the values as a JSON array (`[1, 2]`) on \(dialect.rawValue)")
        }
    }
}
