import Foundation
import MigCore

/// Applying on MySQL and MariaDB, where every DDL statement commits by itself: no
/// transaction can make a revision whole. Each statement is recorded in
/// `migc_progress` as soon as it ran; the version table and history move only when
/// the revision's last statement ran. A revision that stopped half-way is resumed by
/// the next run at its first statement that did not run, provided the statements
/// that did run are still the revision's first ones (same text, by checksum); or,
/// with `undoPartial`, the derived inverse of its ops that ran whole is run instead.
extension MigrationRunner {
    func applyStatementByStatement(_ units: [PlannedRevision], undoPartial: Bool, progress: (RunReport.Applied) -> Void) throws -> RunReport {
        let journal = StatementProgress(driver: driver)
        if !units.isEmpty || undoPartial { try journal.createTable() }
        let stopped = try journal.stopped()
        var report = RunReport()
        if let stopped {
            guard let first = units.first, first.id == stopped.revision, first.direction == stopped.direction else {
                throw RunnerError(Self.stoppedElsewhere(stopped, units.first))
            }
            try Self.verifyPrefix(stopped, of: first)
            if undoPartial {
                if stopped.running != nil {
                    let position = stopped.checksums.count + 1
                    throw RunnerError(
                        "statement \(position) of revision \(stopped.revision) was running when an earlier run stopped (killed?): "
                            + "whether it took effect is unknown, so its undo is too. If it did not, run `migc \(stopped.direction.blockName)` "
                            + "to retry it; if it did, mark it run, then undo: "
                            + journal.markRunSQL(stopped.revision, stopped.direction, position: position))
                }
                report.undonePartial = try undo(first, ran: stopped.checksums.count, journal: journal)
                return report
            }
        } else if undoPartial {
            throw RunnerError("nothing to undo: no revision stopped half-way on this database")
        }
        for unit in units {
            let started = DispatchTime.now().uptimeNanoseconds
            let resuming = unit.id == stopped?.revision && unit.direction == stopped?.direction
            let resumeAt = resuming ? stopped!.checksums.count : 0
            // A statement that was running when an earlier run died has its row already.
            let interrupted: Int? = resuming && stopped?.running != nil ? resumeAt : nil
            try applyTimeouts(of: unit, local: false)
            defer { if !unit.timeouts.isEmpty { try? setSessionTimeouts() } }
            for (i, statement) in unit.statements.enumerated() where i >= resumeAt {
                do {
                    if i != interrupted { try journal.start(unit.id, unit.direction, position: i + 1, statement: statement) }
                } catch {
                    throw RunFailure(
                        revision: unit.id, message: unit.message, direction: unit.direction,
                        statement: SQLStatement("-- migc progress table"), error: error, report: report, rolledBack: false)
                }
                do {
                    try executeRetrying(statement, of: unit)
                } catch {
                    // It did not run (DDL is atomic per statement): forget its row, unless
                    // an earlier run left it unknown whether it ran.
                    if i != interrupted { try? journal.forget(unit.id, unit.direction, after: i) }
                    var failure = RunFailure(
                        revision: unit.id, message: unit.message, direction: unit.direction, statement: statement,
                        error: error, report: report, rolledBack: false)
                    failure.partial = PartialRevision(
                        ran: Array(unit.statements[..<i]), resumedAt: resumeAt, failed: statement,
                        notRun: Array(unit.statements[(i + 1)...]), undo: Self.undoStatements(unit, ran: i),
                        interruptedEarlier: i == interrupted ? journal.markRunSQL(unit.id, unit.direction, position: i + 1) : nil)
                    (failure.attempts, failure.blockers) = statementRetry
                    throw failure
                }
                do {
                    try journal.finish(unit.id, unit.direction, position: i + 1)
                } catch {
                    throw RunFailure(
                        revision: unit.id, message: unit.message, direction: unit.direction,
                        statement: SQLStatement("-- migc progress table"), error: error, report: report, rolledBack: false)
                }
            }
            try finish(unit, journal: journal, since: started, report: report)
            let applied = RunReport.Applied(
                id: unit.id, message: unit.message, direction: unit.direction,
                durationMs: Self.milliseconds(since: started), revisions: unit.history.count)
            report.applied.append(applied)
            progress(applied)
        }
        return report
    }

    /// The version rows, history rows and the end of the journal, in one InnoDB
    /// transaction (DML is transactional there).
    private func finish(_ unit: PlannedRevision, journal: StatementProgress, since started: UInt64, report: RunReport) throws {
        do {
            try driver.begin()
            try store.moveHeads(removing: unit.removedHeads, adding: unit.addedHeads)
            try store.record(unit.history, HistoryEvent(unit.direction), durationMs: Self.milliseconds(since: started), note: unit.note)
            try journal.forget(unit.id, unit.direction)
            try driver.commit()
        } catch {
            driver.rollbackQuietly()
            var failure = RunFailure(
                revision: unit.id, message: unit.message, direction: unit.direction,
                statement: SQLStatement("-- migc version table"), error: error, report: report, rolledBack: false)
            failure.partial = PartialRevision(
                ran: unit.statements, resumedAt: 0, failed: nil, notRun: [], undo: Self.undoStatements(unit, ran: unit.statements.count),
                interruptedEarlier: nil)
            throw failure
        }
    }

    /// The statements that ran must still be the revision's first statements.
    static func verifyPrefix(_ stopped: StatementProgress.Stopped, of unit: PlannedRevision) throws {
        for (i, checksum) in (stopped.checksums + (stopped.running.map { [$0] } ?? [])).enumerated() {
            guard i < unit.statements.count, StatementProgress.checksum(unit.statements[i]) == checksum else {
                throw RunnerError("""
                    revision \(unit.id) stopped after statement \(stopped.checksums.count) of its \(unit.direction.blockName) \
                    in an earlier run, but statement \(i + 1) is no longer the one that ran there (the file changed before \
                    the point where it stopped): restore the file as it was up to that statement, then `migc \(unit.direction.blockName)` \
                    resumes it or `--undo-partial` undoes what ran; or repair the database by hand and delete the revision's \
                    rows from `migc_progress`
                    """)
            }
        }
    }

    static func stoppedElsewhere(_ stopped: StatementProgress.Stopped, _ next: PlannedRevision?) -> String {
        let n = stopped.checksums.count
        return "revision \(stopped.revision) stopped after \(n) statement\(n == 1 ? "" : "s") of its \(stopped.direction.blockName) "
            + "in an earlier run (mysql cannot roll DDL back): finish it first with `migc \(stopped.direction.blockName)` "
            + "to a target that includes it, or undo what ran with `migc \(stopped.direction.blockName) --undo-partial`"
            + (next == nil ? "" : "; this run would start with \(next!.id) (\(next!.direction.blockName))")
    }

    /// The SQL undoing the ops of `unit` whose statements all ran (the first `ran`
    /// statements), each op's derived inverse in reverse order, grouped per op
    /// (last op first). Nil when one of them has no inverse, or an op stopped in the
    /// middle of its own statements (which its inverse cannot undo exactly).
    static func undoGroups(_ unit: PlannedRevision, ran: Int) -> [(position: Int, statements: [SQLStatement])]? {
        guard !unit.steps.isEmpty else { return ran == 0 ? [] : nil }
        let backend = unit.dialect.backend
        var covered = 0
        var groups: [(position: Int, statements: [SQLStatement])] = []
        for step in unit.steps {
            guard covered < ran else { break }
            let before = covered
            covered += backend.render(steps: [step], transactional: false).count
            guard covered <= ran, let inverse = Inverse.of(step.statement, in: step.before) else { return nil }
            var schema = step.after
            var steps: [OpStep] = []
            for statement in inverse {
                let after = schema.applying(statement.operation)
                steps.append(OpStep(statement: statement, before: schema, after: after))
                schema = after
            }
            groups.append((before, backend.render(steps: steps, transactional: false)))
        }
        return groups.reversed()
    }

    static func undoStatements(_ unit: PlannedRevision, ran: Int) -> [SQLStatement]? {
        undoGroups(unit, ran: ran)?.flatMap(\.statements)
    }

    /// Runs the undo op by op; after each, the journal forgets that op's statements,
    /// so a failure here leaves it exact too.
    private func undo(_ unit: PlannedRevision, ran: Int, journal: StatementProgress) throws -> RunReport.PartialUndo {
        guard let groups = Self.undoGroups(unit, ran: ran) else {
            throw RunnerError(
                "revision \(unit.id) cannot be undone automatically: an op that ran has no derived inverse, or stopped "
                    + "between its own statements; repair by hand, then delete its rows from `migc_progress`")
        }
        var count = 0
        for group in groups {
            for statement in group.statements {
                do {
                    try driver.execute(statement.text)
                } catch {
                    throw RunFailure(
                        revision: unit.id, message: unit.message, direction: unit.direction, statement: statement, error: error,
                        report: RunReport(), rolledBack: false)
                }
                count += 1
            }
            try journal.forget(unit.id, unit.direction, after: group.position)
        }
        try journal.forget(unit.id, unit.direction)
        return RunReport.PartialUndo(revision: unit.id, direction: unit.direction, undoneStatements: ran, ranStatements: count)
    }
}

/// A revision that stopped half-way on a database without transactional DDL.
public struct PartialRevision: Sendable {
    /// Statements of the revision that ran (and stay), in order; `resumedAt` of them
    /// ran in an earlier run.
    public var ran: [SQLStatement]
    public var resumedAt: Int
    /// The statement that failed (nil when only the version-table update failed).
    public var failed: SQLStatement?
    /// Statements after the failed one, not run.
    public var notRun: [SQLStatement]
    /// The derived inverse of the ops that ran whole, or nil when there is none.
    public var undo: [SQLStatement]?
    /// Set when the failed statement was already running when an earlier run
    /// stopped (killed): it may have taken effect then, and this SQL marks it run.
    public var interruptedEarlier: String?
}
