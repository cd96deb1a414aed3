import ArgumentParser
import MigCore
import MigRunner

/// `migc stamp REV`: set the version table without running anything.
struct StampCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract: "Set the database's version table to REV without running any migration.",
        discussion: """
            For a database whose schema already matches REV (created by hand, restored \
            from a dump, or after fixing drift). Nothing but migc_version changes; each \
            change is recorded in migc_history. Run `migc check` afterwards: if the schema \
            does not match REV, the next upgrade or downgrade will fail or lose data.
            REV: an id or prefix, head, heads, base, label@head; several revisions with spaces.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The revision(s) to record as applied.")
    var revisions: [String]

    @Option(name: .long, help: "Seconds to wait for another migc migrating the same database (default: runner.migc_lock_timeout, else 30).")
    var migcLockTimeout: Double?

    func run() throws {
        var session = try DatabaseSession.open(project, database, depth: OpenedProject.headers)
        try session.opened.refuseErrors()
        let timeout = RunOptions.migcLockTimeout(migcLockTimeout, session.config)
        let migrator = try session.migrator(lockTimeout: timeout)
        let result: (before: [String], after: [String])
        do {
            result = try migrator.stamp(revisions, lockTimeout: timeout)
        } catch let refusal as MigrationRefusal {
            throw RefusalMessages.error(refusal, opened: &session.opened)
        } catch let error as RunnerError {
            throw UsageFailure(message: "error: \(error.message)")
        } catch let error as DatabaseError {
            throw UsageFailure(message: "error: \(session.url.redacted): \(error)")
        }
        let show = { (heads: [String]) in heads.isEmpty ? "base" : heads.joined(separator: ", ") }
        Terminal.write("stamped: \(show(result.before)) -> \(show(result.after))\n")
        Terminal.writeError("warning: stamp changed only the version table, not the schema; run `migc check` to compare the schema with \(show(result.after))\n")
    }
}
