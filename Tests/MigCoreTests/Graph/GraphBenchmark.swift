import Foundation
import Testing
@testable import MigCore

/// Not a timed test: figures for bench/graph/run.sh, printed only with MIGC_BENCH=1.
/// Nothing here asserts on time.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MIGC_BENCH"] == "1"))
struct GraphBenchmark {
    private func measure(_ label: String, _ body: () -> Void) {
        let clock = ContinuousClock()
        var best = Duration.seconds(3600)
        for _ in 0..<5 { best = min(best, clock.measure(body)) }
        print("bench: \(label): \(best.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 2))))")
    }

    @Test func linearTenThousand() throws {
        let files = linearHistory(10_000)
        var graph = RevisionGraph.empty
        measure("build 10,000 linear (index + checks + topological order + heads)") { graph = RevisionGraph.build(files).0 }
        let ids = (0..<10_000).map(rid)
        let back = (0..<10_000).map { $0 == 0 ? [] : [$0 - 1] }, forward = (0..<10_000).map { $0 == 9_999 ? [] : [$0 + 1] }
        let none = [[Int]](repeating: [], count: 10_000)
        measure("topological order alone (Kahn + id ranks), 10,000 linear") {
            _ = TopologicalSort.order(ids: ids, parents: back, depends: none, children: forward, dependents: none)
        }
        measure("heads alone, 10,000 linear") { _ = graph.revisions.values.filter(\.isHead).map(\.id).sorted() }
        measure("upgrade steps base -> head, 10,000 linear") { _ = graph.upgradeSteps(from: [], to: RevisionTarget(graph.heads)) }
        measure("downgrade steps head -> base, 10,000 linear") { _ = try? graph.downgradeSteps(from: Set(graph.heads), to: .base) }
        measure("resolve `-1` from head, 10,000 linear") { _ = try? graph.resolve("-1", current: Set(graph.heads)) }
        measure("history text, 10,000 linear") { _ = GraphListing.history(graph.topologicalOrder, in: graph, verbose: false) }
        #expect(graph.topologicalOrder.count == 10_000)
    }
}
