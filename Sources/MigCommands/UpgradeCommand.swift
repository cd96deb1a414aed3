import ArgumentParser
import Foundation
import MigCore
import MigRunner

/// `migc upgrade [TARGET]`: apply revisions up to TARGET.
struct UpgradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Apply revisions to the database, up to TARGET (default: head).",
        discussion: """
            TARGET: head (the single head; an error with several), heads (every branch), \
            +N (N more revisions), an id or unique id prefix, label@head, REV+N.
            Each revision runs whole or not at all with its version row; a failure rolls \
            that revision back, keeps the ones before it, and names the op, its .mig line \
            and the database's message. Applied revisions whose file changed since are \
            refused (--allow-edited to go on). Two runners never migrate one database at \
            once: the second waits up to --migc-lock-timeout. Each statement waits at most \
            --lock-timeout (default 5s) for a lock another session holds; the revision is then \
            rolled back and retried (--retries, --retry-delay), each attempt reported.
            On MySQL/MariaDB each DDL statement commits by itself: a revision that fails \
            half-way keeps the statements that ran (listed, and recorded in migc_progress) \
            and the version table stays at the revision before it. Run `migc upgrade` \
            again after fixing the revision past the failed statement to resume there, \
            or `migc upgrade --undo-partial` to run the derived inverse of what ran.
            On an empty database, when no revision in the range has a `sql` block, migc \
            creates the final schema directly (as Rails loads schema.rb) and records every \
            revision as applied; --no-fold replays them one by one instead.
            With --sql nothing runs: the script is printed as `migc build` writes it, from \
            --from (default: the database's current revision, or base without a database).
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var runOptions: RunOptions

    @Argument(help: "The revision to upgrade to.")
    var target = "head"

    @Flag(name: .long, help: "Print the SQL instead of running it.")
    var sql = false

    @Flag(name: .long, help: "On an empty database, replay every revision instead of creating the final schema at once.")
    var noFold = false

    @Option(name: .long, help: "With --sql: the revision(s) the database is at (default: its current revision).")
    var from: String?

    func run() throws {
        if sql {
            return try MigrationCommand.printScript(.up, to: target, from: from, project: project, database: database)
        }
        try MigrationCommand.run(.up, to: target, project: project, database: database, options: runOptions, fold: !noFold)
    }
}
