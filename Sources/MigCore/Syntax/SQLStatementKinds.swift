// Sorts the statements of a `sql` block's text by their leading keyword, so MIG108
// can leave plain data changes alone and keep warning about everything else.
//
// A lexical scan, not a parser, and it errs toward "unknown": statements split at
// `;` outside quotes and comments; a text with a backslash inside quotes (MySQL and
// PostgreSQL's E'' strings end at different places), a dollar quote or a `#` (a
// MySQL comment) is not classified at all, since the dialects could read a
// different statement into it.

public enum SQLStatementKinds {
    /// The statement keywords that change rows and never the schema.
    static let dataKeywords: Set<String> = ["INSERT", "UPDATE", "DELETE", "REPLACE"]

    /// Whether `sql` holds at least one statement and every one is a plain data
    /// change: INSERT, UPDATE, DELETE or REPLACE, possibly after a WITH clause.
    public static func onlyChangesData(_ sql: String) -> Bool {
        guard let statements = statements(sql), !statements.isEmpty else { return false }
        return statements.allSatisfy(isDataChange)
    }

    /// A statement's tokens outside parentheses: uppercased words, `,` and `(`
    /// (for a parenthesized group, which is skipped).
    static func isDataChange(_ tokens: [String]) -> Bool {
        guard let first = tokens.first else { return false }
        if dataKeywords.contains(first) { return true }
        guard first == "WITH" else { return false }
        // WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (body) [, ...] MAIN
        var i = tokens.count > 1 && tokens[1] == "RECURSIVE" ? 2 : 1
        while i < tokens.count {
            guard isWord(tokens[i]) else { return false }
            i += 1
            if i < tokens.count, tokens[i] == "(" { i += 1 }
            guard i < tokens.count, tokens[i] == "AS" else { return false }
            i += 1
            while i < tokens.count, tokens[i] == "NOT" || tokens[i] == "MATERIALIZED" { i += 1 }
            guard i < tokens.count, tokens[i] == "(" else { return false }
            i += 1
            guard i < tokens.count else { return false }
            if tokens[i] == "," { i += 1; continue }
            return dataKeywords.contains(tokens[i])
        }
        return false
    }

    private static func isWord(_ token: String) -> Bool { token != "(" && token != "," }

    /// The statements of `sql` as their top-level tokens (empty statements left
    /// out), or nil when the text cannot be split safely.
    static func statements(_ sql: String) -> [[String]]? {
        let chars = Array(sql.unicodeScalars)
        var statements: [[String]] = []
        var current: [String] = []
        var depth = 0
        var i = 0
        func at(_ k: Int, _ c: Unicode.Scalar) -> Bool { k < chars.count && chars[k] == c }
        while i < chars.count {
            let c = chars[i]
            if c == "-", at(i + 1, "-") {
                while i < chars.count, chars[i] != "\n" { i += 1 }
            } else if c == "/", at(i + 1, "*") {
                i += 2
                while i < chars.count, !(chars[i] == "*" && at(i + 1, "/")) { i += 1 }
                i += 2
            } else if c == "'" || c == "\"" || c == "`" {
                i += 1
                while i < chars.count {
                    if chars[i] == "\\" { return nil }
                    if chars[i] == c {
                        if at(i + 1, c) { i += 2; continue }
                        break
                    }
                    i += 1
                }
                guard i < chars.count else { return nil }
                i += 1
                if depth == 0 { current.append("'") }
            } else if c == "$" || c == "#" || c == "\\" {
                return nil
            } else if c == "(" {
                if depth == 0 { current.append("(") }
                depth += 1
                i += 1
            } else if c == ")" {
                depth = max(0, depth - 1)
                i += 1
            } else if c == ";" && depth == 0 {
                if !current.isEmpty { statements.append(current) }
                current = []
                i += 1
            } else if c == "," && depth == 0 {
                current.append(",")
                i += 1
            } else if c.properties.isAlphabetic || c == "_" {
                let start = i
                while i < chars.count, chars[i].properties.isAlphabetic || chars[i] == "_" || ("0"..."9").contains(chars[i]) { i += 1 }
                if depth == 0 { current.append(String(String.UnicodeScalarView(chars[start..<i])).uppercased()) }
            } else {
                i += 1
            }
        }
        if !current.isEmpty { statements.append(current) }
        return statements
    }
}
