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
            once: the second waits up to --lock-timeout.
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
        if sql { return try printScript() }
        let session = try MigrationSession.open(project, database, checkHistory: false)
        var execution = MigrationExecution(session: session, options: runOptions, direction: .upgrade) { heads in
            let resolved = try session.resolve(target, current: heads)
            try session.refuseConflictingHeads(heads + resolved.revisions)
            let steps = session.graph.upgradeSteps(from: Set(heads), to: resolved)
            if steps.isEmpty, !resolved.revisions.allSatisfy(heads.contains) {
                throw UsageFailure(message: """
                    error: `\(target)` (\(resolved)) is behind the database, which is at \(heads.joined(separator: ", ")); upgrade only moves forward
                      = help: `migc downgrade \(target)` goes back to it
                    """)
            }
            return steps
        }
        execution.fold = !noFold
        try execution.run()
    }

    private func printScript() throws {
        let session = try SQLSession.open(project, database, from: from)
        let resolved = try session.session.resolve(target, current: session.heads)
        let steps = session.session.graph.upgradeSteps(from: Set(session.heads), to: resolved)
        let execution = MigrationExecution(session: session.session, options: runOptions, direction: .upgrade) { _ in steps }
        Terminal.write(try execution.script(steps, fromBase: session.heads.isEmpty))
    }
}

/// For `--sql`: the session and the heads to script from, read without writing.
struct SQLSession {
    var session: MigrationSession
    var heads: [String]

    static func open(_ project: ProjectOptions, _ database: DatabaseOptions, from: String?) throws -> SQLSession {
        var db = database
        let config = try project.loadConfig()
        // Offline is fine for --sql: without a database, script from base (or --from).
        let hasDatabase = (try? database.databaseURL(config)) != nil
        if !hasDatabase { db.database = "sqlite::memory:" }
        // No whole-history check: the script's range is checked as it is rendered.
        let session = try MigrationSession.open(project, db, checkHistory: false)
        if let from {
            return SQLSession(session: session, heads: try session.resolve(from, current: []).revisions)
        }
        guard hasDatabase, !session.url.isMissingSQLiteFile else { return SQLSession(session: session, heads: []) }
        let runner = try session.connect(lockTimeout: 5)
        let heads: [String]
        do {
            heads = try runner.store.heads()
        } catch {
            throw UsageFailure(message: "error: cannot read the version table of \(session.url.redacted): \(error)")
        }
        try session.verifyKnown(heads)
        return SQLSession(session: session, heads: heads)
    }
}

extension DatabaseURL {
    /// A SQLite file that does not exist yet: a database at base. Read-only commands
    /// (`current`, `--sql`) say so without creating the file.
    var isMissingSQLiteFile: Bool {
        guard case .sqlite(.file(let path)) = target else { return false }
        return !FileManager.default.fileExists(atPath: path)
    }
}
