import Foundation
import Testing
@testable import MigCore

/// A short seeded mutation-fuzz pass over the syntax fixtures in every test run
/// (the long run is `swift run -c release migc-fuzz --iterations 1000000`).
@Suite struct FuzzTests {
    @Test func mutatedFixturesKeepTheParseInvariants() throws {
        let corpus = try (Golden.inputs("syntax/ok") + Golden.inputs("syntax/err")).map { [UInt8](try Data(contentsOf: $0)) }
        let mutator = Mutator(corpus: corpus, seed: 0x5EED)
        for n: UInt64 in 0..<5000 {
            let input = mutator.input(n)
            let problems = checkParseInvariants(input)
            #expect(problems.isEmpty, "input \(n): \(problems)")
            if !problems.isEmpty { return }
        }
    }
}
