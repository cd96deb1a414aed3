import Testing
@testable import MigCore

@Suite struct RevisionSpecifierTests {
    /// a1b2 <- a1c3 <- d4 (labelled `billing`) <- e5, and a second branch off a1c3: f6.
    let g = graph(
        [("a1b2", []), ("a1c3", ["a1b2"]), ("d4", ["a1c3"]), ("e5", ["d4"]), ("f6", ["a1c3"])],
        labels: ["d4": ["billing"]]
    ).0

    private func resolved(_ spec: String, current: Set<String> = []) throws -> [String] {
        try g.resolve(spec, current: current).revisions
    }

    private func failure(_ spec: String, current: Set<String> = []) -> RevisionError? {
        do {
            _ = try g.resolve(spec, current: current)
            return nil
        } catch { return error }
    }

    @Test func parsesEveryForm() throws {
        #expect(try RevisionSpecifier.parse("head") == .head)
        #expect(try RevisionSpecifier.parse(" heads ") == .heads)
        #expect(try RevisionSpecifier.parse("base") == .base)
        #expect(try RevisionSpecifier.parse("current") == .current)
        #expect(try RevisionSpecifier.parse("7c1e") == .name("7c1e"))
        #expect(try RevisionSpecifier.parse("billing@head") == .headOf("billing"))
        #expect(try RevisionSpecifier.parse("ab+2") == .relative(from: .name("ab"), steps: 2))
        #expect(try RevisionSpecifier.parse("head-1") == .relative(from: .head, steps: -1))
        #expect(try RevisionSpecifier.parse("+3") == .relative(from: nil, steps: 3))
        #expect(try RevisionSpecifier.parse("-1") == .relative(from: nil, steps: -1))
        #expect(try RevisionSpecifier.parse("billing@head-1").description == "billing@head-1")
    }

    @Test func rejectsMalformedSpecifiers() {
        for bad in ["", "a@tail", "@head", "a+", "+x", "-0", "a+1+2", "a b", "a.b"] {
            #expect(throws: RevisionError.self, "\(bad)") { try RevisionSpecifier.parse(bad) }
        }
        #expect(throws: RevisionError.emptySpecifier) { try RevisionSpecifier.parse("  ") }
    }

    @Test func headWithSeveralHeadsListsThem() {
        let error = failure("head")
        #expect(error == .multipleHeads(["e5", "f6"]))
        #expect(error?.message == "multiple heads: e5, f6; use `heads` or name one")
        #expect(error?.help?.contains("migc merge heads") == true)
    }

    @Test func headsBaseAndCurrent() throws {
        #expect(try resolved("heads") == ["e5", "f6"])
        #expect(try resolved("base") == [])
        #expect(try resolved("current", current: ["d4"]) == ["d4"])
        #expect(try graph(diamond).0.resolve("head", current: []).revisions == ["m"])
    }

    @Test func idsPrefixesAndLabels() throws {
        #expect(try resolved("a1b2") == ["a1b2"])
        #expect(try resolved("a1c") == ["a1c3"])
        #expect(try resolved("e") == ["e5"])
        #expect(try resolved("billing") == ["d4"])
        #expect(try resolved("billing@head") == ["e5"])
        #expect(try resolved("d@head") == ["e5"])
    }

    @Test func ambiguousPrefixListsCandidates() {
        let error = failure("a1")
        #expect(error == .ambiguousPrefix("a1", candidates: ["a1b2", "a1c3"]))
        #expect(error?.message == "revision prefix `a1` is ambiguous: a1b2, a1c3")
    }

    @Test func unknownNameSuggests() {
        #expect(failure("billng") == .unknownRevision("billng", suggestion: "billing"))
        #expect(failure("zzzz") == .unknownRevision("zzzz", suggestion: nil))
    }

    @Test func branchHeadWithSeveralHeads() {
        #expect(failure("a1b2@head") == .multipleHeadsFrom("a1b2@head", heads: ["e5", "f6"]))
    }

    @Test func relativeToARevision() throws {
        #expect(try resolved("d4+1") == ["e5"])
        #expect(try resolved("e5-2") == ["a1c3"])
        #expect(try resolved("a1b2-1") == [])
        #expect(try resolved("base+1") == ["a1b2"])
        #expect(try resolved("billing@head-1") == ["d4"])
        #expect(failure("a1c3+1") == .branchesAfter("a1c3", children: ["d4", "f6"]))
        #expect(failure("e5+1") == .pastHead("e5+1", steps: 1))
        #expect(failure("a1b2-3") == .pastBase("a1b2-3", steps: 2))
        #expect(failure("heads+1") == .needsSingleRevision("heads", got: ["e5", "f6"]))
    }

    @Test func relativeBackThroughAMerge() {
        let d = graph(diamond).0
        #expect(throws: RevisionError.mergeBefore("m", parents: ["b", "c"])) { try d.resolve("m-1", current: []) }
    }

    @Test func relativeToCurrent() throws {
        #expect(try resolved("+1", current: ["a1b2"]) == ["a1c3"])
        #expect(try resolved("+2", current: ["a1b2"]) == ["d4"])
        #expect(try resolved("-1", current: ["e5"]) == ["d4"])
        #expect(try resolved("-4", current: ["e5"]) == [])
        #expect(failure("-5", current: ["e5"]) == .notEnoughApplied(requested: 5, applied: 4))
        #expect(failure("+9", current: ["e5"]) == .notEnoughPending(requested: 9, pending: 1))
        #expect(try resolved("current+1", current: ["d4"]) == ["e5"])
    }

    @Test func relativeMinusOneFromAMergeUndoesOnlyTheMerge() throws {
        let d = graph(diamond).0
        #expect(try d.resolve("-1", current: ["m"]).revisions == ["b", "c"])
    }

    @Test func emptyGraphHasNoHead() {
        #expect(throws: RevisionError.noRevisions) { try RevisionGraph.empty.resolve("head", current: []) }
        #expect(throws: RevisionError.noRevisions) { try RevisionGraph.empty.resolve("abc", current: []) }
    }

    @Test func everyErrorHasALowercaseMessage() {
        let all: [RevisionError] = [
            .emptySpecifier, .invalidSpecifier("x@", reason: "r"), .noRevisions, .unknownRevision("x", suggestion: nil),
            .ambiguousPrefix("a", candidates: (0..<10).map { "a\($0)" }), .multipleHeads(["a", "b"]),
            .multipleHeadsFrom("x@head", heads: ["a", "b"]), .branchesAfter("a", children: ["b", "c"]),
            .branchesAfter("", children: ["b", "c"]), .mergeBefore("m", parents: ["b", "c"]), .pastHead("a+1", steps: 1),
            .pastBase("a-2", steps: 2), .notEnoughApplied(requested: 2, applied: 1), .notEnoughPending(requested: 1, pending: 0),
            .needsSingleRevision("heads", got: ["a", "b"]), .needsSingleRevision("base", got: []), .notApplied("a"),
            .notAncestor("a", of: "b"),
        ]
        for error in all {
            #expect(error.message.first.map { !$0.isUppercase } == true, "\(error)")
            #expect(!error.message.hasSuffix("."))
        }
        #expect(RevisionError.ambiguousPrefix("a", candidates: (0..<10).map { "a\($0)" }).message.hasSuffix("and 2 more"))
    }
}
