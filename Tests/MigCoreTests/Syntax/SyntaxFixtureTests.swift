import Foundation
import Testing
@testable import MigCore

/// `Tests/Fixtures/syntax/ok/*.mig` parse without diagnostics and match their `.ast`
/// goldens; `err/*.mig` give at least one error and match their `.stderr` goldens.
@Suite struct SyntaxFixtureTests {
    static let okInputs = Golden.inputs("syntax/ok")
    static let errInputs = Golden.inputs("syntax/err")

    static func parse(_ url: URL) throws -> (ParseResult, SourceFile) {
        let bytes = [UInt8](try Data(contentsOf: url))
        let path = Golden.relativePath(url)
        return (Parser.parse(bytes: bytes, path: path), SourceFile(path: path, bytes: bytes))
    }

    static func render(_ diagnostics: [Diagnostic], _ file: SourceFile) -> String {
        var store = SourceStore()
        store.add(file)
        return DiagnosticRenderer(sources: store, colour: false).render(diagnostics.sortedByLocation())
    }

    @Test(arguments: okInputs)
    func okFixtureParsesCleanly(_ url: URL) throws {
        let (result, file) = try Self.parse(url)
        #expect(result.diagnostics.isEmpty, "\(Self.render(result.diagnostics, file))")
        Golden.check(ASTDump.dump(result.file, spans: false), against: url, suffix: ".ast")
    }

    @Test(arguments: errInputs)
    func errFixtureReportsErrors(_ url: URL) throws {
        let (result, file) = try Self.parse(url)
        #expect(result.diagnostics.hasErrors)
        Golden.check(Self.render(result.diagnostics, file), against: url, suffix: ".stderr")
    }

    @Test func fixturesCoverEnoughDistinctDiagnostics() throws {
        var codes = Set<DiagnosticCode>()
        for url in Self.errInputs {
            let (result, _) = try Self.parse(url)
            codes.formUnion(result.diagnostics.compactMap(\.code))
        }
        #expect(codes.count >= 45, "only \(codes.count) distinct codes: \(codes.sorted())")
        #expect(Self.okInputs.count >= 20)
        // Every syntax code of the registry has an err/ fixture that produces it.
        let declared = Set(DiagnosticRegistry.all.map(\.code).filter { $0.rawValue.hasPrefix("E0") })
        #expect(declared.count >= 45)
        #expect(declared.subtracting(codes).isEmpty, "codes without an err/ fixture: \(declared.subtracting(codes).sorted())")
    }

    /// Header-only parsing agrees with the full parse on the header.
    @Test(arguments: okInputs)
    func headerFastPathAgrees(_ url: URL) throws {
        let (result, _) = try Self.parse(url)
        let (header, diagnostics) = Parser.parseHeader(bytes: [UInt8](try Data(contentsOf: url)), path: "x")
        #expect(diagnostics.isEmpty)
        #expect(header == result.file.header)
    }
}
