import Testing
@testable import MigCore

/// Each graph error by its code, on hand-built headers (the golden tests under
/// Fixtures/graph/err check the full rendering from real files).
@Suite struct GraphErrorTests {
    private func codes(_ diags: [Diagnostic]) -> [DiagnosticCode] { diags.compactMap(\.code) }

    @Test func missingRevisionLine() {
        let (g, diags) = RevisionGraph.build([revision("a"), revision(nil, parents: ["a"], path: "x.mig")])
        #expect(codes(diags) == ["E300"])
        #expect(diags[0].span.file == "x.mig")
        #expect(g.count == 1)
    }

    @Test func invalidID() {
        let (g, diags) = RevisionGraph.build([revision("Ab-1")])
        #expect(codes(diags) == ["E301"])
        #expect(diags[0].help == "did you mean `ab_1`?")
        #expect(g["Ab-1"] != nil)
    }

    @Test func duplicateIDKeepsTheFirst() {
        let (g, diags) = RevisionGraph.build([revision("a", path: "1.mig"), revision("a", path: "2.mig")])
        #expect(codes(diags) == ["E302"])
        #expect(diags[0].notes.count == 1)
        #expect(g["a"]!.file.path == "1.mig")
    }

    @Test func unknownParentIsDroppedWithSuggestion() {
        let (g, diags) = graph([("abc1", []), ("b", ["abc2"])])
        #expect(codes(diags) == ["E303"])
        #expect(diags[0].help == "did you mean `abc1`?")
        #expect(g["b"]!.parents.isEmpty)
        #expect(g.bases == ["abc1", "b"])
    }

    @Test func unknownDependency() {
        let (g, diags) = graph([("a", []), ("b", ["a"])], depends: ["b": ["zzz"]])
        #expect(codes(diags) == ["E304"])
        #expect(g["b"]!.depends.isEmpty)
    }

    @Test func parentListedTwice() {
        let (g, diags) = graph([("a", []), ("b", ["a", "a"])])
        #expect(codes(diags) == ["E305"])
        #expect(g["b"]!.parents == ["a"])
    }

    @Test func selfParent() {
        let (g, diags) = graph([("a", ["a"])])
        #expect(codes(diags) == ["E306"])
        #expect(g.bases == ["a"] && g.heads == ["a"])
    }

    @Test func cycleIsNamedAndBroken() {
        let (g, diags) = graph([("a", ["c"]), ("b", ["a"]), ("c", ["b"]), ("d", ["c"])])
        #expect(codes(diags) == ["E307"])
        #expect(diags[0].message == "revisions form a cycle: `a` -> `b` -> `c` -> `a`")
        #expect(diags[0].notes.count == 2)
        #expect(g.topologicalOrder.count == 4)
        for id in g.topologicalOrder {
            for p in g[id]!.parents { #expect(g.topologicalIndex[p]! < g.topologicalIndex[id]!) }
        }
    }

    @Test func cycleThroughDepends() {
        let (_, diags) = graph([("a", []), ("b", ["a"])], depends: ["a": ["b"]])
        #expect(codes(diags) == ["E307"])
    }

    @Test func labelOnTwoRevisions() {
        let (g, diags) = graph([("a", []), ("b", ["a"])], labels: ["a": ["x"], "b": ["x"]])
        #expect(codes(diags) == ["E308"])
        #expect(g.labels == ["x": "a"])
    }

    @Test func labelEqualToIDAndReservedLabel() {
        let (g, diags) = graph([("a", []), ("b", ["a"])], labels: ["b": ["a", "head"]])
        #expect(codes(diags) == ["E309", "E310"])
        #expect(g.labels.isEmpty)
    }

    @Test func severalErrorsInOneRun() {
        let (g, diags) = graph([("a", ["nope"]), ("b", ["a", "a"]), ("c", ["c"])])
        #expect(codes(diags) == ["E303", "E305", "E306"])
        #expect(g.count == 3)
    }
}
