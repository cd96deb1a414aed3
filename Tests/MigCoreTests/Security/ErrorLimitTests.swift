import Foundation
import Testing
@testable import MigCore

/// Issue 10 #9: one bad file produces a bounded number of diagnostics, quickly. A
/// file that is not text gets one; any other stops after `MigParser.errorLimit`.
@Suite struct ErrorLimitTests {
    /// Deterministic bytes (SplitMix64), so a failure can be reproduced.
    static func randomBytes(_ count: Int, seed: UInt64, printable: Bool = false) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            let byte = UInt8(truncatingIfNeeded: z ^ (z >> 31))
            return printable ? 32 + byte % 95 : byte
        }
    }

    @Test func randomBinaryFileGetsOneDiagnostic() {
        let bytes = Self.randomBytes(4 << 20, seed: 1)
        let started = Date()
        let result = Parser.parse(bytes: bytes, path: "random.mig")
        #expect(result.diagnostics.map(\.code) == ["E082"])
        let (_, headerDiagnostics) = Parser.parseHeader(bytes: bytes, path: "random.mig")
        #expect(headerDiagnostics.map(\.code) == ["E082"])
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func randomTextStopsAtTheLimit() {
        let bytes = Self.randomBytes(4 << 20, seed: 2, printable: true)
        let started = Date()
        for diagnostics in [Parser.parse(bytes: bytes, path: "t.mig").diagnostics, Parser.parseHeader(bytes: bytes, path: "t.mig").1] {
            #expect(diagnostics.count == MigParser.errorLimit + 1)
            #expect(diagnostics.last?.code == "E081")
            #expect(diagnostics.last?.notes.first?.message.contains("not checked") == true)
        }
        #expect(Date().timeIntervalSince(started) < 20)
        let rendered = DiagnosticRenderer(sources: SourceStore()).render(Parser.parse(bytes: bytes, path: "t.mig").diagnostics)
        #expect(rendered.utf8.count < 100_000)
    }

    /// A few stray Latin-1 letters are still reported where they are (E001), and
    /// the rest of the file is parsed.
    @Test func aFewInvalidBytesAreNotABinaryFile() {
        let bytes = Array("revision a\nmessage \"caf".utf8) + [0xE9] + Array("\"\nupgrade {\n  drop table t\n}\n".utf8)
        let result = Parser.parse(bytes: bytes, path: "a.mig")
        #expect(result.diagnostics.map(\.code) == ["E001"])
        #expect(result.file.upgrade?.statements.count == 1)
    }
}
