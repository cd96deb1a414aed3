import Testing
@testable import MigCore

@Suite struct LexerTests {
    func kinds(_ source: String) -> [TokenKind] {
        Lexer.tokenize(Array(source.utf8), path: "t.mig").tokens.map(\.kind)
    }

    @Test func lexesOperatorsAndPunctuation() {
        #expect(kinds("( ) { } , . ; = <> != < <= > >= + - * / % ||") == [
            .leftParen, .rightParen, .leftBrace, .rightBrace, .comma, .dot, .semicolon, .equal, .notEqual,
            .notEqual, .less, .lessEqual, .greater, .greaterEqual, .plus, .minus, .star, .slash, .percent,
            .concat, .endOfFile,
        ])
    }

    @Test func revisionIDsThatStartWithDigitsAreWords() {
        #expect(kinds("7c1e9a20b4d3 000001 1e3 2.5E-3 .5 12abc") == [.word, .number, .number, .number, .number, .word, .endOfFile])
        #expect(kinds("t.1c `t`.2 1.5") == [.word, .dot, .word, .quotedIdentifier, .dot, .number, .number, .endOfFile])
    }

    @Test func commentsAndNewlinesAreTokens() {
        #expect(kinds("a -- note\nb") == [.word, .comment, .newline, .word, .endOfFile])
    }

    @Test func stringsAndQuotedNames() {
        #expect(kinds(#""a \" b" """x"y""" `Order Items`"#) == [.string, .tripleString, .quotedIdentifier, .endOfFile])
    }

    @Test func byteOrderMarkIsSkipped() {
        let result = Parser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("revision a1\nmessage \"m\"\n".utf8), path: "t.mig")
        #expect(result.diagnostics.isEmpty)
        #expect(result.file.header.revision?.span.start.column == 13)
    }

    @Test func strayBytesAreOneDiagnosticPerRun() {
        let (tokens, diagnostics) = Lexer.tokenize(Array("a @@## b".utf8), path: "t.mig")
        #expect(tokens.map(\.kind) == [.word, .word, .endOfFile])
        #expect(diagnostics.map(\.code) == ["E002"])
    }

    @Test func invalidUTF8IsADiagnosticNotATrap() {
        let bytes: [UInt8] = Array("message \"".utf8) + [0xC3, 0x28, 0xFF] + Array("\"\n".utf8) + [0xF0, 0x9F]
        let (tokens, diagnostics) = Lexer.tokenize(bytes, path: "t.mig")
        #expect(tokens.last?.kind == .endOfFile)
        #expect(diagnostics.map(\.code) == ["E001", "E001"])
    }

    /// Zig-style property test: on random bytes the lexer terminates, spans are in
    /// bounds and ordered, and EOF comes last; the parser keeps its invariants too.
    @Test func randomBytesKeepTheInvariants() {
        var rng = SeededGenerator(seed: 0x5EED_0001)
        let alphabet = Array("abc xyz_019 \n\t(){},.;:=<>!+-*/%|\"`'@#\\".utf8)
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<200, using: &rng)
            let bytes: [UInt8] = (0..<length).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            let problems = checkParseInvariants(bytes)
            #expect(problems.isEmpty, "\(bytes): \(problems)")
            if !problems.isEmpty { return }
        }
    }
}
