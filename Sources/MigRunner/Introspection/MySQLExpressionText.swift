import MigCore

/// MariaDB shows a default as SQL of its own spelling: string literals with
/// backslash escapes (`'it\'s'`), `current_timestamp(6)`, `curdate()`, `lcase(...)`,
/// `MOD`, constant expressions already folded (`NOT 0` is `1`). This reads that
/// text (and the backend's own rendering, for the expected side of `check`) into
/// one spelling per meaning before `SQLExpressionReader` sees it.
enum MySQLExpressionText {
    static func read(_ sql: String) -> Expr {
        var text = sql.trimmingWhitespace()
        while text.hasPrefix("("), text.hasSuffix(")"), balanced(text.dropFirst().dropLast()) {
            text = String(text.dropFirst().dropLast()).trimmingWhitespace()
        }
        if let literal = stringLiteral(text) { return Expr(.string(literal)) }
        switch text.lowercased() {
        case "current_timestamp", "current_timestamp()", "current_timestamp(6)", "now()", "now(6)": return Expr(.currentTimestamp)
        case "current_date", "current_date()", "curdate()": return Expr(.currentDate)
        default: break
        }
        return folded(SQLExpressionReader.read(renamed(text)))
    }

    /// The value of `text` when it is exactly one single-quoted literal.
    static func stringLiteral(_ text: String) -> String? {
        var chars = Array(text)[...]
        guard chars.popFirst() == "'", chars.popLast() == "'" else { return nil }
        var out = ""
        while let c = chars.popFirst() {
            switch c {
            case "\\":
                guard let e = chars.popFirst() else { return nil }
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "0": out.append("\0")
                case "b": out.append("\u{8}")
                case "Z": out.append("\u{1a}")
                case "%", "_": out.append("\\"); out.append(e)
                default: out.append(e)
                }
            case "'":
                guard chars.popFirst() == "'" else { return nil }  // a quote ends the literal early
                out.append("'")
            default: out.append(c)
            }
        }
        return out
    }

    /// MariaDB's names for the functions and operators migc writes.
    private static func renamed(_ text: String) -> String {
        var out = ""
        var quote: Character?
        var word = ""
        func flush() {
            switch word.lowercased() {
            case "lcase": out += "lower"
            case "ucase": out += "upper"
            case "mod": out += "%"
            default: out += word
            }
            word = ""
        }
        for c in text {
            if let q = quote {
                out.append(c)
                if c == q { quote = nil }
                continue
            }
            if c.isLetter || c.isNumber || c == "_" { word.append(c); continue }
            flush()
            if c == "'" || c == "`" || c == "\"" { quote = c }
            out.append(c)
        }
        flush()
        return out
    }

    /// `NOT 0` is `1` (the server stores the value).
    private static func folded(_ expr: Expr) -> Expr {
        guard case .unary(.not, let inner) = expr.kind else { return expr }
        switch inner.kind {
        case .number(let n): if let value = Double(n) { return Expr(.number(value == 0 ? "1" : "0")) }
        case .bool(let b): return Expr(.number(b ? "0" : "1"))
        default: break
        }
        return expr
    }

    private static func balanced(_ text: Substring) -> Bool {
        var depth = 0
        var quote: Character?
        for c in text {
            if let q = quote { if c == q { quote = nil }; continue }
            switch c {
            case "'", "`", "\"": quote = c
            case "(": depth += 1
            case ")": depth -= 1; if depth < 0 { return false }
            default: break
            }
        }
        return depth == 0
    }
}
