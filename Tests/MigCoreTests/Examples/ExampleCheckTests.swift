import Foundation
import Testing
@testable import MigCore

/// The example histories check clean: every revision's ops are valid against the
/// schema folded so far (names resolve, foreign keys reference keys of the same
/// types), written downgrades restore the schema exactly, and only the purge in
/// `saas` is irreversible.
@Suite struct ExampleCheckTests {
    struct Result {
        var errors: [Diagnostic] = []
        var irreversible: [String] = []
    }

    static func check(_ name: String) -> Result {
        let (graph, loading) = ExampleCoverageTests.graph(name)
        var result = Result(errors: loading.filter { $0.severity == .error })
        let parents = graph.revisions.mapValues { $0.parents + $0.depends }
        var folder = HistoryFolder(graph: FoldGraph(order: graph.topologicalOrder, parents: parents, files: graph.revisions.mapValues(\.file)))
        for id in graph.topologicalOrder {
            guard let revision = graph.revisions[id] else { continue }
            let (before, merging) = folder.before(id)
            let (checked, diagnostics) = RevisionChecker.check(id: id, file: revision.file, before: before)
            result.errors += (merging + diagnostics).filter { $0.severity == .error }
            if checked.downgrade == nil { result.irreversible.append(id) }
            folder.store(id, after: checked.after)
        }
        return result
    }

    @Test(arguments: ["blog", "shop", "saas"])
    func checksWithoutErrors(_ name: String) {
        let result = Self.check(name)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.span): \($0.message)" })")
        #expect(result.irreversible == (name == "saas" ? ["732881584d8c"] : []))
    }
}
