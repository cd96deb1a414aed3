import ArgumentParser
import Foundation
import MigCore

/// `migc lint`: parse, check and lint every revision.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check every revision (names, types, reversibility, graph) and report lints.",
        discussion: """
            With no PATHS, lints the migrations directory. A directory PATH is linted as a project; \
            file PATHS restrict the report to those files (the whole project is still checked, since \
            a revision is checked against the ones before it). Lint codes: docs/lints.md, or \
            `migc lint --explain CODE`; severities per code under [lint.severity] in migc.toml. \
            Exit 0 when clean, 1 on errors (or warnings with --strict), 2 on usage or I/O problems.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var project: ProjectOptions

    @Argument(help: "Files or directories to lint (default: the migrations directory).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text (stderr), json (stdout) or github (workflow annotations on stdout).")
    var format: Format = .text

    @Flag(name: .long, help: "Warnings fail the run too (also: `strict = true` under [lint] in migc.toml).")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Print the documentation of a lint code (MIG102) or an error code (E101), and exit.", valueName: "CODE"))
    var explain: String?

    func run() throws {
        if let code = explain { return try Self.explain(code) }
        let config = try project.loadConfig()
        let lintConfig = config.lintConfig
        var directories: [String] = []
        var onlyFiles: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageFailure(message: "error: no such file or directory: \(path)")
            }
            if isDirectory.boolValue { directories.append(path) } else { onlyFiles.insert(Self.normalized(path)) }
        }
        if directories.isEmpty { directories = [project.migrationsDirectory(config)] }
        var groups: [(SourceStore, [Diagnostic])] = []
        var loadedFiles: Set<String> = []
        for directory in directories {
            var options = project
            options.dir = directory
            let opened = try OpenedProject.open(options, config: config, depth: .full)
            loadedFiles.formUnion(opened.graph.revisions.values.map { Self.normalized($0.file.path) })
            let report = opened.project.check(lint: lintConfig)
            var found = opened.project.diagnostics + report.diagnostics
            if !onlyFiles.isEmpty { found = found.filter { onlyFiles.contains(Self.normalized($0.span.file)) } }
            groups.append((opened.project.sources, found.sortedByLocation()))
        }
        if let stray = paths.first(where: { onlyFiles.contains(Self.normalized($0)) && !loadedFiles.contains(Self.normalized($0)) }) {
            throw UsageFailure(message: "error: `\(stray)` is not in the migrations directory `\(directories.joined(separator: "`, `"))`\n  = help: pass the directory that holds it with --dir")
        }
        let diagnostics = groups.flatMap(\.1)
        switch format {
        case .text: Self.renderText(groups, noColor: project.noColor)
        case .json: Terminal.write(LintOutput.json(diagnostics))
        case .github: Terminal.write(LintOutput.github(diagnostics))
        }
        let failsOnWarnings = strict || config.lintStrict
        if diagnostics.hasErrors || (failsOnWarnings && diagnostics.contains { $0.severity == .warning }) {
            throw ErrorsReported()
        }
    }

    /// `--explain CODE`: the code's docs (docs/lints.md or docs/diagnostics.md) on stdout.
    static func explain(_ code: String) throws {
        guard let text = LintDocs.explain(DiagnosticCode(code.uppercased())) else {
            let known = DiagnosticRegistry.all.map(\.code.rawValue)
            let hint = Suggest.closest(to: code.uppercased(), in: known).map { "\n  = help: did you mean `\($0)`?" } ?? ""
            throw UsageFailure(message: "error: unknown code `\(code)`" + hint)
        }
        Terminal.write(text)
    }

    /// Diagnostics to stderr, rustc-style, then one summary line.
    static func renderText(_ groups: [(SourceStore, [Diagnostic])], noColor: Bool) {
        for (sources, diagnostics) in groups where !diagnostics.isEmpty {
            let renderer = DiagnosticRenderer(sources: sources, colour: Terminal.colourEnabled(noColorFlag: noColor))
            Terminal.writeError(renderer.render(diagnostics))
        }
        let all = groups.flatMap(\.1)
        let errors = all.filter { $0.severity == .error }.count
        let warnings = all.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if !parts.isEmpty { Terminal.writeError(parts.joined(separator: ", ") + " generated.\n") }
    }

    static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
