import Foundation
import MigCore
import MigRunner

/// The shared body of `upgrade` and `downgrade`: plan from the applied heads under
/// the lock, run, report. `--sql` prints the script instead, exactly as `migc build`.
struct MigrationExecution {
    var session: MigrationSession
    var options: RunOptions
    var direction: ScriptDirection
    /// The steps from the applied heads (the target is resolved against them).
    var steps: ([String]) throws -> [MigrationStep]
    /// On an empty database, create the final schema at once instead of replaying.
    var fold = false

    func run() throws {
        let runnerOptions = try options.runnerOptions(session)
        let runner = try session.connect(lockTimeout: runnerOptions.lockTimeout)
        let started = DispatchTime.now().uptimeNanoseconds
        let report: RunReport
        do {
            report = try runner.migrate(options: runnerOptions, plan: plan(runner.store), progress: { applied in
                if !options.quiet { Terminal.write(RunReporting.progressLine(applied)) }
            })
        } catch let failure as RunFailure {
            // The database could not be written (disk, permissions, connection): exit 2.
            if failure.error.isEnvironmental { throw UsageFailure(message: RunReporting.failure(failure, session: session)) }
            Terminal.writeError(RunReporting.failure(failure, session: session))
            throw ErrorsReported()
        } catch let error as RunnerError {
            throw UsageFailure(message: "error: \(error.message)")
        } catch let error as DatabaseError {
            // Not a revision's op (those are RunFailures): the database could not be
            // read, locked or written at all. An I/O problem, exit 2, like `current`.
            throw UsageFailure(message: "error: \(session.url.redacted): \(error)")
        }
        if !options.quiet {
            let verb = direction == .upgrade ? "applied" : "undid"
            Terminal.write(RunReporting.summary(report, verb: verb, elapsedMs: Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)))
        }
    }

    /// Runs under the lock: checks the version table, then turns steps into units.
    private func plan(_ store: VersionStore) -> ([String]) throws -> [PlannedRevision] {
        { applied in
            try session.verifyKnown(applied)
            let heads = try session.normaliseHeads(applied, store: store)
            let edited = try session.editedRevisions(heads, store: store)
            if !edited.isEmpty && !options.allowEdited {
                throw CommandFailure(message: Self.editedMessage(edited, session: session))
            }
            try store.acceptEdits(edited.map { ($0, session.graph.revisions[$0]?.file.checksum) })
            let steps = try steps(heads)
            if fold, heads.isEmpty {
                var errors: [Diagnostic] = []
                if let folded = MigrationPlanner.fold(steps, in: session.graph, dialect: session.dialect, errors: &errors) {
                    try refuse(errors)
                    return [PlannedRevision(folded)]
                }
            }
            let note = edited.isEmpty ? nil : "--allow-edited: \(edited.joined(separator: ", ")) edited since applied"
            let unitDirection: PlannedRevision.Direction = direction == .upgrade ? .up : .down
            return try planned(steps) { PlannedRevision($0, direction: unitDirection, dialect: session.dialect, note: note) }
        }
    }

    /// The checked revisions for `steps`; an irreversible one stops everything.
    func planned<T>(_ steps: [MigrationStep], _ transform: (ScriptRevision) -> T) throws -> [T] {
        var errors: [Diagnostic] = []
        let rendered: [T]
        do {
            rendered = try MigrationPlanner.render(steps, in: session.graph, errors: &errors, transform)
        } catch {
            throw CommandFailure(message: Self.irreversibleMessage(error, session: session))
        }
        try refuse(errors)
        return rendered
    }

    /// Stops before anything runs when the planned range has errors (and `open`
    /// did not already check the whole history).
    private func refuse(_ errors: [Diagnostic]) throws {
        if !session.checkedUpFront, Terminal.report(errors, sources: session.project.sources, noColor: session.noColor) {
            throw CommandFailure(message: "the migrations have errors; nothing was run (see `migc lint`)")
        }
    }

    static func irreversibleMessage(_ error: CannotDowngrade, session: MigrationSession) -> String {
        var diagnostic = error.diagnostic(
            action: "downgrade", help: "stop before it (`migc downgrade \(error.id)`), or write a `downgrade { }` block",
            headerSpan: session.graph.revisions[error.id]?.file.header.revision?.span)
        diagnostic.message += "; nothing was changed"
        return session.renderer().render(diagnostic)
    }

    static func editedMessage(_ edited: [String], session: MigrationSession) -> String {
        let list = edited.map { id in "  \(id)  \(session.graph.revisions[id]?.file.path ?? "")" }.joined(separator: "\n")
        return """
            error: \(edited.count == 1 ? "an applied revision was" : "applied revisions were") edited since \(edited.count == 1 ? "it was" : "they were") applied (checksum differs):
            \(list)
              = note: the database ran the old text; the edit will never run there
              = help: revert the edit and put the change in a new revision (`migc new`), or pass --allow-edited to go on (recorded in migc_history)
            """
    }

    /// `--sql`: the script `migc build` would write for the same range.
    func script(_ steps: [MigrationStep], fromBase: Bool) throws -> String {
        var errors: [Diagnostic] = []
        let built: BuiltScript
        do {
            built = try ScriptBuilder.build(
                steps, in: session.graph, direction: direction, dialect: session.dialect, createVersionTables: fromBase,
                errors: &errors)
        } catch {
            throw CommandFailure(message: Self.irreversibleMessage(error, session: session))
        }
        try refuse(errors)
        Terminal.report(built.diagnostics, sources: session.project.sources, noColor: session.noColor)
        return built.text
    }
}
