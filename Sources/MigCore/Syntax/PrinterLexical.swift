// Lexical pieces of the canonical printer: identifiers, strings, revision ids.

extension Printer {
    /// Words the printer always backtick-quotes when they are used as names, so a
    /// name can never be read back as syntax. Deliberately wider than what the parser
    /// reserves: a quoted name parses to the same `Identifier`, so over-quoting is safe.
    public static let keywords: Set<String> = [
        // header
        "revision", "parent", "message", "created", "label", "depends", "transaction", "off", "replaces",
        // blocks and ops
        "upgrade", "downgrade", "irreversible", "create", "drop", "rename", "to", "add", "alter",
        "table", "column", "index", "constraint", "on", "where", "concurrently", "using", "type",
        "set", "sql", "reverse", "asc", "desc",
        // modifiers and constraints
        "null", "not", "primary", "key", "unique", "default", "autoincrement", "references",
        "foreign", "check", "cascade", "restrict", "no", "action", "delete", "update",
        // expressions
        "and", "or", "is", "in", "between", "true", "false", "current_timestamp", "current_date",
    ]

    /// `name` as it must be written: bare when it is a plain identifier and not a
    /// keyword or type name, else between backticks.
    public static func quoted(_ name: String) -> String {
        if isPlainIdentifier(name) && !isReserved(name) { return name }
        return backticked(name)
    }

    /// Between backticks. A parsed name never holds a backtick (the lexer ends the
    /// name there); one built elsewhere (introspection) has it doubled, which the
    /// parser then reports rather than misreads.
    static func backticked(_ name: String) -> String {
        var out = "`"
        for ch in name {
            out.append(ch)
            if ch == "`" { out.append(ch) }
        }
        return out + "`"
    }

    static func isReserved(_ name: String) -> Bool {
        let lower = name.lowercased()
        return keywords.contains(lower) || ColumnType.keywords.contains(lower)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, ASCII only.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, isIdentifierStart(first) else { return false }
        return name.utf8.allSatisfy { isIdentifierStart($0) || ($0 >= 48 && $0 <= 57) }
    }

    private static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95
    }

    /// A revision id (`revision`, `parent`, `depends`): bare when it is a valid id
    /// `[a-z0-9_]+` (it lexes as a word or a number, both accepted), else quoted.
    static func revisionID(_ name: String) -> String {
        let valid = !name.isEmpty && name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        return valid ? name : backticked(name)
    }

    /// `"..."` with `\"`, `\\` and `\n` escaped.
    public static func stringLiteral(_ value: String) -> String {
        var out = "\""
        for ch in value.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// SQL text: `"""..."""` when it spans lines or holds a quote, else `"..."`.
    /// A text a triple string cannot hold (it contains `"""` or ends with `"`)
    /// falls back to an escaped string.
    static func sqlLiteral(_ value: String) -> String {
        let needsTriple = value.utf8.contains(UInt8(ascii: "\n")) || value.contains("\"")
        let tripleable = !value.contains("\"\"\"") && !value.hasSuffix("\"")
        return needsTriple && tripleable ? "\"\"\"" + value + "\"\"\"" : stringLiteral(value)
    }

    /// `created` values: bare when they look like an ISO 8601 timestamp, else quoted.
    static func timestamp(_ value: String) -> String {
        isBareTimestamp(value) ? value : stringLiteral(value)
    }

    /// `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` and `Z` or `±HH[:]MM` (as the parser
    /// reads a bare `created`; anything else is written as a string).
    static func isBareTimestamp(_ value: String) -> Bool {
        let b = Array(value.utf8)
        var i = 0
        func digits(_ n: Int) -> Bool {
            guard i + n <= b.count, b[i..<(i + n)].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            i += n
            return true
        }
        func char(_ c: Unicode.Scalar) -> Bool {
            guard i < b.count, b[i] == UInt8(ascii: c) else { return false }
            i += 1
            return true
        }
        guard digits(4), char("-"), digits(2), char("-"), digits(2) else { return false }
        if i == b.count { return true }
        guard char("T"), digits(2), char(":"), digits(2) else { return false }
        if char(":") {
            guard digits(2) else { return false }
            if char(".") {
                guard digits(1) else { return false }
                while digits(1) {}
            }
        }
        if i == b.count { return true }
        if char("Z") { return i == b.count }
        guard char("+") || char("-"), digits(2) else { return false }
        _ = char(":")
        return digits(2) && i == b.count
    }
}
