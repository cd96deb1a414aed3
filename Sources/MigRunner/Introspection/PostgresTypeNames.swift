import MigCore

/// PostgreSQL spells a type one way (`format_type`), users another (`"varchar"`,
/// `"int4"`, `"timestamptz"`). Before comparing, the pass-through types of the
/// expected schema are put through the server's own parser and printer, so `migc
/// check` reports a type only when the server would store another one.
struct PostgresTypeNames {
    let driver: any DatabaseDriver
    private var cache: [String: ColumnType] = [:]

    init(driver: any DatabaseDriver) { self.driver = driver }

    /// `schema` with every `.custom` column type as the server would print it
    /// (mapped back to a portable type when there is one).
    mutating func canonical(_ schema: Schema) throws(DatabaseError) -> Schema {
        var out = schema
        for (tableName, table) in schema.tables {
            for (i, column) in table.columns.enumerated() {
                guard case .custom(let text) = column.type else { continue }
                out.tables[tableName]!.columns[i].type = try canonical(text)
            }
        }
        return out
    }

    /// One type: the name through `to_regtype` (no SQL is built from the text: it is
    /// a parameter), the modifiers through the type's own `typmodin` function.
    /// A name the server does not know stays as written (the comparison reports it).
    mutating func canonical(_ text: String) throws(DatabaseError) -> ColumnType {
        if let known = cache[text] { return known }
        let (name, modifiers) = Self.split(text)
        var result = ColumnType.custom(text)
        let rows = try driver.query(
            "SELECT t.oid::text, t.typmodin::text FROM pg_catalog.pg_type t WHERE t.oid = pg_catalog.to_regtype($1)", [name])
        if let row = rows.first, let oid = row[0], Int(oid) != nil {
            var typmod = "NULL"
            if !modifiers.isEmpty, let typmodin = row[1], typmodin != "-" {
                // The modifiers are integers (checked by `split`), the function comes
                // from the catalog: both are safe to put in the text.
                typmod = "\(PostgresTypeNames.quotedFunction(typmodin))(ARRAY[\(modifiers.map { "'\($0)'" }.joined(separator: ", "))]::pg_catalog.cstring[])"
            }
            if let formatted = try driver.scalar("SELECT pg_catalog.format_type(\(oid), \(typmod))"), !formatted.isEmpty {
                result = TypeMapping.postgres(formatted)
                if case .custom = result { result = .custom(formatted) }
            }
        }
        cache[text] = result
        return result
    }

    /// `timestamp(3) with time zone` -> (`timestamp with time zone`, [3]); nil
    /// modifiers when they are not all integers (then the name alone is used).
    static func split(_ text: String) -> (name: String, modifiers: [Int]) {
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return (text, []) }
        let inside = text[text.index(after: open)..<close].split(separator: ",").map { String($0).trimmingWhitespace() }
        let numbers = inside.compactMap { Int($0) }
        let name = (String(text[..<open]) + " " + String(text[text.index(after: close)...]))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (name, numbers.count == inside.count ? numbers : [])
    }

    /// A catalog function name (`varchartypmodin`, `pg_catalog.numerictypmodin`),
    /// each part double-quoted.
    static func quotedFunction(_ name: String) -> String {
        name.split(separator: ".").map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ".")
    }
}
