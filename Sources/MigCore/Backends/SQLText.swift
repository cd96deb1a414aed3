// Lexical safety for emitted SQL: identifier quoting, string literals, comments,
// numerals. Pass-through type names are checked
// by `CustomTypeGrammar`. Everything a user can write outside a `sql`
// block reaches the SQL text through one of these functions.

enum SQLText {
    /// `text` with every `quote` byte written twice. Names and literals are quoted
    /// for every statement migc emits, so the common case (nothing to double) is a
    /// scan, not a rebuild.
    static func doubling(_ quote: UInt8, in text: String) -> String {
        guard text.utf8.contains(quote) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == quote { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `"name"` with `"` doubled (sqlite, postgres).
    static func doubleQuoted(_ identifier: String) -> String {
        "\"" + doubling(UInt8(ascii: "\""), in: identifier) + "\""
    }

    /// `` `name` `` with backticks doubled (mysql).
    static func backtickQuoted(_ identifier: String) -> String {
        "`" + doubling(UInt8(ascii: "`"), in: identifier) + "`"
    }

    /// `'text'` with `'` doubled: the SQL standard form (sqlite).
    static func standardLiteral(_ string: String) -> String {
        "'" + doubling(UInt8(ascii: "'"), in: string) + "'"
    }

    /// Postgres: the standard form, or `E'...'` with backslashes doubled when the
    /// text has a backslash, so the result is the same under either setting of
    /// `standard_conforming_strings`.
    static func postgresLiteral(_ string: String) -> String {
        guard string.utf8.contains(UInt8(ascii: "\\")) else { return standardLiteral(string) }
        return "E'" + doubling(UInt8(ascii: "'"), in: doubling(UInt8(ascii: "\\"), in: string)) + "'"
    }

    /// MySQL: backslashes doubled and `'` doubled (default `sql_mode`).
    static func mysqlLiteral(_ string: String) -> String {
        "'" + doubling(UInt8(ascii: "'"), in: doubling(UInt8(ascii: "\\"), in: string)) + "'"
    }

    /// Text safe inside a `--` comment: line breaks and other control characters
    /// become spaces, so a message cannot end the comment and start SQL.
    static func commentText(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator, .format: " "
            default: scalar
            }
        }))
    }

    /// Whether `text` is a plain SQL numeral (`42`, `1.5`, `.5`, `1e-3`).
    static func isNumeral(_ text: String) -> Bool {
        var chars = Array(text.utf8)[...]
        func digits() -> Int {
            var n = 0
            while let c = chars.first, c >= 48, c <= 57 { chars.removeFirst(); n += 1 }
            return n
        }
        var mantissa = digits()
        if chars.first == UInt8(ascii: ".") { chars.removeFirst(); mantissa += digits() }
        guard mantissa > 0 else { return false }
        if let e = chars.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            chars.removeFirst()
            if let s = chars.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { chars.removeFirst() }
            guard digits() > 0 else { return false }
        }
        return chars.isEmpty
    }

    /// Whether `name` is a plain identifier (`[A-Za-z_][A-Za-z0-9_]*`), safe to emit bare
    /// (used for function names, which some dialects treat specially when quoted).
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || ($0 >= 48 && $0 <= 57) }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
}
