import Foundation
import Testing
@testable import MigCore

/// Seeded mutations of every valid history the tests know (fixtures and lint
/// examples): drop a line, duplicate one, swap two lines, swap two names. Checking
/// and linting the result must never crash, whatever it reports. Small N here;
/// `MIGC_FUZZ_LONG=1` runs many more.
@Suite struct LintMutationTests {
    static let rounds = ProcessInfo.processInfo.environment["MIGC_FUZZ_LONG"] == "1" ? 20_000 : 300

    /// Projects as (path, text) lists.
    static func corpus() -> [[(String, String)]] {
        var projects: [[(String, String)]] = []
        for area in ["check/ok", "check/err", "lints"] {
            for url in CheckHarness.cases(area) {
                projects.append(CheckHarness.files(of: url).map { (Golden.relativePath($0), (try? String(contentsOf: $0, encoding: .utf8)) ?? "") })
            }
        }
        for d in LintRegistry.descriptions {
            for example in d.triggering + d.nonTriggering {
                projects.append(example.files.enumerated().map { ("example/\($0.offset + 1).mig", $0.element) })
            }
        }
        return projects
    }

    static func mutate(_ text: String, using rng: inout SeededRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 1 else { return text }
        let i = Int.random(in: 0..<lines.count, using: &rng), j = Int.random(in: 0..<lines.count, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: j)
        case 2: lines.swapAt(i, j)
        default:
            let words = Set(text.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init)).sorted()
            guard words.count > 1 else { break }
            let a = words[Int.random(in: 0..<words.count, using: &rng)], b = words[Int.random(in: 0..<words.count, using: &rng)]
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.split(separator: " ", omittingEmptySubsequences: false).map { $0 == a ? b : $0 == b ? a : String($0) }.joined(separator: " ")
            }.joined(separator: "\n")
        }
        return lines.joined(separator: "\n")
    }

    @Test func lintSurvivesMutations() {
        let corpus = Self.corpus()
        #expect(corpus.count > 20)
        var rng = SeededRandom(seed: 2026)
        for _ in 0..<Self.rounds {
            var project = corpus[Int.random(in: 0..<corpus.count, using: &rng)]
            let k = Int.random(in: 0..<project.count, using: &rng)
            for _ in 0..<Int.random(in: 1...3, using: &rng) { project[k].1 = Self.mutate(project[k].1, using: &rng) }
            let outcome = CheckHarness.run(project, lint: .default)
            _ = outcome.rendered  // rendering must not crash either
        }
    }
}
