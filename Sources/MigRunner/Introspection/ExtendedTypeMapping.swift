import MigCore

// Reading back the types of MigCore's ExtendedTypeNames: `interval`, unbounded
// `varchar`, `jsontext`, arrays and enums (PostgreSQL's pg_enum, MySQL's
// `enum('a','b')` column type, SQLite's `T_c_enum` CHECK).

enum ExtendedTypeMapping {
    static func sqlite(_ base: String, _ arguments: [Int]) -> ColumnType? {
        switch base {
        case "DURATION TEXT": .interval
        case "JSONTEXT": .jsonText
        case "ARRAY TEXT": .array(.text)
        default: nil
        }
    }

    /// `format_type` names; `integer[]` is an array of what `integer` maps to.
    static func postgres(_ base: String, _ arguments: [Int], _ formatted: String) -> ColumnType? {
        switch base {
        case "interval": return .interval
        case "json": return .jsonText
        default: break
        }
        guard formatted.hasSuffix("[]") else { return nil }
        let element = TypeMapping.postgres(String(formatted.dropLast(2)))
        if case .custom = element { return nil }
        return .array(element)
    }

    /// `enum('a','b''c')` -> ["a", "b'c"]; nil for any other column type.
    static func mysqlEnumValues(_ columnType: String) -> [String]? {
        let chars = Array(columnType.trimmingWhitespace())
        guard chars.count > 6, String(chars[0..<5]).lowercased() == "enum(", chars.last == ")" else { return nil }
        var values: [String] = []
        var i = 5
        while i < chars.count - 1 {
            guard chars[i] == "'" else { return nil }
            i += 1
            var value = ""
            while i < chars.count - 1 {
                if chars[i] == "'" {
                    if chars[i + 1] == "'" { value.append("'"); i += 2; continue }
                    break
                }
                if chars[i] == "\\", i + 1 < chars.count - 1 { value.append(chars[i + 1]); i += 2; continue }
                value.append(chars[i])
                i += 1
            }
            i += 1
            values.append(value)
            if chars[i] == "," { i += 1 }
        }
        return values
    }

    /// A SQLite CHECK named `..._enum` of the form `c IN ('a', 'b')` on a TEXT
    /// column is the column's enum type (EnumSQL.swift writes them).
    static func sqliteEnumChecks(in table: inout Table) {
        for (name, check) in table.checks where name.hasSuffix("_enum") {
            guard case .inList(let operand, let list, negated: false) = check.expression.kind,
                  case .column(let id) = operand.kind, let i = table.columnIndex(named: id.name),
                  table.columns[i].type == .text else { continue }
            let values = list.compactMap { item -> String? in if case .string(let s) = item.kind { s } else { nil } }
            guard values.count == list.count else { continue }
            table.columns[i].type = .enumeration(EnumTypeReference(name: "", values: values))
            table.checks[name] = nil
        }
    }

    /// MySQL and SQLite have no named enum types: an enum is its column's values.
    /// Both sides name each enum column's type by its values and drop the types.
    static func normalizedEnums(_ schema: Schema, for dialect: Dialect) -> Schema {
        guard dialect != .postgres else { return schema }
        var out = schema
        out.enums = [:]
        for (name, var table) in out.tables {
            var changed = false
            for i in table.columns.indices {
                switch table.columns[i].type {
                case .enumeration(let e):
                    table.columns[i].type = .enumeration(EnumTypeReference(name: "enum" + EnumType.list(e.values), values: e.values))
                    changed = true
                case .array where dialect == .sqlite:
                    table.columns[i].type = .array(.text)
                    changed = true
                default: break
                }
            }
            if changed { out.tables[name] = table }
        }
        return out
    }
}

extension PostgresIntrospector {
    static let enumsSQL = """
        SELECT t.typname, e.enumlabel FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = current_schema()
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.oid AND d.deptype = 'e')
        ORDER BY t.typname, e.enumsortorder
        """

    /// The enum types, and the columns of them (which `format_type` names as the
    /// type, quoted when it must be: `mood`, `"Mood"`, `mood[]`).
    func addEnums(to schema: inout Schema) throws(DatabaseError) {
        for row in try driver.query(Self.enumsSQL) {
            guard let name = row[0], let value = row[1] else { continue }
            var e = schema.enums[name] ?? EnumType(name: name, values: [])
            e.values.append(value)
            schema.enums[name] = e
        }
        guard !schema.enums.isEmpty else { return }
        for (tableName, var table) in schema.tables {
            var changed = false
            for i in table.columns.indices {
                guard case .custom(let text) = table.columns[i].type else { continue }
                let isArray = text.hasSuffix("[]")
                let name = Self.unquotedTypeName(isArray ? String(text.dropLast(2)) : text)
                guard let e = schema.enums[name] else { continue }
                let reference = ColumnType.enumeration(EnumTypeReference(name: e.name, values: e.values))
                table.columns[i].type = isArray ? .array(reference) : reference
                changed = true
            }
            if changed { schema.tables[tableName] = table }
        }
    }

    /// `"My ""Type"""` -> `My "Type"`; a bare name as is.
    static func unquotedTypeName(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        var out = ""
        var previousQuote = false
        for ch in text.dropFirst().dropLast() {
            if ch == "\"" && previousQuote { previousQuote = false; continue }
            previousQuote = ch == "\""
            out.append(ch)
        }
        return out
    }
}
