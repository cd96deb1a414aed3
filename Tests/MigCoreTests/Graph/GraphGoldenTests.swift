import Foundation
import Testing
@testable import MigCore

/// Real files through the real parser: `Fixtures/graph/err/<case>/` must give errors
/// (golden `<case>.stderr`), `Fixtures/graph/ok/<case>/` none (golden `<case>.history`:
/// history, heads and branches as `migc` prints them).
@Suite struct GraphGoldenTests {
    static func cases(_ kind: String) -> [URL] {
        let root = Golden.fixtures.appendingPathComponent("graph/\(kind)").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }.map { URL(fileURLWithPath: root + "/" + $0, isDirectory: false) }
    }

    /// Paths in goldens are relative to `Tests/Fixtures/`.
    static func relative(_ text: String) -> String {
        text.replacingOccurrences(of: Golden.fixtures.path + "/", with: "")
    }

    @Test(arguments: cases("err"))
    func errorCase(_ dir: URL) {
        let project = ProjectLoader.load(directory: dir.path)
        let (_, diagnostics) = project.buildGraph()
        #expect(diagnostics.hasErrors, "\(dir.lastPathComponent) should have errors")
        let text = DiagnosticRenderer(sources: project.sources).render(diagnostics.sortedByLocation())
        Golden.check(Self.relative(text), against: dir, suffix: ".stderr")
    }

    @Test(arguments: cases("ok"))
    func okCase(_ dir: URL) {
        let project = ProjectLoader.load(directory: dir.path)
        let (graph, diagnostics) = project.buildGraph()
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer(sources: project.sources).render(diagnostics))")
        let text = "$ migc history\n" + GraphListing.history(graph.topologicalOrder, in: graph, verbose: false)
            + "$ migc heads\n" + GraphListing.heads(graph, verbose: false)
            + "$ migc branches\n" + GraphListing.branches(graph, verbose: false)
            + "$ migc history --verbose\n" + GraphListing.history(graph.topologicalOrder, in: graph, verbose: true)
        Golden.check(Self.relative(text), against: dir, suffix: ".history")
    }

    @Test(arguments: cases("ok"))
    func headersGiveTheSameGraph(_ dir: URL) {
        let full = ProjectLoader.load(directory: dir.path).buildGraph().0
        let headers = ProjectLoader.loadHeaders(directory: dir.path, cache: false).buildGraph().0
        #expect(full.topologicalOrder == headers.topologicalOrder)
        #expect(full.heads == headers.heads)
        #expect(full.labels == headers.labels)
    }
}
