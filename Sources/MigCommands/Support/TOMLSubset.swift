/// A reader for the part of TOML that `migc.toml` uses: `[section]` headers,
/// `key = value` with strings (basic and literal), integers, booleans and arrays of
/// those, and `#` comments. Anything else is a clear error with line and column,
/// never a guess. (A full TOML library costs more build time than this file.)
struct TOMLSubset {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case array([Value])
    }

    struct ParseError: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// Keys are `section.key` (or just `key` before the first section).
    private(set) var values: [String: Value] = [:]
    /// Where each key was written (line), for error messages.
    private(set) var lines: [String: Int] = [:]

    init(parsing text: String) throws(ParseError) {
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var cursor = Cursor(line: index + 1, chars: Array(raw))
            cursor.skipSpace()
            if cursor.atEndOrComment { continue }
            if cursor.peek == "[" {
                cursor.advance()
                let name = try cursor.bareKey()
                guard cursor.peek == "]" else { throw cursor.error("expected `]` after section name") }
                cursor.advance()
                try cursor.expectEnd()
                section = name
                continue
            }
            let key = try cursor.bareKey()
            cursor.skipSpace()
            guard cursor.peek == "=" else { throw cursor.error("expected `=` after key `\(key)`") }
            cursor.advance()
            cursor.skipSpace()
            let value = try cursor.value()
            try cursor.expectEnd()
            let fullKey = section.isEmpty ? key : "\(section).\(key)"
            if lines[fullKey] != nil { throw ParseError(line: index + 1, column: 1, message: "key `\(fullKey)` is defined twice") }
            values[fullKey] = value
            lines[fullKey] = index + 1
        }
    }

    private struct Cursor {
        let line: Int
        let chars: [Character]
        var position = 0

        var peek: Character? { position < chars.count ? chars[position] : nil }
        var atEndOrComment: Bool { peek == nil || peek == "#" || peek == "\r" }
        mutating func advance() { position += 1 }
        mutating func skipSpace() { while peek == " " || peek == "\t" { advance() } }

        func error(_ message: String) -> ParseError { ParseError(line: line, column: position + 1, message: message) }

        mutating func expectEnd() throws(ParseError) {
            skipSpace()
            guard atEndOrComment else { throw error("unexpected text after value") }
        }

        mutating func bareKey() throws(ParseError) -> String {
            skipSpace()
            var key = ""
            while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." {
                key.append(c)
                advance()
            }
            guard !key.isEmpty else { throw error("expected a key") }
            skipSpace()
            return key
        }

        mutating func value() throws(ParseError) -> Value {
            switch peek {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[": return try array()
            case "t", "f":
                let word = String(chars[position...].prefix { $0.isLetter })
                guard word == "true" || word == "false" else { throw error("expected a value (string, integer, boolean or array)") }
                position += word.count
                return .bool(word == "true")
            case let c? where c.isNumber || c == "-" || c == "+":
                let text = String(chars[position...].prefix { $0.isNumber || $0 == "-" || $0 == "+" || $0 == "_" })
                guard let number = Int(text.replacingOccurrences(of: "_", with: "")) else { throw error("invalid integer `\(text)`") }
                position += text.count
                return .integer(number)
            default:
                throw error("expected a value (string, integer, boolean or array)")
            }
        }

        mutating func basicString() throws(ParseError) -> String {
            let opening = position
            advance()
            var out = ""
            while let c = peek {
                advance()
                switch c {
                case "\"": return out
                case "\\":
                    guard let e = peek else { break }
                    advance()
                    switch e {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    default: throw error("unsupported escape `\\\(e)`")
                    }
                default: out.append(c)
                }
            }
            throw ParseError(line: line, column: opening + 1, message: "unterminated string")
        }

        mutating func literalString() throws(ParseError) -> String {
            let opening = position
            advance()
            var out = ""
            while let c = peek {
                advance()
                if c == "'" { return out }
                out.append(c)
            }
            throw ParseError(line: line, column: opening + 1, message: "unterminated string")
        }

        mutating func array() throws(ParseError) -> Value {
            advance()
            var items: [Value] = []
            while true {
                skipSpace()
                if peek == "]" { advance(); return .array(items) }
                items.append(try value())
                skipSpace()
                if peek == "," { advance(); continue }
                guard peek == "]" else { throw error("expected `,` or `]` in array") }
            }
        }
    }
}
