import Testing
@testable import MigCore

/// Random DAGs from a fixed seed: the orderings and paths keep their invariants on
/// every one of them.
@Suite struct GraphPropertyTests {
    /// SplitMix64: deterministic across platforms, unlike the system generator.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Up to 40 revisions with shuffled ids; each follows 0-3 earlier ones and now
    /// and then depends on another; `backEdges` extra parents point forward (cycles).
    static func randomFiles(_ rng: inout SeededGenerator, backEdges: Int = 0) -> [MigFile] {
        let count = Int.random(in: 1...40, using: &rng)
        let ids = (0..<count).map { "r\($0)" }.shuffled(using: &rng)
        var parents = [[String]](repeating: [], count: count)
        var depends = [[String]](repeating: [], count: count)
        for i in 1..<max(1, count) {
            let k = Int.random(in: 0...3, using: &rng)
            parents[i] = Array(Set((0..<k).map { _ in ids[Int.random(in: 0..<i, using: &rng)] })).sorted()
            if Int.random(in: 0..<5, using: &rng) == 0 {
                let d = ids[Int.random(in: 0..<i, using: &rng)]
                if !parents[i].contains(d) { depends[i] = [d] }
            }
        }
        for _ in 0..<backEdges where count > 1 {
            let i = Int.random(in: 0..<(count - 1), using: &rng)
            let j = Int.random(in: (i + 1)..<count, using: &rng)
            if !parents[i].contains(ids[j]) { parents[i].append(ids[j]) }
        }
        return (0..<count).map { revision(ids[$0], parents: parents[$0], depends: depends[$0]) }
    }

    static func respectsEveryEdge(_ g: RevisionGraph) -> Bool {
        g.topologicalOrder.count == g.count && Set(g.topologicalOrder).count == g.count
            && g.revisions.values.allSatisfy { rev in
                (rev.parents + rev.depends).allSatisfy { g.topologicalIndex[$0]! < g.topologicalIndex[rev.id]! }
            }
    }

    @Test func topologicalOrderRespectsEveryEdge() {
        var rng = SeededGenerator(state: 1)
        for _ in 0..<300 {
            let (g, diags) = RevisionGraph.build(Self.randomFiles(&rng))
            #expect(diags.isEmpty)
            #expect(Self.respectsEveryEdge(g))
        }
    }

    @Test func upgradeToHeadsThenDowngradeToBaseIsTheExactReverse() throws {
        var rng = SeededGenerator(state: 2)
        for _ in 0..<300 {
            let g = RevisionGraph.build(Self.randomFiles(&rng)).0
            let up = g.upgradeSteps(from: [], to: RevisionTarget(g.heads))
            #expect(up.map(\.revision) == g.topologicalOrder)
            var applied = Set<String>()
            for step in up {
                applied.insert(step.revision)
                #expect(g.closure(of: step.headsAfter) == applied)
                #expect(g.minimalHeads(step.headsAfter) == step.headsAfter)
            }
            let top = Set(up.last?.headsAfter ?? [])
            let down = try g.downgradeSteps(from: top, to: .base)
            #expect(down.map(\.revision) == up.map(\.revision).reversed())
            for step in down {
                applied.remove(step.revision)
                #expect(g.closure(of: step.headsAfter) == applied)
                #expect(g.minimalHeads(step.headsAfter) == step.headsAfter)
            }
            #expect(down.last?.headsAfter ?? [] == [])
        }
    }

    @Test func pathsBetweenRandomStates() throws {
        var rng = SeededGenerator(state: 3)
        for _ in 0..<300 {
            let g = RevisionGraph.build(Self.randomFiles(&rng)).0
            let ids = g.topologicalOrder
            let from = Set((0..<2).map { _ in ids.randomElement(using: &rng)! })
            let target = RevisionTarget((0..<2).map { _ in ids.randomElement(using: &rng)! })
            let up = g.upgradePath(from: from, to: target)
            #expect(g.closure(of: from).union(up) == g.closure(of: from).union(g.closure(of: target.revisions)))
            #expect(up.allSatisfy { !g.closure(of: from).contains($0) })
            // Down from everything to the target leaves exactly the target's closure.
            let all = Set(g.heads)
            let down = try g.downgradePath(from: all, to: target)
            #expect(g.closure(of: all).subtracting(down) == g.closure(of: target.revisions))
            #expect(down.allSatisfy { !g.closure(of: target.revisions).contains($0) })
        }
    }

    @Test func cyclesAreReportedAndBroken() {
        var rng = SeededGenerator(state: 4)
        var reported = 0
        for _ in 0..<300 {
            let (g, diags) = RevisionGraph.build(Self.randomFiles(&rng, backEdges: 2))
            #expect(diags.allSatisfy { $0.code == "E307" })
            reported += diags.count
            #expect(Self.respectsEveryEdge(g))
        }
        #expect(reported > 0)
    }
}
