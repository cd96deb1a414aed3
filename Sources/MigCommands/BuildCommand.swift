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
        var opened = try OpenedProject.open(project, config: config, depth: .full)
        if opened.report(opened.project.diagnostics) { throw ErrorsReported() }

        let (steps, applied) = try migrationSteps(opened)
        if let error = MigrationPlanner.firstIrreversible(in: steps, of: opened.graph) {
            throw reported(irreversible(error), &opened)
        }
        // Every revision the range folds through is checked on the way; any error
        // stops the build before anything is written.
        let script: BuiltScript
        do {
            script = try RangePlanner.script(
                steps, in: opened.graph, direction: down ? .down : .up, dialect: dialect,
                createVersionTables: !down && applied.isEmpty)
        } catch .irreversible(let error) {
            throw reported(irreversible(error), &opened)
        } catch .errors(let errors) {
            opened.report(errors)
            throw ErrorsReported()
        } catch {
            throw RefusalMessages.error(error, opened: &opened)
        }
        opened.report(script.diagnostics)
        try write(script.text)
    }

    private func reported(_ diagnostic: Diagnostic, _ opened: inout OpenedProject) -> ErrorsReported {
        opened.report([diagnostic])
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
    private func migrationSteps(_ opened: OpenedProject) throws -> ([MigrationStep], Set<String>) {
        let graph = opened.graph
        let start = try from.map { try opened.resolveOffline($0, option: "--from") }
        let end = try to.map { try opened.resolveOffline($0, option: "--to") }
        let heads = RevisionTarget(graph.heads)
        if !down {
            let applied = Set((start ?? .base).revisions)
            return (graph.upgradeSteps(from: applied, to: end ?? heads), applied)
        }
        let applied = Set((start ?? heads).revisions)
        do {
            return (try graph.downgradeSteps(from: applied, to: end ?? .base), applied)
        } catch {
            throw UsageFailure(message: OpenedProject.usageMessage(error))
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
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw UsageFailure(message: "error: cannot write `\(output)`: \(error.localizedDescription)")
        }
    }
}
