import ArgumentParser
import Foundation
import MigCore

/// Loading the revision graph for the offline commands (`heads`, `history`,
/// `branches`): headers only, diagnostics to stderr, exit codes as documented.
enum OfflineGraph {
    /// The graph of the project's migrations directory. A missing directory is an
    /// I/O problem (exit 2). Other diagnostics are printed; `errors` says whether
    /// any was an error, so the command can still print what it can and exit 1.
    static func load(_ options: ProjectOptions) throws -> (graph: RevisionGraph, errors: Bool) {
        let config = try options.loadConfig()
        let directory = options.migrationsDirectory(config)
        var project = ProjectLoader.loadHeaders(directory: directory, cache: useCache)
        guard project.directoryFound else {
            let renderer = DiagnosticRenderer(sources: project.sources, colour: Terminal.colourEnabled(noColorFlag: options.noColor))
            throw UsageFailure(message: renderer.render(project.diagnostics))
        }
        let (graph, diagnostics) = project.buildGraph()
        project.readSources(for: diagnostics)
        let errors = Terminal.report(diagnostics, sources: project.sources, noColor: options.noColor)
        return (graph, errors)
    }

    /// The header cache (`<dir>/.migc-cache/`) is on unless `MIGC_NO_CACHE` is set
    /// (benchmarks of the cold path, read-only checkouts where writing is unwanted).
    static var useCache: Bool { getenv("MIGC_NO_CACHE") == nil }

    /// A specifier resolved offline (no database: `current` and `+N`/`-N` have no
    /// meaning here, so they are usage errors).
    static func resolve(_ text: String, in graph: RevisionGraph, option: String) throws -> RevisionTarget {
        do {
            let spec = try RevisionSpecifier.parse(text)
            if spec.needsDatabase {
                throw UsageFailure(message: "error: `\(text)` in \(option) needs the database's current revision; this command reads only the files")
            }
            return try graph.resolve(spec, current: [])
        } catch let error as RevisionError {
            throw UsageFailure(message: usageMessage(error))
        }
    }

    static func usageMessage(_ error: RevisionError) -> String {
        "error: \(error.message)\n" + (error.help.map { "  = help: \($0)\n" } ?? "")
    }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension RevisionSpecifier {
    /// Whether resolving needs the applied heads (`current`, `+N`, `-N`).
    var needsDatabase: Bool {
        switch self {
        case .current, .relative(from: nil, steps: _): true
        case let .relative(from?, _): from.needsDatabase
        default: false
        }
    }
}
