import ArgumentParser
import Foundation
import MigCore

/// A command's project: its config and its migrations, opened through the one
/// front door (`Project.open`). A missing directory or a bad config is a usage
/// problem (exit 2); errors in the files are the command's to report.
struct OpenedProject {
    var config: ProjectConfig
    var project: Project
    var noColor: Bool

    var graph: RevisionGraph { project.graph }

    /// Opens the migrations directory `options` and the config name, parsed to
    /// `depth`. Pass `config` when the command already loaded it.
    static func open(_ options: ProjectOptions, config: ProjectConfig? = nil, depth: Project.Depth) throws -> OpenedProject {
        let config = try config ?? options.loadConfig()
        do {
            let project = try Project.open(directory: options.migrationsDirectory(config), depth: depth)
            return OpenedProject(config: config, project: project, noColor: options.noColor)
        } catch {
            let renderer = DiagnosticRenderer(sources: error.sources, colour: Terminal.colourEnabled(noColorFlag: options.noColor))
            throw UsageFailure(message: renderer.render(error.diagnostics))
        }
    }

    /// Headers only, through the header cache unless `MIGC_NO_CACHE` is set
    /// (benchmarks of the cold path, read-only checkouts where writing is unwanted).
    static var headers: Project.Depth { .headers(cache: getenv("MIGC_NO_CACHE") == nil) }

    /// Prints `diagnostics` (quoting their files); true when any was an error.
    @discardableResult
    mutating func report(_ diagnostics: [Diagnostic]) -> Bool {
        project.readSources(for: diagnostics)
        return Terminal.report(diagnostics, sources: project.sources, noColor: noColor)
    }

    /// Stops the command (exit 1) when the files have errors; warnings are not
    /// shown. With `check`, the whole history is checked too (names, types,
    /// reversibility), not only parsed and linked.
    mutating func refuseErrors(check: Bool = false) throws {
        var found = project.diagnostics
        if check, !found.hasErrors { found += project.check().diagnostics }
        if report(found.filter { $0.severity == .error }) {
            Terminal.writeError("the migrations have errors; nothing was run (see `migc lint`)\n")
            throw ErrorsReported()
        }
    }

    func renderer() -> DiagnosticRenderer {
        DiagnosticRenderer(sources: project.sources, colour: Terminal.colourEnabled(noColorFlag: noColor))
    }

    /// A specifier resolved offline (no database: `current` and `+N`/`-N` have no
    /// meaning here, so they are usage errors).
    func resolveOffline(_ text: String, option: String) throws -> RevisionTarget {
        do {
            let spec = try RevisionSpecifier.parse(text)
            if spec.needsDatabase {
                throw UsageFailure(message: "error: `\(text)` in \(option) needs the database's current revision; this command reads only the files")
            }
            return try graph.resolve(spec, current: [])
        } catch let error as RevisionError {
            throw UsageFailure(message: Self.usageMessage(error))
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

extension OpenedProject {
    /// For the offline commands (`heads`, `history`, `branches`, `new`, `merge`):
    /// headers only, every diagnostic printed; `errors` says whether any was an
    /// error, so the command can still print what it can and then exit 1.
    static func offline(_ options: ProjectOptions) throws -> (opened: OpenedProject, errors: Bool) {
        var opened = try open(options, depth: headers)
        let errors = opened.report(opened.project.diagnostics)
        return (opened, errors)
    }
}
