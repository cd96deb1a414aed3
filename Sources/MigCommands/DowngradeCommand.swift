import ArgumentParser
import MigCore
import MigRunner

/// `migc downgrade TARGET`: undo revisions down to TARGET.
struct DowngradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "downgrade",
        abstract: "Undo revisions, down to TARGET.",
        discussion: """
            TARGET: -N (the last N revisions), an id or prefix (undo everything after it), \
            base (undo everything). Written downgrade blocks run as written; missing ones \
            are derived from the schema model. A revision that cannot be undone (a `sql` \
            block without `reverse`, or `downgrade irreversible`) stops the command before \
            anything runs, naming it.
            With --sql nothing runs: the script is printed as `migc build --down` writes it.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var runOptions: RunOptions

    // `.allUnrecognized` so `-1` reaches us as a target, not as an unknown flag.
    @Argument(parsing: .allUnrecognized, help: "The revision to downgrade to (-1, an id, base).")
    var targets: [String] = []

    var target: String { targets.first ?? "" }

    func validate() throws {
        guard targets.count == 1, !targets[0].hasPrefix("--") else {
            throw ValidationError(targets.isEmpty
                ? "missing the target: `migc downgrade -1`, `migc downgrade REV` or `migc downgrade base`"
                : "expected one target, got: \(targets.joined(separator: " "))")
        }
    }

    @Flag(name: .long, help: "Print the SQL instead of running it.")
    var sql = false

    @Option(name: .long, help: "With --sql: the revision(s) the database is at (default: its current revision).")
    var from: String?

    func run() throws {
        if sql { return try printScript() }
        let session = try MigrationSession.open(project, database, checkHistory: false)
        try MigrationExecution(session: session, options: runOptions, direction: .downgrade) { heads in
            try steps(session, heads: heads)
        }.run()
    }

    private func steps(_ session: MigrationSession, heads: [String]) throws -> [MigrationStep] {
        let resolved = try session.resolve(target, current: heads)
        let steps: [MigrationStep]
        do {
            steps = try session.graph.downgradeSteps(from: Set(heads), to: resolved)
        } catch {
            throw UsageFailure(message: OfflineGraph.usageMessage(error))
        }
        if let blocked = MigrationPlanner.firstIrreversible(in: steps, of: session.graph) {
            throw CommandFailure(message: MigrationExecution.irreversibleMessage(blocked, session: session))
        }
        return steps
    }

    private func printScript() throws {
        let sql = try SQLSession.open(project, database, from: from)
        let steps = try steps(sql.session, heads: sql.heads)
        let execution = MigrationExecution(session: sql.session, options: runOptions, direction: .downgrade) { _ in steps }
        Terminal.write(try execution.script(steps, fromBase: false))
    }
}
