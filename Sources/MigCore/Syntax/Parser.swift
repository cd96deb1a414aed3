/// A parsed file and every diagnostic found in it. The tree is always there, partial
/// when there were errors (`Expr.Kind.invalid` placeholders, skipped statements).
public struct ParseResult: Sendable {
    public var file: MigFile
    public var diagnostics: [Diagnostic]

    public init(file: MigFile, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }
}

/// Parses `.mig` files. Never traps; reports every syntax error of the file.
///
/// Comments become `Trivia`: whole-line comments before a statement, column, table
/// constraint or header line are its `leading` comments; a comment at the end of its
/// line is its `trailing` comment. Header trivia is keyed by the line's keyword; the
/// comments before the first header line are under `""`, comments before a block
/// under `"upgrade"` / `"downgrade"` (leading), and a comment after a block's `{`
/// leads its first statement. A comment nobody claims on its own line (after a `{`,
/// after a `}`, inside a multi-line parenthesized expression) leads the next item.
public enum Parser {
    public static func parse(bytes: [UInt8], path: String) -> ParseResult {
        var parser = MigParser(bytes: bytes, path: path)
        let file = parser.parseFile()
        return ParseResult(file: file, diagnostics: parser.diagnostics)
    }

    public static func parse(source: String, path: String) -> ParseResult {
        parse(bytes: Array(source.utf8), path: path)
    }

    /// Parses only the header lines, stopping at the first `upgrade` or `downgrade`
    /// (for commands that need ids and parents only).
    public static func parseHeader(bytes: [UInt8], path: String) -> (RevisionHeader, [Diagnostic]) {
        var parser = MigParser(bytes: bytes, path: path, headerOnly: true)
        let header = parser.parseHeaderOnly()
        return (header, parser.diagnostics)
    }
}

extension MigParser {
    /// file := (header_line | upgrade_block | downgrade_block)* EOF
    mutating func parseFile() -> MigFile {
        var state = HeaderState()
        var upgrade: (Block, SourceSpan)?
        var downgrade: (Downgrade, SourceSpan)?
        var sawBlock = false
        skipNewlines()
        while !atEnd {
            let before = index
            if at("upgrade") {
                state.noteBlockTrivia("upgrade", takeLeading())
                let keyword = advance()
                if let block = parseBlockBody(after: keyword, name: "upgrade") {
                    if let first = upgrade {
                        report(.duplicateBlock("upgrade"), at: span(keyword), notes: [DiagnosticNote("the first `upgrade` block is here", at: first.1)])
                    } else {
                        upgrade = (block, span(keyword))
                    }
                }
                sawBlock = true
            } else if at("downgrade") {
                state.noteBlockTrivia("downgrade", takeLeading())
                let keyword = advance()
                if let body = parseDowngrade(after: keyword) {
                    if let first = downgrade {
                        report(.duplicateBlock("downgrade"), at: span(keyword), notes: [DiagnosticNote("the first `downgrade` is here", at: first.1)])
                    } else {
                        downgrade = (body, span(keyword))
                    }
                }
                sawBlock = true
            } else {
                parseTopLevelLine(&state, afterBlocks: sawBlock)
            }
            skipNewlines()
            if index == before { advance() }  // progress guard
        }
        let header = finishHeader(&state)
        return MigFile(
            path: lines.path, header: header, upgrade: upgrade?.0, downgrade: downgrade?.0,
            trailingComments: takeLeading() + (takeTrailing().map { [$0] } ?? []),
            span: span(0, bytes.count))
    }

    /// header := header_line* (stops before the first block)
    mutating func parseHeaderOnly() -> RevisionHeader {
        var state = HeaderState()
        skipNewlines()
        while !atEnd, !at("upgrade"), !at("downgrade") {
            let before = index
            parseTopLevelLine(&state, afterBlocks: false)
            skipNewlines()
            if index == before { advance() }
        }
        if !atEnd { state.noteBlockTrivia(lowercased(current), takeLeading()) }
        return finishHeader(&state)
    }

    /// One line outside the blocks: a header line, or a mistake reported once.
    mutating func parseTopLevelLine(_ state: inout HeaderState, afterBlocks: Bool) {
        do {
            if kind == .word, let keyword = HeaderState.keyword(lowercased(current)) {
                if afterBlocks {
                    report(.headerAfterBlocks(keyword), at: span(current), help: "move the header lines above `upgrade`")
                }
                try parseHeaderLine(keyword, &state)
                return
            }
            state.hadError = true
            if kind == .rightBrace {
                report(.unexpectedClosingBrace, at: span(current))
                advance()
                return
            }
            if kind == .word {
                let word = lowercased(current)
                if startsOperation(current) {
                    throw fail(.operationOutsideBlock(word), help: "put operations inside `upgrade { }` or `downgrade { }`")
                }
                if let guess = Suggest.closest(to: word, in: HeaderState.keywords + ["upgrade", "downgrade"]) {
                    throw fail(.unknownHeaderLine(text(current)), help: "did you mean `\(guess)`?",
                               fixIts: [FixIt(replace: span(current), with: guess)])
                }
                throw fail(.unknownHeaderLine(text(current)),
                           help: "header lines are `revision`, `parent`, `message`, `created`, `label`, `depends`, `transaction off`, `lock_timeout` and `statement_timeout`")
            }
            throw fail(.unexpectedAtTopLevel(found))
        } catch {
            synchronize()
        }
    }

    /// block := `{` statement* `}`. Returns nil when the `{` is missing.
    mutating func parseBlockBody(after keyword: Token, name: String) -> Block? {
        // Without its `{` the block is still parsed, so one mistake is one error.
        var open: Token?
        if kind == .leftBrace {
            open = advance()
        } else {
            report(.expectedBlockBrace(name, found: found), at: errorSpan())
            while !atStatementEnd, kind != .leftBrace { advance() }
            if kind == .leftBrace { open = advance() }
        }
        var statements: [Statement] = []
        while true {
            skipNewlines()
            let before = index
            if kind == .rightBrace {
                let trailing = takeLeading()
                advance()
                return Block(statements: statements, trailingComments: trailing, span: span(from: keyword.start))
            }
            if atEnd || startsBlock(current) {
                if let open, !(atEnd && swallowedToEnd) {
                    report(.unterminatedBlock(name), at: errorSpan(), label: "expected `}` here",
                           notes: [DiagnosticNote("the `\(name)` block opens here", at: span(open))])
                }
                return Block(statements: statements, trailingComments: takeLeading(), span: span(from: keyword.start))
            }
            do {
                statements.append(try parseStatement())
            } catch {
                synchronize()
            }
            if index == before { advance() }
        }
    }

    /// Whether `token` starts a top-level block (`upgrade {`, `downgrade {`,
    /// `downgrade irreversible`): a sign that the enclosing `}` is missing.
    func startsBlock(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        let next = peek()
        if isWord(token, "upgrade") { return next.kind == .leftBrace }
        if isWord(token, "downgrade") { return next.kind == .leftBrace || isWord(next, "irreversible") }
        return false
    }

    /// downgrade := `downgrade` (block | `irreversible`)
    mutating func parseDowngrade(after keyword: Token) -> Downgrade? {
        if at("irreversible") {
            advance()
            if !atStatementEnd {
                report(.expectedStatementEnd(after: "`downgrade irreversible`", found: found), at: errorSpan())
                synchronize()
            }
            return .irreversible(span(from: keyword.start))
        }
        guard kind == .leftBrace else {
            report(.expectedDowngradeBody(found: found), at: errorSpan())
            synchronize()
            return nil
        }
        return parseBlockBody(after: keyword, name: "downgrade").map(Downgrade.block)
    }
}
