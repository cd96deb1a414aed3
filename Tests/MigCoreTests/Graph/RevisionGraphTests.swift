import Testing
@testable import MigCore

@Suite struct RevisionGraphTests {
    @Test func linearHistoryHasOneHeadAndBase() {
        let (g, diags) = RevisionGraph.build(linearHistory(5))
        #expect(diags.isEmpty)
        #expect(g.heads == ["r00004"])
        #expect(g.bases == ["r00000"])
        #expect(g.topologicalOrder == (0..<5).map(rid))
        #expect(g.children(of: "r00001") == ["r00002"])
        #expect(g.ancestors(of: "r00003") == ["r00000", "r00001", "r00002"])
        #expect(g.descendants(of: "r00003") == ["r00004"])
    }

    @Test func diamondHasBranchAndMergePoints() {
        let (g, diags) = graph(diamond)
        #expect(diags.isEmpty)
        #expect(g.heads == ["m"])
        #expect(g.bases == ["a"])
        #expect(g.branchPoints == ["a"])
        #expect(g.mergePoints == ["m"])
        #expect(g.topologicalOrder == ["a", "b", "c", "m"])
        #expect(g["m"]!.parents == ["b", "c"])
        #expect(g["a"]!.children == ["b", "c"])
    }

    @Test func tiesInTopologicalOrderGoByID() {
        let (g, _) = graph([("z", []), ("y", ["z"]), ("a", []), ("b", ["a"]), ("c", ["y"])])
        #expect(g.topologicalOrder == ["a", "b", "z", "y", "c"])
        #expect(g.heads == ["b", "c"])
        #expect(g.bases == ["a", "z"])
    }

    @Test func dependsOrdersAcrossBranchesButKeepsHeads() {
        // x depends on q (another branch): q before x; q is still its branch's head.
        let (g, diags) = graph([("a", []), ("x", ["a"]), ("p", []), ("q", ["p"])], depends: ["x": ["q"]])
        #expect(diags.isEmpty)
        #expect(g.topologicalOrder == ["a", "p", "q", "x"])
        #expect(g.heads == ["q", "x"])
        #expect(g["q"]!.dependents == ["x"])
        #expect(g.ancestors(of: "x") == ["a", "p", "q"])
        #expect(g.ancestors(of: "x", includeDepends: false) == ["a"])
    }

    @Test func labelsNameTheirRevision() {
        let (g, diags) = graph([("a", []), ("b", ["a"]), ("c", ["b"])], depends: [:], labels: ["b": ["billing"]])
        #expect(diags.isEmpty)
        #expect(g.labels == ["billing": "b"])
        #expect(g["b"]!.labels == ["billing"])
        #expect(g.headsReachable(from: "b") == ["c"])
    }

    @Test func dependsMayNameALabel() {
        let (g, diags) = graph([("a", []), ("p", []), ("x", ["a"])], depends: ["x": ["net"]], labels: ["p": ["net"]])
        #expect(diags.isEmpty)
        #expect(g["x"]!.depends == ["p"])
    }

    @Test func emptyGraph() {
        let (g, diags) = RevisionGraph.build([])
        #expect(diags.isEmpty && g.heads.isEmpty && g.topologicalOrder.isEmpty)
    }
}
