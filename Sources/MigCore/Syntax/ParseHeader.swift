/// The header lines seen so far, where each was first written, and their comments.
struct HeaderState {
    var header = RevisionHeader()
    var firstSpans: [String: SourceSpan] = [:]
    var sawLine = false
    /// A header-level mistake was reported: "missing line" errors would repeat it.
    var hadError = false
    var start: Int?

    static let keywords = ["revision", "parent", "message", "created", "label", "depends", "transaction", "lock_timeout", "statement_timeout", "replaces"]

    static func keyword(_ word: String) -> String? { keywords.contains(word) ? word : nil }

    mutating func noteBlockTrivia(_ block: String, _ comments: [String]) {
        guard !comments.isEmpty else { return }
        header.trivia[block, default: Trivia()].leading += comments
    }
}

extension MigParser {
    /// header_line := keyword arguments (newline | `;` | EOF)
    mutating func parseHeaderLine(_ keyword: String, _ state: inout HeaderState) throws(ParseAbort) {
        let leading = takeLeading()
        let keywordToken = advance()
        let first = state.firstSpans[keyword]
        if let first {
            report(.duplicateHeaderLine(keyword), at: span(keywordToken),
                   notes: [DiagnosticNote("the first `\(keyword)` line is here", at: first)],
                   help: keyword == "parent" || keyword == "label" || keyword == "depends" || keyword == "replaces"
                       ? "list several on one line, separated by commas" : nil)
        }
        var header = state.header
        do {
            try parseHeaderArguments(keyword, keywordToken, into: &header)
            try expectStatementEnd(after: "the `\(keyword)` line")
        } catch {
            state.hadError = true
            throw error
        }
        if first == nil {
            state.header = header
            state.firstSpans[keyword] = span(from: keywordToken.start)
        }
        state.start = state.start ?? keywordToken.start
        var trivia = state.header.trivia[keyword] ?? Trivia()
        if state.sawLine { trivia.leading += leading } else if !leading.isEmpty { state.header.trivia[""] = Trivia(leading: leading) }
        if let trailing = takeTrailing() { trivia.trailing = trailing }
        if !trivia.isEmpty { state.header.trivia[keyword] = trivia }
        state.sawLine = true
    }

    mutating func parseHeaderArguments(_ keyword: String, _ keywordToken: Token, into header: inout RevisionHeader) throws(ParseAbort) {
        switch keyword {
        case "revision": header.revision = try parseRevisionID(after: keyword)
        case "parent": header.parents = try parseRevisionIDList(after: keyword)
        case "depends": header.depends = try parseRevisionIDList(after: keyword)
        case "replaces": header.replaces = try parseRevisionIDList(after: keyword)
        case "message": header.message = try parseMessage()
        case "created": header.created = try parseCreated()
        case "label":
            var labels: [Identifier] = []
            repeat {
                if !labels.isEmpty { advance() }
                guard kind == .word || kind == .quotedIdentifier else { throw fail(.expectedLabelName(found: found)) }
                let token = advance()
                labels.append(identifier(token))
            } while kind == .comma
            header.labels = labels
        case "lock_timeout", "statement_timeout": header.timeouts.set(keyword, try parseTimeout(keyword))
        default:
            try consume("off", help: { _ in "`transaction off` runs the revision outside a transaction" }) { .expectedOff(found: $0) }
            header.transactionOff = span(from: keywordToken.start)
        }
    }

    /// A revision id: `[a-z0-9_]+`, lexed as a word or a number.
    /// The width of `migc_version.revision`.
    static let maximumRevisionIDLength = 255

    mutating func parseRevisionID(after keyword: String) throws(ParseAbort) -> Identifier {
        guard kind == .word || kind == .number || kind == .quotedIdentifier else {
            throw fail(.expectedRevisionID(after: keyword, found: found))
        }
        let token = advance()
        let id = token.kind == .quotedIdentifier ? identifier(token) : Identifier(text(token), span: span(token))
        let valid = !id.name.isEmpty && id.name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || isDigit($0) || $0 == 95 }
        if !valid {
            let lower = id.name.lowercased()
            let fixable = lower.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || isDigit($0) || $0 == 95 } && !lower.isEmpty
            report(.invalidRevisionID(id.name), at: id.span, label: "ids are lowercase letters, digits and `_`",
                   help: fixable ? "did you mean `\(lower)`?" : nil,
                   fixIts: fixable ? [FixIt(replace: id.span, with: lower)] : [])
        } else if id.name.utf8.count > Self.maximumRevisionIDLength {
            report(.invalidRevisionID(id.name), at: id.span,
                   label: "\(id.name.utf8.count) characters; the version table holds \(Self.maximumRevisionIDLength)")
        }
        return id
    }

    mutating func parseRevisionIDList(after keyword: String) throws(ParseAbort) -> [Identifier] {
        var ids = [try parseRevisionID(after: keyword)]
        while kind == .comma {
            advance()
            ids.append(try parseRevisionID(after: "`,` in the `\(keyword)` line"))
        }
        return ids
    }

    mutating func parseMessage() throws(ParseAbort) -> StringLiteral {
        guard kind == .string || kind == .tripleString else {
            throw fail(.expectedMessage(found: found), help: "write the message in double quotes: `message \"add accounts\"`")
        }
        let token = advance()
        let literal = stringLiteral(token)
        if literal.value.allSatisfy(\.isWhitespace) {
            report(.emptyMessage, at: literal.span, label: "say what this revision does")
        }
        return literal
    }

    /// `created 2026-11-25T10:00:00Z` (bare: the text of the adjacent tokens) or
    /// `created "2026-11-25 10:00:00"`.
    mutating func parseCreated() throws(ParseAbort) -> StringLiteral {
        let literal: StringLiteral
        if kind == .string || kind == .tripleString {
            let token = advance()
            literal = stringLiteral(token)
        } else if kind == .word || kind == .number {
            let start = current.start
            var end = advance().end
            while current.start == end, !atStatementEnd, kind != .comment, kind != .string {
                end = advance().end
            }
            literal = StringLiteral(String(decoding: bytes[start..<end], as: UTF8.self), span: span(start, end))
        } else {
            throw fail(.invalidTimestamp(text(current)), label: "expected an ISO 8601 timestamp",
                       help: "write it as `created 2026-11-25T10:00:00Z`")
        }
        if !isISO8601(Array(literal.value.utf8)) {
            report(.invalidTimestamp(literal.value), at: literal.span, label: "not an ISO 8601 timestamp",
                   help: "write it as `2026-11-25T10:00:00Z`")
        }
        return literal
    }

    /// Missing required lines are reported unless a header mistake already was.
    mutating func finishHeader(_ state: inout HeaderState) -> RevisionHeader {
        var header = state.header
        let at = span(0, 0)
        if !state.hadError {
            if header.revision == nil {
                report(.missingRevision, at: at, help: "start the file with a line `revision <id>`")
            }
            if header.message == nil {
                report(.missingMessage, at: at, help: "add a line `message \"what this revision does\"`")
            }
        }
        let start = state.start ?? 0
        header.span = span(start, max(start, state.firstSpans.values.map(\.end.offset).max() ?? start))
        return header
    }

    /// Statement end: newline, `;`, `}` or end of file.
    mutating func expectStatementEnd(after what: String) throws(ParseAbort) {
        guard atStatementEnd || newlineBeforeCurrent else { throw fail(.expectedStatementEnd(after: what, found: found)) }
        if kind == .semicolon { advance() }
    }

    // MARK: Literals

    func identifier(_ token: Token) -> Identifier {
        if token.kind == .quotedIdentifier {
            let closed = token.end - token.start >= 2 && bytes[token.end - 1] == UInt8(ascii: "`")
            let inner = bytes[(token.start + 1)..<(closed ? token.end - 1 : token.end)]
            return Identifier(String(decoding: inner, as: UTF8.self), span: span(token))
        }
        return Identifier(text(token), span: span(token))
    }

    /// The value of a string token, escapes processed (`"..."`) or raw (`"""..."""`).
    func stringLiteral(_ token: Token) -> StringLiteral {
        StringLiteral(stringValue(token), span: span(token))
    }

    func stringValue(_ token: Token) -> String {
        let q = UInt8(ascii: "\"")
        if token.kind == .tripleString {
            let length = token.end - token.start
            let closed = length >= 6 && bytes[token.end - 1] == q && bytes[token.end - 2] == q && bytes[token.end - 3] == q
            return String(decoding: bytes[(token.start + 3)..<(closed ? token.end - 3 : token.end)], as: UTF8.self)
        }
        let quote = bytes[token.start]  // `'` for a (reported) single-quoted string
        let closed = token.end - token.start >= 2 && bytes[token.end - 1] == quote
        var end = closed ? token.end - 1 : token.end
        if closed, quote == q, token.end - token.start >= 3, bytes[token.end - 2] == UInt8(ascii: "\\") {
            // `"abc\"` unterminated at a line end: the last quote was escaped.
            var slashes = 0
            var k = token.end - 2
            while k > token.start, bytes[k] == UInt8(ascii: "\\") { slashes += 1; k -= 1 }
            if slashes % 2 == 1 { end = token.end }
        }
        let inner = bytes[(token.start + 1)..<max(token.start + 1, end)]
        guard quote == q, inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var k = inner.startIndex
        while k < inner.endIndex {
            let b = inner[k]
            if b == UInt8(ascii: "\\"), k + 1 < inner.endIndex {
                let e = inner[k + 1]
                if e == UInt8(ascii: "n") { out.append(10); k += 2; continue }
                if e == q || e == UInt8(ascii: "\\") { out.append(e); k += 2; continue }
            }
            out.append(b)
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]][Z|±HH[:]MM]]`, with field ranges checked.
func isISO8601(_ s: [UInt8]) -> Bool {
    var k = 0
    func number(_ digits: Int, _ range: ClosedRange<Int>) -> Bool {
        guard k + digits <= s.count else { return false }
        var value = 0
        for n in 0..<digits {
            guard isDigit(s[k + n]) else { return false }
            value = value * 10 + Int(s[k + n] - 48)
        }
        k += digits
        return range.contains(value)
    }
    func take(_ c: Character) -> Bool {
        guard k < s.count, s[k] == c.asciiValue! else { return false }
        k += 1
        return true
    }
    guard number(4, 0...9999), take("-"), number(2, 1...12), take("-"), number(2, 1...31) else { return false }
    if k == s.count { return true }
    guard take("T") || take("t") || take(" "), number(2, 0...23), take(":"), number(2, 0...59) else { return false }
    if take(":") {
        guard number(2, 0...60) else { return false }
        if take(".") {
            let digitsStart = k
            while k < s.count, isDigit(s[k]) { k += 1 }
            if k == digitsStart { return false }
        }
    }
    if k == s.count { return true }
    if take("Z") || take("z") { return k == s.count }
    guard take("+") || take("-"), number(2, 0...23) else { return false }
    _ = take(":")
    return number(2, 0...59) && k == s.count
}
