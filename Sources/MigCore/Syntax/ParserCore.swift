/// Thrown after a syntax error has been reported: unwinds to the nearest statement
/// (or table item, or header line), which resynchronises. One error per mistake.
struct ParseAbort: Error {}

/// The recursive-descent parser's state: the token array, a cursor on the current
/// significant token, the comments seen since the last claim, and the diagnostics.
/// Grammar rules live in extensions, one file per construct.
struct MigParser {
    let bytes: [UInt8]
    let tokens: [Token]
    let lines: LineMap
    var index = 0
    var diagnostics: [Diagnostic]
    /// Inside parentheses newlines do not end statements: the cursor skips them.
    var parenDepth = 0
    /// Expression recursion depth, capped so deep nesting is an error, not a crash.
    var expressionDepth = 0
    /// End offset of the last consumed token.
    var previousEnd = 0
    /// Whole-line comments skipped since the last claim (leading trivia).
    var leadingComments: [String] = []
    /// A comment on the same line as the previous token (trailing trivia).
    var trailingComment: String?

    static let maximumExpressionDepth = 256

    /// An unterminated `"""` ran to the end of the file (already reported): blocks
    /// left open at the end are a consequence, not a second mistake.
    let swallowedToEnd: Bool

    /// Set once `errorLimit` errors were reported: later reports are dropped.
    var stoppedAtLimit = false
    /// Lexical errors past the limit, counted but not kept.
    let lexicalErrorsNotShown: Int

    init(bytes: [UInt8], path: String, headerOnly: Bool = false) {
        self.bytes = bytes
        if let nonText = TextCheck.nonText(bytes) {
            // Not text (a binary or another encoding): one error, nothing lexed.
            lines = LineMap(path: path, bytes: bytes)
            tokens = [Token(.endOfFile, bytes.count, bytes.count)]
            diagnostics = []
            swallowedToEnd = true
            lexicalErrorsNotShown = 0
            report(.notText(count: nonText.count), at: lines.span(nonText.first, nonText.first + 1),
                   label: "not UTF-8 text", help: "a revision is a UTF-8 text file; save it as UTF-8")
            stoppedAtLimit = true
            return
        }
        let lexed = Lexer.scan(bytes, path: path, headerOnly: headerOnly, limit: Self.errorLimit)
        lines = LineMap(path: path, starts: lexed.lineStarts)
        tokens = lexed.tokens
        diagnostics = lexed.diagnostics
        lexicalErrorsNotShown = lexed.notShown
        swallowedToEnd = lexed.diagnostics.contains { $0.code == SyntaxError.unterminatedTripleString.code }
        skipTrivia()
        if lexicalErrorsNotShown > 0 { stopAtErrorLimit() }
    }

    // MARK: Cursor

    var current: Token { tokens[index] }
    var kind: TokenKind { tokens[index].kind }
    var atEnd: Bool { tokens[index].kind == .endOfFile }

    /// Consumes the current token and returns it. Bind the result before passing it
    /// to a method: `identifier(advance())` makes Swift copy the whole parser.
    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if let comment = trailingComment {
            leadingComments.append(comment)
            trailingComment = nil
        }
        if token.kind != .endOfFile {
            index += 1
            // Errors "at a newline" point just after the last token on its line.
            if token.kind != .newline { previousEnd = token.end }
        }
        skipTrivia()
        return token
    }

    /// Moves past comments (collecting them) and, inside parentheses, newlines.
    mutating func skipTrivia() {
        while true {
            let token = tokens[index]
            if token.kind == .comment {
                let text = commentText(token)
                if index == 0 || tokens[index - 1].kind == .newline {
                    leadingComments.append(text)
                } else {
                    if let previous = trailingComment { leadingComments.append(previous) }
                    trailingComment = text
                }
                index += 1
            } else if token.kind == .newline && parenDepth > 0 {
                index += 1
            } else {
                return
            }
        }
    }

    func commentText(_ token: Token) -> String {
        String(decoding: bytes[(token.start + 2)..<token.end], as: UTF8.self)
    }

    /// The kind of the significant token `offset` places ahead (comments skipped;
    /// newlines count unless inside parentheses).
    func peek(_ offset: Int = 1) -> Token {
        var k = index
        var remaining = offset
        while remaining > 0, tokens[k].kind != .endOfFile {
            k += 1
            while tokens[k].kind == .comment || (tokens[k].kind == .newline && parenDepth > 0) { k += 1 }
            remaining -= 1
        }
        return tokens[k]
    }

    mutating func skipNewlines() {
        while kind == .newline || kind == .semicolon { advance() }
    }

    // MARK: Words

    /// Whether `token` is a word equal to `keyword` (lowercase ASCII), ignoring case.
    func isWord(_ token: Token, _ keyword: StaticString) -> Bool {
        guard token.kind == .word, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        let k = keyword.utf8Start
        for n in 0..<keyword.utf8CodeUnitCount {
            // Exact match first; else fold ASCII upper case only (`_ | 0x20` is DEL).
            let b = bytes[token.start + n]
            if b != k[n], !(b >= 65 && b <= 90 && b | 0x20 == k[n]) { return false }
        }
        return true
    }

    func at(_ keyword: StaticString) -> Bool { isWord(current, keyword) }

    /// A word's text in lowercase (for switches and messages).
    func lowercased(_ token: Token) -> String {
        String(decoding: bytes[token.start..<token.end].lazy.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    func text(_ token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// How a message names a token: "newline", "end of file", "`drop`".
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline, .endOfFile, .comment: return token.kind.description
        case .string, .tripleString: return "a string"
        default:
            let length = token.end - token.start
            if length > 40 { return token.kind.description }
            return "`" + text(token) + "`"
        }
    }

    var found: String { atAbandonedLine ? "newline" : describe(current) }

    /// Inside parentheses the cursor skips newlines; a next line that starts an
    /// operation, a block or `}` means a `)` was forgotten on the line before.
    var atAbandonedLine: Bool {
        parenDepth > 0 && newlineBeforeCurrent && (kind == .rightBrace || startsOperationLine || startsBlock(current))
    }

    // MARK: Spans and diagnostics

    func span(_ token: Token) -> SourceSpan { lines.span(token.start, token.end) }
    func span(from start: Int) -> SourceSpan { lines.span(start, max(start, previousEnd)) }
    func span(_ start: Int, _ end: Int) -> SourceSpan { lines.span(start, end) }

    mutating func report(
        _ error: SyntaxError, at span: SourceSpan, label: String? = nil,
        notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []
    ) {
        guard !stoppedAtLimit else { return }
        diagnostics.append(.error(error.message, at: span, code: error.code, label: label, notes: notes, help: help, fixIts: fixIts))
        if diagnostics.count >= Self.errorLimit { stopAtErrorLimit() }
    }

    /// Reports at the current token and returns the error to throw.
    mutating func fail(_ error: SyntaxError, label: String? = nil, notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []) -> ParseAbort {
        report(error, at: errorSpan(), label: label, notes: notes, help: help, fixIts: fixIts)
        return ParseAbort()
    }

    /// Where an error "at the current token" points: a newline or end of file is
    /// shown just after the previous token, on its line.
    func errorSpan() -> SourceSpan {
        let token = current
        if token.kind == .newline || token.kind == .endOfFile || atAbandonedLine {
            return lines.span(previousEnd, previousEnd)
        }
        return span(token)
    }

    /// Consumes the keyword or reports `error(found)` (help computed only on failure).
    @discardableResult
    mutating func consume(
        _ keyword: StaticString, help: (MigParser) -> String? = { _ in nil }, _ error: (String) -> SyntaxError
    ) throws(ParseAbort) -> Token {
        if at(keyword) { return advance() }
        let message = error(found)
        throw fail(message, help: help(self))
    }

    // MARK: Trivia

    mutating func takeLeading() -> [String] {
        defer { leadingComments = [] }
        return leadingComments
    }

    mutating func takeTrailing() -> String? {
        defer { trailingComment = nil }
        return trailingComment
    }

    // MARK: Recovery

    /// Whether the current token ends a statement.
    var atStatementEnd: Bool {
        switch kind {
        case .newline, .semicolon, .rightBrace, .endOfFile: true
        default: false
        }
    }

    /// After an error: skip to the end of the statement (a newline or `;` outside
    /// nested braces) or to a `}` that closes the enclosing block. Newlines inside
    /// unbalanced parentheses are skipped unless the next line starts an operation.
    mutating func synchronize(inTable: Bool = false) {
        // A `)` forgotten before a new line: resume right there.
        let abandoned = inTable ? parenDepth > 0 && newlineBeforeCurrent && looksLikeTableItem : atAbandonedLine
        parenDepth = 0
        expressionDepth = 0
        if abandoned { return }
        var braces = 0
        var parens = 0
        while !atEnd {
            switch kind {
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
            case .leftParen: parens += 1
            case .rightParen: parens = max(0, parens - 1)
            case .comma where inTable && braces == 0 && parens == 0:
                advance()
                return
            case .semicolon where braces == 0 && parens == 0:
                advance()
                return
            case .newline where braces == 0:
                advance()
                if parens == 0 || startsOperation(current) || kind == .rightBrace || (inTable && looksLikeTableItem) { return }
                continue
            default: break
            }
            advance()
        }
    }

    /// Whether a newline lies between the previous token and the current one (the
    /// cursor skips newlines inside parentheses).
    var newlineBeforeCurrent: Bool {
        var k = index - 1
        while k >= 0 {
            switch tokens[k].kind {
            case .newline: return true
            case .comment: k -= 1
            default: return false
            }
        }
        return false
    }

    /// `name type`, `primary key`, `check name (`...: two words (or a word and a
    /// quoted name or type) at the start of a line.
    var looksLikeTableItem: Bool {
        guard kind == .word || kind == .quotedIdentifier else { return false }
        let next = peek().kind
        return next == .word || next == .quotedIdentifier || next == .string
    }

    /// The words that start an operation, in the order the "unknown operation" help lists them.
    static let operationWords: [StaticString] = ["create", "drop", "rename", "add", "alter", "validate", "insert", "update", "delete", "replace", "comment", "sql"]
    static let operationKeywords = operationWords.map(\.description)
    static let operationKeywordList = operationKeywords.dropLast().map { "`\($0)`" }.joined(separator: ", ") + " and `\(operationKeywords.last!)`"

    func startsOperation(_ token: Token) -> Bool {
        Self.operationWords.contains { isWord(token, $0) }
    }
}
