import Foundation
import Testing
@testable import MigCore

/// Every code block of `docs/language.md` parses without diagnostics: a block with a
/// `revision` line as a file, one starting `upgrade {` after a minimal header, any
/// other as operations inside `upgrade { }`. Templates (with `OPERATION` or `...`)
/// are skipped.
@Suite struct LanguageDocTests {
    static let docURL = Golden.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/language.md")

    static let blocks: [String] = {
        guard let text = try? String(contentsOf: docURL, encoding: .utf8) else { return [] }
        var out: [String] = []
        var current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current { out.append(block.joined(separator: "\n")) }
                current = current == nil ? [] : nil
            } else {
                current?.append(line)
            }
        }
        return out.filter { !$0.contains("OPERATION") && !$0.contains("...") }
    }()

    static func wrap(_ block: String) -> String {
        let header = "revision r1\nmessage \"m\"\n\n"
        if block.split(separator: "\n").contains(where: { $0.hasPrefix("revision ") }) { return block + "\n" }
        if block.hasPrefix("upgrade {") { return header + block + "\n" }
        return header + "upgrade {\n" + block + "\n}\n"
    }

    @Test func thereAreExamples() { #expect(Self.blocks.count >= 8) }

    @Test(arguments: blocks)
    func blockParses(_ block: String) {
        let source = Self.wrap(block)
        let result = Parser.parse(source: source, path: "docs/language.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))\n\(source)")
    }
}
