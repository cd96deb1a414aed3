import ArgumentParser
import Foundation
import MigCore

/// `migc build`: the SQL script for a range of revisions, from the files alone.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the SQL script for a range of revisions (no database needed).",
        discussion: """
            Upgrades from --from (default: base) to --to (default: heads). With --down, \
            downgrades from --from (default: heads) to --to (default: base). --from names what \
            the database already has. The script includes the version-table statements, so \
            `sqlite3 DB < out.sql` or `psql -v ON_ERROR_STOP=1 -f out.sql` leaves the database \
            where `migc upgrade`/`downgrade` would.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "sqlite, postgres or mysql (default: `dialect` in migc.toml, else sqlite).")
    var dialect: String?

    @Option(name: .long, help: "The revision(s) the database is at (default: base; heads with --down).")
    var from: String?

    @Option(name: .long, help: "The revision(s) to end at (default: heads; base with --down).")
    var to: String?

    @Flag(name: .long, help: "Write a downgrade script.")
    var down = false

    @Option(name: [.customShort("o"), .long], help: "Write the script to FILE (default: standard output).")
    var output: String?

    func run() throws {
        let config = try project.loadConfig()
        let dialect = try chosenDialect(config)
        let loaded = ProjectLoader.load(directory: project.migrationsDirectory(config))
        guard loaded.directoryFound else {
            throw UsageFailure(message: DiagnosticRenderer(sources: loaded.sources, colour: false).render(loaded.diagnostics))
        }
        let (graph, diagnostics) = loaded.buildGraph()
        if Terminal.report(diagnostics, sources: loaded.sources, noColor: project.noColor) { throw ErrorsReported() }

        let (steps, applied) = try migrationSteps(graph)
        if let error = MigrationPlanner.firstIrreversible(in: steps, of: graph) {
            throw reported(irreversible(error), loaded)
        }
        // Every revision the range folds through is checked on the way; any error
        // stops the build before anything is written.
        var errors: [Diagnostic] = []
        let script: BuiltScript
        do {
            script = try ScriptBuilder.build(
                steps, in: graph, direction: down ? .downgrade : .upgrade, dialect: dialect,
                createVersionTables: !down && applied.isEmpty, errors: &errors)
        } catch {
            throw reported(irreversible(error), loaded)
        }
        if Terminal.report(errors, sources: loaded.sources, noColor: project.noColor) { throw ErrorsReported() }
        Terminal.report(script.diagnostics, sources: loaded.sources, noColor: project.noColor)
        try write(script.text)
    }

    private func reported(_ diagnostic: Diagnostic, _ loaded: LoadedProject) -> ErrorsReported {
        Terminal.report([diagnostic], sources: loaded.sources, noColor: project.noColor)
        return ErrorsReported()
    }

    private func chosenDialect(_ config: ProjectConfig) throws -> Dialect {
        let name = dialect ?? config.dialect ?? Dialect.sqlite.rawValue
        guard let chosen = Dialect(rawValue: name) else {
            throw UsageFailure(message: "error: unknown dialect `\(name)`; expected sqlite, postgres or mysql")
        }
        return chosen
    }

    /// The steps to script, and the heads the database starts from.
    private func migrationSteps(_ graph: RevisionGraph) throws -> ([MigrationStep], Set<String>) {
        let start = try from.map { try OfflineGraph.resolve($0, in: graph, option: "--from") }
        let end = try to.map { try OfflineGraph.resolve($0, in: graph, option: "--to") }
        let heads = RevisionTarget(graph.heads)
        if !down {
            let applied = Set((start ?? .base).revisions)
            return (graph.upgradeSteps(from: applied, to: end ?? heads), applied)
        }
        let applied = Set((start ?? heads).revisions)
        do {
            return (try graph.downgradeSteps(from: applied, to: end ?? .base), applied)
        } catch {
            throw UsageFailure(message: OfflineGraph.usageMessage(error))
        }
    }

    private func irreversible(_ error: CannotDowngrade) -> Diagnostic {
        error.diagnostic(action: "build a downgrade", help: "end the range before it with --to, or write a `downgrade { }` block")
    }

    private func write(_ text: String) throws {
        guard let output else {
            Terminal.write(text)
            return
        }
        do {
            // A regular file is replaced atomically; `/dev/null`, a FIFO or a link is
            // written through, never replaced by a regular file.
            try FileOutput.write(text, to: output)
        } catch {
            throw UsageFailure(message: "error: \(error)")
        }
    }
}
