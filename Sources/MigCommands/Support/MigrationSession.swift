import Foundation
import MigCore
import MigRunner

/// What every database command starts from: the config, the checked revision graph
/// and the database URL. Errors in the history stop the command before it touches
/// the database (exit 1); a bad URL or missing directory is a usage problem (exit 2).
struct MigrationSession {
    var config: ProjectConfig
    var project: LoadedProject
    var graph: RevisionGraph
    var url: DatabaseURL
    var noColor: Bool
    /// Whether `open` ran the checker over the whole history. Upgrade and downgrade
    /// skip it: planning folds the range anyway and reports its errors before
    /// anything runs.
    var checkedUpFront: Bool

    /// `headersOnly` for commands that only need the graph (`current`, `stamp`):
    /// no full parse, no schema check.
    static func open(_ options: ProjectOptions, _ database: DatabaseOptions, headersOnly: Bool = false, checkHistory: Bool = true) throws -> MigrationSession {
        let config = try options.loadConfig()
        let directory = options.migrationsDirectory(config)
        let project = headersOnly ? ProjectLoader.loadHeaders(directory: directory) : ProjectLoader.load(directory: directory)
        guard project.directoryFound else {
            throw UsageFailure(message: DiagnosticRenderer(sources: project.sources, colour: false).render(project.diagnostics))
        }
        let (graph, graphDiagnostics) = project.buildGraph()
        var diagnostics = graphDiagnostics
        if !headersOnly, checkHistory, !graphDiagnostics.hasErrors {
            diagnostics += Checker.check(graph, options: CheckOptions()).diagnostics
        }
        if Terminal.report(diagnostics.filter { $0.severity == .error }, sources: project.sources, noColor: options.noColor) {
            Terminal.writeError("the migrations have errors; nothing was run (see `migc lint`)\n")
            throw ErrorsReported()
        }
        let text = try database.databaseURL(config)
        let url: DatabaseURL
        do {
            url = try DatabaseURL(parsing: text)
        } catch {
            throw UsageFailure(message: "error: \(error.description)")
        }
        return MigrationSession(
            config: config, project: project, graph: graph, url: url, noColor: options.noColor,
            checkedUpFront: !headersOnly && checkHistory)
    }

    var dialect: Dialect { url.dialect }

    func connect(lockTimeout: Double) throws -> MigrationRunner {
        do {
            return try MigrationRunner(url: url, lockTimeout: lockTimeout)
        } catch {
            // The driver's message already names the database (redacted).
            throw UsageFailure(message: "error: \(error.message)")
        }
    }

    /// Resolves a revision specifier against the applied heads; errors are usage errors.
    func resolve(_ spec: String, current: [String]) throws -> RevisionTarget {
        do {
            return try graph.resolve(spec, current: Set(current))
        } catch {
            throw UsageFailure(message: OfflineGraph.usageMessage(error))
        }
    }

    /// Stops when the version table names revisions no file defines: that database
    /// was migrated from other files, and guessing would lose data.
    func verifyKnown(_ heads: [String]) throws {
        let unknown = graph.unknownRevisions(in: heads)
        guard !unknown.isEmpty else { return }
        throw CommandFailure(message: """
            error: the database's version table names \(unknown.count == 1 ? "a revision" : "revisions") no migration file defines: \(unknown.joined(separator: ", "))
              = note: the database was migrated from other files (another branch or checkout), or migc_version was edited
              = help: check out the files that created it; `migc stamp REV` rewrites the version table if you are sure
            """)
    }

    /// Applied revisions whose file changed since they were applied.
    func editedRevisions(_ heads: [String], store: VersionStore) throws -> [String] {
        let applied = graph.closure(of: heads)
        let recorded = try store.appliedChecksums()
        return applied.filter { id in
            guard let was = recorded[id], let file = graph.revisions[id]?.file else { return false }
            return was != file.checksum
        }.sorted()
    }

    func renderer() -> DiagnosticRenderer {
        DiagnosticRenderer(sources: project.sources, colour: Terminal.colourEnabled(noColorFlag: noColor))
    }
}
