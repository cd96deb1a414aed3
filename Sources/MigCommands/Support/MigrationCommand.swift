import Foundation
import MigCore
import MigRunner

/// The shared body of `upgrade` and `downgrade`: the migrator runs, this reports.
/// `--sql` prints the script instead, exactly as `migc build` writes it.
enum MigrationCommand {
    static func run(
        _ direction: Direction, to target: String, project: ProjectOptions, database: DatabaseOptions, options: RunOptions, fold: Bool
    ) throws {
        var session = try DatabaseSession.open(project, database, depth: .full)
        // No whole-history check: the migrator checks the range it folds before
        // anything runs.
        try session.opened.refuseErrors()
        let migratorOptions = try options.migratorOptions(session, fold: fold)
        let migrator = try session.migrator(lockTimeout: migratorOptions.lockTimeout)
        try BackupStep.runIfWanted(options, session: session, migrator: migrator)
        let started = DispatchTime.now().uptimeNanoseconds
        let report: RunReport
        do {
            let upcoming = ProgressLine.isWanted(quiet: options.quiet) ? plannedRevisions(direction, to: target, migrator: migrator, fold: fold) : []
            let line = ProgressLine(total: upcoming.count, quiet: options.quiet)
            var done = 0
            line.show(done: 0, current: upcoming.first ?? "")
            defer { line.clear() }
            let progress: (RunReport.Applied) -> Void = { applied in
                line.clear()
                if !options.quiet { Terminal.write(RunReporting.progressLine(applied)) }
                done += 1
                if done < upcoming.count { line.show(done: done, current: upcoming[done]) }
            }
            report = direction == .up
                ? try migrator.upgrade(to: target, options: migratorOptions, progress: progress)
                : try migrator.downgrade(to: target, options: migratorOptions, progress: progress)
        } catch let refusal as MigrationRefusal {
            throw RefusalMessages.error(refusal, opened: &session.opened)
        } catch let failure as RunFailure {
            // Read back, not inferred: the report says where the database really is.
            let headsNow = try? migrator.appliedHeads()
            let report = RunReporting.failure(failure, session: session, headsNow: headsNow)
            // The database could not be written (disk, permissions, connection): exit 2.
            if failure.error.isEnvironmental { throw UsageFailure(message: report) }
            Terminal.writeError(report)
            throw ErrorsReported()
        } catch let error as RunnerError {
            throw UsageFailure(message: "error: \(error.message)")
        } catch let error as DatabaseError {
            // Not a revision's op (those are RunFailures): the database could not be
            // read, locked or written at all. An I/O problem, exit 2, like `current`.
            throw UsageFailure(message: "error: \(session.url.redacted): \(error)")
        }
        if !options.quiet {
            let verb = direction == .up ? "applied" : "undid"
            Terminal.write(RunReporting.summary(report, verb: verb, elapsedMs: Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)))
        }
    }

    /// The revisions a run will apply or undo, for the progress line (a fold of an
    /// empty database is one unit: no line). Empty when it cannot tell.
    static func plannedRevisions(_ direction: Direction, to target: String, migrator: Migrator, fold: Bool) -> [String] {
        guard let heads = try? migrator.appliedHeads(),
              let steps = try? RangePlanner.steps(direction, to: target, from: heads, in: migrator.graph) else { return [] }
        if direction == .up, fold, heads.isEmpty { return [] }
        return steps.map(\.revision)
    }

    /// `--sql`: the script from `from` (else the database's revision, else base) to
    /// `target`. Reads the database only when one is configured, never writes it.
    static func printScript(_ direction: Direction, to target: String, from: String?, project: ProjectOptions, database: DatabaseOptions) throws {
        let config = try project.loadConfig()
        let url = try database.optionalURL(config)
        var opened = try OpenedProject.open(project, config: config, depth: .full)
        try opened.refuseErrors()
        let heads: [String]
        if let from {
            heads = try opened.resolveOffline(from, option: "--from").revisions
        } else if let url {
            let session = DatabaseSession(opened: opened, url: url)
            heads = try session.readHeads()
            let unknown = opened.graph.unknownRevisions(in: heads)
            if !unknown.isEmpty { throw RefusalMessages.unknownRevisions(unknown, graph: opened.graph) }
        } else {
            heads = []
        }
        let dialect = url?.dialect ?? config.dialect.flatMap(Dialect.init(rawValue:)) ?? .sqlite
        do {
            let steps: [MigrationStep]
            do {
                steps = try RangePlanner.steps(direction, to: target, from: heads, in: opened.graph)
            } catch .targetBehind {
                steps = []  // a script that changes nothing, as `migc build` would write
            }
            let built = try RangePlanner.script(
                steps, in: opened.graph, direction: direction, dialect: dialect, createVersionTables: direction == .up && heads.isEmpty)
            opened.report(built.diagnostics)
            Terminal.write(built.text)
        } catch {
            throw RefusalMessages.error(error, opened: &opened)
        }
    }
}
