import Testing
@testable import MigCore

@Suite struct RevisionPathTests {
    @Test func upgradeDiamondFromBase() {
        let g = graph(diamond).0
        let steps = g.upgradeSteps(from: [], to: RevisionTarget(["m"]))
        #expect(steps.map(\.revision) == ["a", "b", "c", "m"])
        #expect(steps.map(\.headsAfter) == [["a"], ["b"], ["b", "c"], ["m"]])
        #expect(steps[3].removedHeads == ["b", "c"] && steps[3].addedHeads == ["m"])
        #expect(steps[2].removedHeads == [])
    }

    @Test func upgradeFromOneSideOfTheDiamond() {
        let g = graph(diamond).0
        #expect(g.upgradePath(from: ["b"], to: RevisionTarget(["m"])) == ["c", "m"])
        #expect(g.upgradePath(from: ["m"], to: RevisionTarget(["b"])) == [])
    }

    @Test func downgradeDiamondUndoesTheMergeFirst() throws {
        let g = graph(diamond).0
        let steps = try g.downgradeSteps(from: ["m"], to: .base)
        #expect(steps.map(\.revision) == ["m", "c", "b", "a"])
        #expect(steps.map(\.headsAfter) == [["b", "c"], ["b"], ["a"], []])
        #expect(steps[0].removedHeads == ["m"] && steps[0].addedHeads == ["b", "c"])
        #expect(steps[1].addedHeads == [])
    }

    @Test func downgradeNeverUndoesAncestorsOfTheTarget() throws {
        let g = graph(diamond).0
        #expect(try g.downgradePath(from: ["m"], to: RevisionTarget(["b"])) == ["m", "c"])
        let steps = try g.downgradeSteps(from: ["m"], to: RevisionTarget(["b"]))
        #expect(steps.last?.headsAfter == ["b"])
    }

    @Test func downgradeToUnappliedTargetFails() {
        let g = graph(diamond).0
        #expect(throws: RevisionError.notApplied("c")) { try g.downgradePath(from: ["b"], to: RevisionTarget(["c"])) }
    }

    /// Two independent branches (a1 <- a2, p1 <- p2) where a2 depends on p1.
    let branches = graph([("a1", []), ("a2", ["a1"]), ("p1", []), ("p2", ["p1"])], depends: ["a2": ["p1"]]).0

    @Test func upgradeWithDependsPullsTheOtherBranch() {
        let steps = branches.upgradeSteps(from: [], to: RevisionTarget(["a2"]))
        #expect(steps.map(\.revision) == ["a1", "p1", "a2"])
        #expect(steps.map(\.headsAfter) == [["a1"], ["a1", "p1"], ["a2"]])
        #expect(branches.upgradePath(from: ["a2"], to: RevisionTarget(branches.heads)) == ["p2"])
    }

    @Test func upgradeOneBranchOnly() {
        #expect(branches.upgradePath(from: [], to: RevisionTarget(["p2"])) == ["p1", "p2"])
        let steps = branches.upgradeSteps(from: ["p2"], to: RevisionTarget(["a2"]))
        #expect(steps.map(\.revision) == ["a1", "a2"])
        #expect(steps.last?.headsAfter == ["a2", "p2"])
    }

    @Test func downgradeADependencyUndoesItsDependentsFirst() throws {
        let steps = try branches.downgradeSteps(from: ["a2", "p2"], to: RevisionTarget(["a1"]))
        #expect(steps.map(\.revision) == ["p2", "a2", "p1"])
        #expect(steps.map(\.headsAfter) == [["a2"], ["a1", "p1"], ["a1"]])
    }

    @Test func downgradeToBaseFromBothHeads() throws {
        let path = try branches.downgradePath(from: ["a2", "p2"], to: .base)
        #expect(path == ["p2", "a2", "p1", "a1"])
    }

    @Test func helpersForTheVersionTable() {
        #expect(branches.unknownRevisions(in: ["a1", "zz"]) == ["zz"])
        #expect(branches.minimalHeads(["a1", "a2", "p1"]) == ["a2"])
    }
}
