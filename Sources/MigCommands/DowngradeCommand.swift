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
        if sql {
            return try MigrationCommand.printScript(.down, to: target, from: from, project: project, database: database)
        }
        try MigrationCommand.run(.down, to: target, project: project, database: database, options: runOptions, fold: false)
    }
}
