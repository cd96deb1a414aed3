import Testing
@testable import MigCore

@Suite struct GraphListingTests {
    /// a <- b (label `billing`) <- d, a <- c, (d, c) <- m.
    let g = graph(
        [("a", []), ("b", ["a"]), ("c", ["a"]), ("d", ["b"]), ("m", ["c", "d"]), ("x", ["m"])],
        labels: ["b": ["billing"]]
    ).0

    @Test func historyIsNewestFirstWithMarkers() {
        #expect(GraphListing.history(g.topologicalOrder, in: g, verbose: false) == """
            m -> x (head), revision x
            c, d -> m (mergepoint), revision m
            b -> d (billing), revision d
            a -> c, revision c
            a -> b (billing), revision b
            <base> -> a (branchpoint), revision a

            """)
    }

    @Test func verboseBlock() {
        #expect(GraphListing.block("m", in: g, labels: g.branchLabels()) == """
            Rev: m (mergepoint)
            Merges: c, d
            Path: m.mig

                revision m

            """)
        #expect(GraphListing.block("b", in: g, labels: g.branchLabels()).contains("Branch names: billing\n"))
    }

    @Test func headsAndBranches() {
        #expect(GraphListing.heads(g, verbose: false) == "x (head)\n")
        #expect(GraphListing.branches(g, verbose: false) == """
            <base> -> a (branchpoint), revision a
                   -> b (billing), revision b
                   -> c, revision c

            """)
    }

    @Test func rangeIsInclusive() throws {
        #expect(try g.range(from: RevisionTarget(["b"]), to: RevisionTarget(["m"])) == ["b", "d", "m"])
        #expect(try g.range(from: .base, to: RevisionTarget(["b"])) == ["a", "b"])
        #expect(throws: RevisionError.notAncestor("x", of: "b")) {
            try g.range(from: RevisionTarget(["x"]), to: RevisionTarget(["b"]))
        }
    }

    @Test func jsonEscapesAndOrdersFields() {
        let files = [revision("a", message: "say \"hi\"\n\u{1}")]
        let one = RevisionGraph.build(files).0
        #expect(GraphListing.json(["a"], in: one) == """
            [
              {"revision": "a", "parents": [], "children": [], "depends": [], "labels": [], "branch_labels": [], \
            "message": "say \\"hi\\"\\n\\u0001", "created": null, "path": "a.mig", "head": true, \
            "branch_point": false, "merge_point": false}
            ]

            """)
        #expect(GraphListing.json([], in: one) == "[]\n")
    }
}
