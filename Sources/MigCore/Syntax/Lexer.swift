/// Turns bytes into tokens. Works on the raw bytes (no `String` per token), always
/// makes progress, and never traps: stray bytes and invalid UTF-8 become diagnostics
/// and are skipped, unterminated strings end at the line (or file) end.
public struct Lexer: Sendable {
    public static func tokenize(_ bytes: [UInt8], path: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        let result = scan(bytes, path: path)
        return (result.tokens, result.diagnostics)
    }

    /// Tokens, diagnostics and the byte offset where each line starts.
    /// With `headerOnly`, stops after an `upgrade` or `downgrade` word that starts a
    /// line (the end of the header), so the header fast path never lexes the body.
    /// Past `limit` diagnostics the rest are only counted (`notShown`).
    static func scan(
        _ bytes: [UInt8], path: String, headerOnly: Bool = false, limit: Int = Int.max
    ) -> (tokens: [Token], diagnostics: [Diagnostic], lineStarts: [Int], notShown: Int) {
        bytes.withUnsafeBufferPointer { p in
            var scanner = Scanner(p: p, path: path, headerOnly: headerOnly, limit: limit)
            scanner.run()
            return (scanner.tokens, scanner.diagnostics, scanner.lineStarts, scanner.notShown)
        }
    }
}

private struct Scanner {
    let p: UnsafeBufferPointer<UInt8>
    let path: String
    var i = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    /// Recorded as newlines are passed, so a diagnostic can always be placed.
    var lineStarts: [Int] = [0]
    let headerOnly: Bool
    let limit: Int
    var notShown = 0

    init(p: UnsafeBufferPointer<UInt8>, path: String, headerOnly: Bool, limit: Int) {
        self.p = p
        self.path = path
        self.headerOnly = headerOnly
        self.limit = limit
        tokens.reserveCapacity(headerOnly ? 64 : p.count / 5 + 16)
        lineStarts.reserveCapacity(headerOnly ? 16 : p.count / 32 + 1)
    }

    func byte(_ at: Int) -> UInt8 { at < p.count ? p[at] : 0 }

    mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int) {
        tokens.append(Token(kind, start, end))
    }

    mutating func report(_ error: SyntaxError, _ start: Int, _ end: Int, label: String? = nil, notes: [DiagnosticNote] = [], help: String? = nil) {
        guard diagnostics.count < limit else { notShown += 1; return }
        let span = SourceSpan(file: path, start: location(start), end: location(max(start, end)))
        diagnostics.append(.error(error.message, at: span, code: error.code, label: label, notes: notes, help: help))
    }

    func location(_ offset: Int) -> SourceLocation {
        let line = LineMap.line(of: offset, in: lineStarts)
        return SourceLocation(line: line + 1, column: offset - lineStarts[line] + 1, offset: offset)
    }

    mutating func run() {
        // A UTF-8 byte order mark (some editors write one) is not text.
        if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        while i < p.count {
            let start = i
            let b = p[i]
            switch b {
            case 32, 9, 13, 11, 12: i += 1
            case 10:
                i += 1
                emit(.newline, start, i)
                lineStarts.append(i)
            case UInt8(ascii: "-"):
                if byte(i + 1) == UInt8(ascii: "-") { comment() } else { single(.minus) }
            case UInt8(ascii: "\""):
                if byte(i + 1) == b, byte(i + 2) == b { tripleString() } else { string() }
            case UInt8(ascii: "`"): quotedName()
            case UInt8(ascii: "'"): singleQuotedString()
            case UInt8(ascii: "0")...UInt8(ascii: "9"): numberOrWord()
            case UInt8(ascii: "."):
                // `.5` is a number, but in `t.1c` the dot qualifies a name.
                let qualifies = i > 0 && (isWordByte(p[i - 1]) || p[i - 1] == UInt8(ascii: "`"))
                if isDigit(byte(i + 1)), !qualifies { numberOrWord() } else { single(.dot) }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                i += 1
                while i < p.count, isWordByte(p[i]) { i += 1 }
                emit(.word, start, i)
                if headerOnly, endsHeader(start, i) {
                    tokens.append(Token(.endOfFile, i, i))
                    return
                }
            case UInt8(ascii: "("): single(.leftParen)
            case UInt8(ascii: ")"): single(.rightParen)
            case UInt8(ascii: "{"): single(.leftBrace)
            case UInt8(ascii: "}"): single(.rightBrace)
            case UInt8(ascii: ","): single(.comma)
            case UInt8(ascii: ";"): single(.semicolon)
            case UInt8(ascii: ":"): single(.colon)
            case UInt8(ascii: "="): single(.equal)
            case UInt8(ascii: "+"): single(.plus)
            case UInt8(ascii: "*"): single(.star)
            case UInt8(ascii: "/"): single(.slash)
            case UInt8(ascii: "%"): single(.percent)
            case UInt8(ascii: "<"):
                let next = byte(i + 1)
                if next == UInt8(ascii: "=") { pair(.lessEqual) } else if next == UInt8(ascii: ">") { pair(.notEqual) } else { single(.less) }
            case UInt8(ascii: ">"):
                if byte(i + 1) == UInt8(ascii: "=") { pair(.greaterEqual) } else { single(.greater) }
            case UInt8(ascii: "!") where byte(i + 1) == UInt8(ascii: "="): pair(.notEqual)
            case UInt8(ascii: "|") where byte(i + 1) == UInt8(ascii: "|"): pair(.concat)
            case UInt8(ascii: "[") where byte(i + 1) == UInt8(ascii: "]"): pair(.brackets)
            default: strayRun()
            }
        }
        emit(.endOfFile, p.count, p.count)
    }

    /// `upgrade` or `downgrade` (any case) as the first token of its line.
    func endsHeader(_ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length == 7 || length == 9, tokens.count < 2 || tokens[tokens.count - 2].kind == .newline else { return false }
        let word: StaticString = length == 7 ? "upgrade" : "downgrade"
        let k = word.utf8Start
        for n in 0..<length where p[start + n] | 0x20 != k[n] { return false }
        return true
    }

    mutating func single(_ kind: TokenKind) { emit(kind, i, i + 1); i += 1 }
    mutating func pair(_ kind: TokenKind) { emit(kind, i, i + 2); i += 2 }

    mutating func comment() {
        let start = i
        while i < p.count, p[i] != 10 { i += 1 }
        // Trailing blanks (and the `\r` of CRLF) are not part of the comment's text.
        var end = i
        while end > start + 2, p[end - 1] == 13 || p[end - 1] == 32 || p[end - 1] == 9 { end -= 1 }
        validateUTF8(start, end)
        emit(.comment, start, end)
    }

    /// `"..."` with `\"`, `\\` and `\n`; ends at the closing quote or, unterminated,
    /// at the end of the line.
    mutating func string() {
        let start = i
        i += 1
        while i < p.count {
            let b = p[i]
            if b == UInt8(ascii: "\"") { i += 1; validateUTF8(start, i); emit(.string, start, i); return }
            if b == 10 { break }
            if b == UInt8(ascii: "\\") {
                let e = byte(i + 1)
                if e == UInt8(ascii: "\"") || e == UInt8(ascii: "\\") || e == UInt8(ascii: "n") {
                    i += 2
                    continue
                }
                if e == 10 || i + 1 >= p.count { i += 1; continue }
                let len = max(1, utf8Length(i + 1) ?? 1)
                let text = String(decoding: UnsafeBufferPointer(rebasing: p[i..<(i + 1 + len)]), as: UTF8.self)
                report(.unknownEscape(text), i, i + 1 + len, label: "not an escape", help: "the escapes are `\\\"`, `\\\\` and `\\n`; use a `\"\"\"...\"\"\"` string for raw text")
                i += 1 + len
                continue
            }
            i += 1
        }
        var end = i
        if end > start, byte(end - 1) == 13 { end -= 1 }
        validateUTF8(start, end)
        report(.unterminatedString, start, end, label: "this string has no closing `\"`", help: "strings end on their line; use `\"\"\"...\"\"\"` for text spanning lines")
        emit(.string, start, end)
    }

    /// `"""..."""`, spanning lines, no escapes.
    mutating func tripleString() {
        let start = i
        i += 3
        while i + 2 < p.count {
            if p[i] == 10 { lineStarts.append(i + 1) }
            if p[i] == UInt8(ascii: "\""), p[i + 1] == UInt8(ascii: "\""), p[i + 2] == UInt8(ascii: "\"") {
                i += 3
                validateUTF8(start, i)
                emit(.tripleString, start, i)
                return
            }
            i += 1
        }
        while i < p.count {
            if p[i] == 10 { lineStarts.append(i + 1) }
            i += 1
        }
        validateUTF8(start, i)
        report(.unterminatedTripleString, start, start + 3, label: "string starts here", help: "close it with `\"\"\"`")
        emit(.tripleString, start, i)
    }

    /// `'...'` as SQL writes it: reported with a fix-it, then lexed as a string so
    /// the parse goes on as if it had been written `"..."`.
    mutating func singleQuotedString() {
        let start = i
        i += 1
        while i < p.count, p[i] != UInt8(ascii: "'"), p[i] != 10 { i += 1 }
        let closed = i < p.count && p[i] == UInt8(ascii: "'")
        if closed { i += 1 }
        validateUTF8(start, i)
        let inner = UnsafeBufferPointer(rebasing: p[(start + 1)..<(closed ? i - 1 : i)])
        var fixed = "\""
        for scalar in String(decoding: inner, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\"": fixed += "\\\""
            case "\\": fixed += "\\\\"
            default: fixed.unicodeScalars.append(scalar)
            }
        }
        fixed += "\""
        guard diagnostics.count < limit else { notShown += 1; emit(.string, start, i); return }
        let span = SourceSpan(file: path, start: location(start), end: location(i))
        diagnostics.append(.error(
            SyntaxError.singleQuotedString.message, at: span, code: SyntaxError.singleQuotedString.code,
            help: "write `\(fixed)`", fixIts: [FixIt(replace: span, with: fixed)]))
        emit(.string, start, i)
    }

    mutating func quotedName() {
        let start = i
        i += 1
        while i < p.count, p[i] != UInt8(ascii: "`"), p[i] != 10 { i += 1 }
        if i < p.count, p[i] == UInt8(ascii: "`") {
            i += 1
            validateUTF8(start, i)
            if i - start == 2 { report(.emptyQuotedName, start, i, label: "a name needs at least one character") }
            emit(.quotedIdentifier, start, i)
            return
        }
        var end = i
        if end > start, byte(end - 1) == 13 { end -= 1 }
        validateUTF8(start, end)
        report(.unterminatedQuotedName, start, end, label: "this name has no closing backtick")
        emit(.quotedIdentifier, start, end)
    }

    /// SQL numerals (`42`, `1.5`, `.5`, `1e3`, `2.5E-3`). A run of letters and digits
    /// that starts with a digit and is no numeral (revision id `7c1e9a20b4d3`) is a word.
    mutating func numberOrWord() {
        let start = i
        var j = i
        while isDigit(byte(j)) { j += 1 }
        var plain = true
        if byte(j) == UInt8(ascii: ".") {
            plain = false
            j += 1
            while isDigit(byte(j)) { j += 1 }
        }
        let e = byte(j)
        if e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var k = j + 1
            let sign = byte(k)
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { k += 1 }
            if isDigit(byte(k)) {
                if k != j + 1 { plain = false }
                while isDigit(byte(k)) { k += 1 }
                j = k
            }
        }
        if plain, j < p.count, isWordByte(p[j]) {
            j = start
            while j < p.count, isWordByte(p[j]) { j += 1 }
            i = j
            emit(.word, start, i)
            return
        }
        i = j
        emit(.number, start, i)
    }

    /// A run of bytes that start no token, reported once.
    mutating func strayRun() {
        let start = i
        var first: SyntaxError?
        while i < p.count, !startsToken(i) {
            let b = p[i]
            if b < 0x80 {
                if first == nil { first = b == 0 ? .nulByte : .unexpectedCharacter(describe(b)) }
                i += 1
            } else if let len = utf8Length(i) {
                if first == nil {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: p[i..<(i + len)]), as: UTF8.self)
                    first = .unexpectedCharacter("`\(text)`")
                }
                i += len
            } else {
                if first == nil { first = .invalidUTF8(b) }
                i += 1
            }
        }
        if i == start { i += 1 }  // progress guard; startsToken(start) was false
        if let first {
            let label = i - start > 1 ? "these characters are not part of the language" : "not part of the language"
            report(first, start, i, label: label)
        }
    }

    /// Whether a token or whitespace may begin at `at` (stops a stray run).
    func startsToken(_ at: Int) -> Bool {
        let b = p[at]
        switch b {
        case 32, 9, 10, 11, 12, 13: return true
        case UInt8(ascii: "!"): return byte(at + 1) == UInt8(ascii: "=")
        case UInt8(ascii: "|"): return byte(at + 1) == UInt8(ascii: "|")
        case UInt8(ascii: "["): return byte(at + 1) == UInt8(ascii: "]")
        case UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "/"),
             UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        default: return isWordByte(b)
        }
    }

    func describe(_ b: UInt8) -> String {
        if b >= 33 && b < 127 { return "`" + String(UnicodeScalar(b)) + "`" }
        return "U+00" + hexByte(b)
    }

    /// Reports the first invalid UTF-8 byte in `[start, end)`, once per token, and the
    /// first NUL: C strings end at a NUL, so the SQL after one would silently never run.
    mutating func validateUTF8(_ start: Int, _ end: Int) {
        var k = start
        while k < end {
            if p[k] == 0 {
                report(.nulByte, k, k + 1, label: "NUL byte here", help: "remove it: a NUL ends the text for the database driver")
                return
            }
            if p[k] < 0x80 { k += 1; continue }
            guard let len = utf8Length(k), k + len <= end else {
                report(.invalidUTF8(p[k]), k, k + 1, label: "not valid UTF-8", help: "save the file as UTF-8")
                return
            }
            k += len
        }
    }

    /// Length of the valid UTF-8 sequence starting at `at`, or nil.
    func utf8Length(_ at: Int) -> Int? {
        at < p.count ? utf8SequenceLength(p, at) : 1
    }
}

/// Length of the valid UTF-8 sequence starting at `at` (< `p.count`), or nil.
func utf8SequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int? {
    func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
        at + k < p.count && p[at + k] >= lo && p[at + k] <= hi
    }
    switch p[at] {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: return cont(1) ? 2 : nil
    case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : nil
    case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : nil
    case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : nil
    case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : nil
    case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : nil
    case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : nil
    default: return nil
    }
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

@inline(__always) func isWordByte(_ b: UInt8) -> Bool {
    (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95
}

func hexByte(_ b: UInt8) -> String {
    let digits: [Character] = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
}
