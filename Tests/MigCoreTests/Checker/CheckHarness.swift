import Foundation
@testable import MigCore

/// Loads a fixture project (a directory of .mig files, or one .mig file), parses,
/// builds the graph and checks it, as `migc lint` does.
enum CheckHarness {
    struct Outcome {
        var sources: SourceStore
        var graph: RevisionGraph
        var diagnostics: [Diagnostic]
        var rendered: String { DiagnosticRenderer(sources: sources).render(diagnostics.sortedByLocation()) }
    }

    /// Fixture cases under `Fixtures/<area>`: each subdirectory, and each top-level .mig file.
    static func cases(_ area: String) -> [URL] {
        let root = Golden.fixtures.appendingPathComponent(area)
        let entries = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)) ?? []
        return entries.filter { url in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            return isDirectory.boolValue || url.pathExtension == "mig"
        }.sorted { $0.path < $1.path }
    }

    static func files(of url: URL) -> [URL] {
        url.pathExtension == "mig" ? [url] : Golden.inputs(Golden.relativePath(url))
    }

    static func run(_ url: URL, lint: LintConfig? = nil) -> Outcome {
        let texts = files(of: url).map { (Golden.relativePath($0), (try? String(contentsOf: $0, encoding: .utf8)) ?? "") }
        return run(texts, lint: lint)
    }

    /// `texts`: (path, source) pairs.
    static func run(_ texts: [(String, String)], lint: LintConfig? = nil) -> Outcome {
        var sources = SourceStore()
        var files: [MigFile] = []
        var diagnostics: [Diagnostic] = []
        for (path, text) in texts {
            sources.add(SourceFile(path: path, text: text))
            let result = Parser.parse(source: text, path: path)
            files.append(result.file)
            diagnostics += result.diagnostics
        }
        let (graph, graphDiagnostics) = RevisionGraph.build(files)
        let report = Project.check(graph, lint: lint, options: CheckOptions(verifyDerivedDowngrades: true))
        return Outcome(sources: sources, graph: graph, diagnostics: diagnostics + graphDiagnostics + report.diagnostics)
    }
}
