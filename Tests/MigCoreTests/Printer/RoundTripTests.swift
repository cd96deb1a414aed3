import Foundation
import Testing
@testable import MigCore

/// `parse(print(ast)) == ast` and `print` idempotent, for every example history and
/// every fixture that parses cleanly; the examples must already be canonical.
@Suite struct RoundTripTests {
    static let packageRoot = Golden.fixtures.deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.mig` file under `dir` (relative to the package root), sorted.
    static func migFiles(under dir: String) -> [String] {
        let root = packageRoot.appendingPathComponent(dir)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "mig" }
            .map { String($0.path.dropFirst(packageRoot.path.count + 1)) }.sorted()
    }

    static let examples = migFiles(under: "examples")
    static let fixtures = migFiles(under: "Tests/Fixtures")

    static func parse(_ relative: String) throws -> (ParseResult, String) {
        let url = packageRoot.appendingPathComponent(relative)
        // Bytes, not String: some fixtures are invalid UTF-8 on purpose.
        let bytes = [UInt8](try Data(contentsOf: url))
        return (Parser.parse(bytes: bytes, path: relative), String(decoding: bytes, as: UTF8.self))
    }

    @Test func thereAreExamplesAndFixtures() {
        #expect(Self.examples.count >= 24)
        #expect(!Self.fixtures.isEmpty)
    }

    @Test(arguments: examples)
    func examplesAreCanonical(_ path: String) throws {
        let (parsed, text) = try Self.parse(path)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        #expect(Printer.print(parsed.file) == text, "run `migc fmt examples/` and review the diff")
        Self.assertRoundTrip(parsed.file, path: path)
    }

    @Test(arguments: fixtures)
    func fixturesRoundTrip(_ path: String) throws {
        let (parsed, _) = try Self.parse(path)
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return }
        Self.assertRoundTrip(parsed.file, path: path)
    }

    static func assertRoundTrip(_ file: MigFile, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let printed = Printer.print(file)
        let again = Parser.parse(source: printed, path: path)
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics.map(\.message))\n\(printed)", sourceLocation: sourceLocation)
        #expect(again.file == Printer.roundTripNormalized(file), "the printed text parses to a different tree:\n\(printed)", sourceLocation: sourceLocation)
        #expect(Printer.print(again.file) == printed, "printing is not idempotent", sourceLocation: sourceLocation)
    }
}

/// Messy inputs under `Tests/Fixtures/fmt/` against their `.formatted` goldens.
@Suite struct PrinterGoldenTests {
    static let inputs = Golden.inputs("fmt").map(Golden.relativePath)

    @Test func thereAreGoldens() { #expect(Self.inputs.count >= 5) }

    @Test(arguments: inputs)
    func formats(_ relative: String) throws {
        let url = Golden.fixtures.appendingPathComponent(relative)
        let parsed = Parser.parse(source: try String(contentsOf: url, encoding: .utf8), path: relative)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        let formatted = Printer.print(parsed.file)
        Golden.check(formatted, against: url, suffix: ".formatted")
        RoundTripTests.assertRoundTrip(parsed.file, path: relative)
    }
}
