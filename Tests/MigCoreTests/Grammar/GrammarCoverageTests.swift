import Foundation
import Testing
@testable import MigCore

/// Files the parser accepts are sentences of `grammar/mig.ebnf`: the grammar
/// describes everything the parser takes (the other half of "exact"; see
/// `GrammarSentenceTests`). Checked on the examples, every clean fixture, the fmt
/// goldens, and random printed trees.
@Suite struct GrammarCoverageTests {
    static let recognizer = EarleyRecognizer(grammar: GrammarSentenceTests.rules, lexical: GrammarSentenceTests.lexical)

    static func assertSentence(_ source: String, _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ok = recognizer.recognizes(EarleyRecognizer.terminals(source), start: "file")
        #expect(ok, "the parser accepts \(label) but the grammar does not describe it:\n\(source)", sourceLocation: sourceLocation)
    }

    static let files: [String] = RoundTripTests.examples + RoundTripTests.fixtures

    @Test(arguments: files)
    func acceptedFilesAreSentences(_ path: String) throws {
        let (parsed, text) = try RoundTripTests.parse(path)
        guard parsed.diagnostics.isEmpty else { return }
        Self.assertSentence(text, path)
    }

    @Test func printedRandomTreesAreSentences() {
        var random = RandomTrees(seed: 99)
        for _ in 0..<100 {
            let text = Printer.print(random.file())
            guard Parser.parse(source: text, path: "r.mig").diagnostics.isEmpty else { continue }
            let ok = Self.recognizer.recognizes(EarleyRecognizer.terminals(text), start: "file")
            #expect(ok, "not a sentence of the grammar:\n\(text)")
            if !ok { return }
        }
    }

    @Test func rejectsWhatTheGrammarDoesNot() {
        // Sanity: the recogniser is not accepting everything.
        for bad in ["revision r1\nmessage \"m\"\nupgrade { drop }\n", "upgrade {\n}\n", "revision r1 message \"m\"\n"] {
            #expect(!Self.recognizer.recognizes(EarleyRecognizer.terminals(bad), start: "file"), "\(bad)")
        }
    }
}
