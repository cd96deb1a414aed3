import Foundation
import MigCore

/// Applies planned revisions to one database: under the migration lock, each
/// revision whole or not at all, its version rows in the same transaction.
public final class MigrationRunner {
    public let url: DatabaseURL
    public let driver: any DatabaseDriver
    public var store: VersionStore { VersionStore(driver: driver) }

    public struct Options: Sendable {
        public var transactionMode: TransactionMode
        /// Seconds to wait for another runner's lock (and for SQLite's write lock).
        public var lockTimeout: Double
        /// MySQL/MariaDB: undo the statements a stopped revision ran instead of
        /// resuming it (see `applyStatementByStatement`).
        public var undoPartial: Bool
        /// Lock and statement timeouts per revision, and retries after a lock timeout.
        public var timeouts: RunTimeouts

        public init(transactionMode: TransactionMode, lockTimeout: Double = 30, undoPartial: Bool = false, timeouts: RunTimeouts = RunTimeouts()) {
            self.transactionMode = transactionMode
            self.lockTimeout = lockTimeout
            self.undoPartial = undoPartial
            self.timeouts = timeouts
        }
    }

    /// The run's timeouts (set by `migrate`), read while applying.
    var timeouts = RunTimeouts()
    /// Attempts and blockers of the last statement retried outside a transaction.
    var statementRetry: (attempts: Int, blockers: [String]) = (1, [])
    /// PostgreSQL: this connection's backend pid, for naming who blocks it.
    var backendPID: String?

    public init(url: DatabaseURL, lockTimeout: Double = 30) throws(DatabaseError) {
        self.url = url
        let busy = Int(min(max(lockTimeout, 0), 3_600) * 1_000)
        self.driver = try url.connect(options: ConnectOptions(busyTimeoutMilliseconds: busy))
    }

    /// Takes the lock, reads the applied heads, asks `plan` what to run from there,
    /// and runs it. `progress` is called after each revision.
    public func migrate(
        options: Options,
        plan: ([String]) throws -> [PlannedRevision],
        progress: (RunReport.Applied) -> Void = { _ in }
    ) throws -> RunReport {
        let lock = try MigrationLock.acquire(driver, databaseFile: databaseFile, timeout: options.lockTimeout)
        defer { lock.release() }
        let store = self.store
        let units = try plan(try store.heads())
        timeouts = options.timeouts
        try setSessionTimeouts()
        if driver.dialect == .postgres { backendPID = try driver.scalar("SELECT pg_backend_pid()") }
        // Only a run that will change something leaves migc's tables behind.
        if !units.isEmpty, try !store.tablesExist() { try store.createTables() }
        var report = driver.dialect == .mysql
            ? try applyStatementByStatement(units, undoPartial: options.undoPartial, progress: progress)
            : try apply(units, mode: options.transactionMode, progress: progress)
        report.headsAfter = try store.heads()
        return report
    }

    /// Moves the version table to `heads` without touching the schema (`migc stamp`),
    /// recording a `stamp` history row per revision added or removed.
    public func stamp(options: Options, to heads: ([String]) throws -> [String]) throws -> (before: [String], after: [String]) {
        let lock = try MigrationLock.acquire(driver, databaseFile: databaseFile, timeout: options.lockTimeout)
        defer { lock.release() }
        let store = self.store
        if try !store.tablesExist() { try store.createTables() }
        let before = try store.heads()
        let after = try heads(before).sorted()
        try driver.begin()
        do {
            let removed = before.filter { !after.contains($0) }
            let added = after.filter { !before.contains($0) }
            try store.moveHeads(removing: removed, adding: added)
            for id in removed { try store.record(id, .stamp, checksum: nil, durationMs: nil, note: "stamp: removed") }
            for id in added { try store.record(id, .stamp, checksum: nil, durationMs: nil, note: "stamp: added") }
            try driver.commit()
        } catch {
            driver.rollbackQuietly()
            throw error
        }
        return (before, after)
    }

    private var databaseFile: String? {
        if case .sqlite(.file(let path)) = url.target { return path }
        return nil
    }

    // MARK: Applying

    private func apply(_ units: [PlannedRevision], mode: TransactionMode, progress: (RunReport.Applied) -> Void) throws -> RunReport {
        var report = RunReport()
        var outerOpen = false
        defer { if outerOpen { driver.rollbackQuietly() } }
        for unit in units {
            let started = DispatchTime.now().uptimeNanoseconds
            if unit.transactional {
                try withLockRetries(unit) {
                    if mode == .single {
                        if !outerOpen { try driver.begin(); outerOpen = true }
                        try driver.execute("SAVEPOINT migc_revision")
                    } else {
                        try driver.begin()
                    }
                    do {
                        try setTimeouts(unit, local: true)
                        try runStatements(unit)
                        try bookkeep(unit, since: started)
                        try endRevision(mode == .single ? "RELEASE SAVEPOINT migc_revision" : "COMMIT")
                    } catch let failure as StatementFailure {
                        if mode == .single { outerOpen = false }
                        throw settle(failure, unit, mode: mode, report: report)
                    }
                }
            } else {
                if outerOpen { try driver.commit(); outerOpen = false }
                statementRetry = (1, [])
                do {
                    try setTimeouts(unit, local: false)
                    defer { try? setSessionTimeouts() }
                    try runStatements(unit)
                } catch let failure as StatementFailure {
                    var run = InvalidIndexes.annotate(failure.runFailure(unit, report: report, rolledBack: false), driver: driver)
                    (run.attempts, run.blockers) = statementRetry
                    throw run
                }
                try driver.begin()
                try bookkeep(unit, since: started)
                try driver.commit()
            }
            let applied = RunReport.Applied(id: unit.id, message: unit.message, direction: unit.direction, durationMs: Self.milliseconds(since: started), revisions: unit.history.count)
            report.applied.append(applied)
            progress(applied)
        }
        if outerOpen {
            outerOpen = false
            try commitRun(units, report: report)
        }
        return report
    }

    /// RELEASE or COMMIT at the end of a revision; a failure there fails the revision.
    private func endRevision(_ sql: String) throws(StatementFailure) {
        do {
            try driver.execute(sql)
        } catch {
            throw StatementFailure(statement: SQLStatement(sql), error: error)
        }
    }

    /// The one commit of a single-transaction run. If it fails, nothing of the run
    /// is applied, and the failure says so instead of the progress lines.
    private func commitRun(_ units: [PlannedRevision], report: RunReport) throws {
        do {
            try driver.commit()
        } catch {
            driver.rollbackQuietly()
            guard let last = units.last else { throw error }
            throw StatementFailure(statement: SQLStatement("COMMIT"), error: error)
                .runFailure(last, report: RunReport(), rolledBack: true, undoneEarlier: report.applied.map(\.id))
        }
    }

    /// Rolls a failed transactional revision back and says what stays applied.
    private func settle(_ failure: StatementFailure, _ unit: PlannedRevision, mode: TransactionMode, report: RunReport) -> RunFailure {
        if let ended = failure.transactionEnded { return TransactionEnded.failure(failure.runFailure(unit, report: report, rolledBack: false), ended, mode: mode) }
        guard mode == .single else {
            driver.rollbackQuietly()
            return failure.runFailure(unit, report: report, rolledBack: true)
        }
        if keepEarlierRevisions() { return failure.runFailure(unit, report: report, rolledBack: true) }
        var kept = report
        kept.applied = []
        return failure.runFailure(unit, report: kept, rolledBack: true, undoneEarlier: report.applied.map(\.id))
    }

    /// After a failure in single mode: undoes the failed revision's savepoint and
    /// commits revisions 1..k-1. False when they are gone: SQLite ends the whole
    /// transaction on some errors (`INSERT OR ROLLBACK`, `RAISE(ROLLBACK)`, a full
    /// disk), or the commit itself failed.
    private func keepEarlierRevisions() -> Bool {
        guard driver.inTransaction else { return false }
        do {
            try driver.execute("ROLLBACK TO SAVEPOINT migc_revision")
            try driver.execute("RELEASE SAVEPOINT migc_revision")
            try driver.commit()
            return true
        } catch {
            driver.rollbackQuietly()
            return false
        }
    }

    private struct StatementFailure: Error {
        var statement: SQLStatement
        var error: DatabaseError
        var transactionEnded: TransactionControl.Found? = nil

        func runFailure(_ unit: PlannedRevision, report: RunReport, rolledBack: Bool, undoneEarlier: [String] = []) -> RunFailure {
            var failure = RunFailure(
                revision: unit.id, message: unit.message, direction: unit.direction, statement: statement, error: error,
                report: report, rolledBack: rolledBack, undoneEarlier: undoneEarlier)
            failure.transactionEndedBy = transactionEnded
            return failure
        }
    }

    private func setTimeouts(_ unit: PlannedRevision, local: Bool) throws(StatementFailure) {
        do {
            try applyTimeouts(of: unit, local: local)
        } catch {
            throw StatementFailure(statement: SQLStatement("-- migc timeouts"), error: error)
        }
    }

    private func runStatements(_ unit: PlannedRevision) throws(StatementFailure) {
        var keeper = RebuildKeeper(driver: driver)
        for statement in unit.statements {
            do {
                try keeper.prepare(statement.text)
                if unit.transactional {
                    try driver.execute(statement.text)
                } else {
                    try executeRetrying(statement, of: unit)
                }
            } catch {
                throw StatementFailure(statement: statement, error: error)
            }
            if unit.transactional, !driver.inTransaction {
                let found = TransactionEnded.found(in: statement.text)
                throw StatementFailure(statement: statement, error: TransactionEnded.error(found, statement: statement.text), transactionEnded: found)
            }
        }
        do {
            try keeper.restore()
        } catch {
            throw StatementFailure(statement: unit.statements.last ?? SQLStatement(""), error: error)
        }
    }

    /// Version rows and history rows, in the revision's own transaction.
    private func bookkeep(_ unit: PlannedRevision, since started: UInt64) throws {
        let store = self.store
        do {
            try store.moveHeads(removing: unit.removedHeads, adding: unit.addedHeads)
            let duration = Self.milliseconds(since: started)
            try store.record(unit.history, HistoryEvent(unit.direction), durationMs: duration, note: unit.note)
        } catch {
            throw StatementFailure(statement: SQLStatement("-- migc version table"), error: error)
        }
    }

    static func milliseconds(since start: UInt64) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
}
