// Tokens of the SQL text databases give back (SQLite's stored CREATE statements,
// PostgreSQL's pg_get_expr output). Enough of SQL's lexical rules to read
// expressions and constraint clauses; anything else becomes a one-character symbol.

struct SQLToken: Equatable {
    enum Kind: Equatable {
        case word          // bare identifier or keyword, as written
        case quoted        // "ident", `ident` or [ident], unquoted in `text`
        case string        // '...' or E'...', unescaped in `text`
        case number
        case symbol        // operators and punctuation
    }

    var kind: Kind
    var text: String
    /// Character offsets of the token in the source, for slicing clause text.
    var range: Range<Int>

    func isWord(_ keyword: String) -> Bool { kind == .word && text.uppercased() == keyword }
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}

enum SQLTokenizer {
    static func tokenize(_ sql: String) -> [SQLToken] {
        let chars = Array(sql)
        var tokens: [SQLToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let start = i
            if c.isWhitespace { i += 1; continue }
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                i = min(i + 2, chars.count)
                continue
            }
            if (c == "E" || c == "e"), i + 1 < chars.count, chars[i + 1] == "'" {
                let (text, end) = quoted(chars, from: i + 1, close: "'", backslashEscapes: true)
                tokens.append(SQLToken(kind: .string, text: text, range: start..<end))
                i = end
            } else if c == "'" {
                let (text, end) = quoted(chars, from: i, close: "'", backslashEscapes: false)
                tokens.append(SQLToken(kind: .string, text: text, range: start..<end))
                i = end
            } else if c == "\"" || c == "`" || (c == "[" && tokens.last?.isWord("ARRAY") != true) {
                let (text, end) = quoted(chars, from: i, close: c == "[" ? "]" : c, backslashEscapes: false)
                tokens.append(SQLToken(kind: .quoted, text: text, range: start..<end))
                i = end
            } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                i = numberEnd(chars, from: i)
                tokens.append(SQLToken(kind: .number, text: String(chars[start..<i]), range: start..<i))
            } else if c.isLetter || c == "_" {
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "$" { i += 1 }
                tokens.append(SQLToken(kind: .word, text: String(chars[start..<i]), range: start..<i))
            } else {
                let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
                let width = ["::", "<>", "!=", "<=", ">=", "||"].contains(two) ? 2 : 1
                i += width
                tokens.append(SQLToken(kind: .symbol, text: String(chars[start..<i]), range: start..<i))
            }
        }
        return tokens
    }

    /// A quoted run starting at `from` (the opening quote); a doubled closing quote
    /// stands for itself. Returns the unquoted text and the index after the close.
    private static func quoted(_ chars: [Character], from: Int, close: Character, backslashEscapes: Bool) -> (String, Int) {
        var text = ""
        var i = from + 1
        while i < chars.count {
            let c = chars[i]
            if backslashEscapes, c == "\\", i + 1 < chars.count {
                text.append(chars[i + 1])
                i += 2
                continue
            }
            if c == close {
                if i + 1 < chars.count, chars[i + 1] == close, close != "]" {
                    text.append(c)
                    i += 2
                    continue
                }
                return (text, i + 1)
            }
            text.append(c)
            i += 1
        }
        return (text, i)
    }

    private static func numberEnd(_ chars: [Character], from: Int) -> Int {
        var i = from
        while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
            if j < chars.count, chars[j].isNumber {
                i = j
                while i < chars.count, chars[i].isNumber { i += 1 }
            }
        }
        return i
    }
}
