import Foundation
import MigCore

/// Lock timeouts and retries. Each revision sets its limits first (PostgreSQL `SET
/// LOCAL`, inside its transaction; see `RunTimeouts`). A revision that gives up on
/// a lock was rolled back whole, so it simply runs again after a backoff, up to
/// `retries` more times, each attempt reported. Outside a transaction (`transaction
/// off`) only the statement that timed out runs again, and only when `RetrySafety`
/// says repeating it is safe.
extension MigrationRunner {
    var timeoutServer: TimeoutSQL.Server {
        switch driver.dialect {
        case .sqlite: .sqlite
        case .postgres: .postgres
        case .mysql: (driver as? MySQLDriver)?.isMariaDB == true ? .mariadb : .mysql
        }
    }

    /// The run's limits for the whole session (version-table statements included).
    func setSessionTimeouts() throws(DatabaseError) {
        let lock = timeouts.keepsSessionLockTimeout ? nil : timeouts.lockTimeout
        try run(TimeoutSQL.statements(lock: lock, statement: timeouts.statementTimeout, server: timeoutServer, local: false))
    }

    /// The unit's limits: `local` inside its transaction (PostgreSQL), else for the
    /// session until `setSessionTimeouts` puts the run's back.
    func applyTimeouts(of unit: PlannedRevision, local: Bool) throws(DatabaseError) {
        let limits = timeouts.limits(for: unit)
        // The session already has the run's limits; only a header changes them.
        if driver.dialect != .postgres, local { return }
        guard local || !unit.timeouts.isEmpty else { return }
        let lock = timeouts.keepsSessionLockTimeout ? unit.timeouts.lockTimeout : limits.lock
        try run(TimeoutSQL.statements(lock: lock, statement: limits.statement, server: timeoutServer, local: local))
    }

    /// One round trip for the SET statements of a revision.
    private func run(_ statements: [String]) throws(DatabaseError) {
        if !statements.isEmpty { try driver.execute(statements.joined(separator: "; ")) }
    }

    /// Runs `attempt` (one whole transactional revision) until it does not fail on
    /// a lock timeout, at most `retries + 1` times.
    func withLockRetries(_ unit: PlannedRevision, _ attempt: () throws -> Void) throws {
        let attempts = timeouts.retries + 1
        // Elsewhere the header's limits are session settings: set before BEGIN (SQLite's
        // BEGIN IMMEDIATE waits under the busy timeout), put back after.
        let sessionLevel = driver.dialect != .postgres && !unit.timeouts.isEmpty
        if sessionLevel { try applyTimeouts(of: unit, local: false) }
        defer { if sessionLevel { try? setSessionTimeouts() } }
        for n in 1... {
            let watcher = LockWatcher.start(self, unit: unit)
            do {
                try attempt()
                _ = watcher?.stop()
                return
            } catch var failure as RunFailure where failure.error.isLockTimeout && failure.rolledBack && failure.undoneEarlier.isEmpty {
                let blockers = (watcher?.stop()).flatMap { $0.isEmpty ? nil : $0 } ?? openTransactions()
                guard n < attempts else {
                    failure.attempts = n
                    failure.blockers = blockers
                    throw failure
                }
                pause(unit, attempt: n, of: attempts, statement: failure.statement ?? SQLStatement("BEGIN"), error: failure.error,
                      blockers: blockers, statementOnly: false)
            } catch let error as DatabaseError where error.isLockTimeout {
                // BEGIN IMMEDIATE (SQLite) waited out the busy timeout: nothing ran yet.
                _ = watcher?.stop()
                guard n < attempts else {
                    throw RunnerError(
                        "revision \(unit.id) could not start: \(error); another connection holds the database's write lock "
                            + "(gave up after \(n) attempt\(n == 1 ? "" : "s"): --lock-timeout, --retries); nothing of it ran")
                }
                pause(unit, attempt: n, of: attempts, statement: SQLStatement(error.statement ?? "BEGIN"), error: error,
                      blockers: [], statementOnly: false)
            } catch {
                _ = watcher?.stop()
                throw error
            }
        }
    }

    /// Runs one statement of a `transaction off` revision (or of any revision on
    /// MySQL/MariaDB); after a lock timeout, runs it again when that is safe.
    func executeRetrying(_ statement: SQLStatement, of unit: PlannedRevision) throws(DatabaseError) {
        let attempts = timeouts.retries + 1
        statementRetry = (1, [])
        var n = 1
        while true {
            let watcher = LockWatcher.start(self, unit: unit)
            do {
                try driver.execute(statement.text)
                _ = watcher?.stop()
                return
            } catch {
                let blockers = (watcher?.stop()).flatMap { $0.isEmpty ? nil : $0 } ?? (error.isLockTimeout ? openTransactions() : [])
                statementRetry = (n, blockers)
                guard error.isLockTimeout, n < attempts else { throw error }
                let safety = unit.retrySafety(of: statement)
                guard safety.isSafe else { throw error }
                pause(unit, attempt: n, of: attempts, statement: statement, error: error, blockers: blockers, statementOnly: true)
                if case .afterDroppingInvalidIndex(let name) = safety { try dropInvalidIndex(name) }
                n += 1
            }
        }
    }

    /// `CREATE INDEX CONCURRENTLY` that failed left its index INVALID; drop it so
    /// the retry builds it afresh (only if it is there and invalid).
    private func dropInvalidIndex(_ name: String) throws(DatabaseError) {
        guard driver.dialect == .postgres else { return }
        let invalid = try driver.scalar("""
            SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
            WHERE NOT i.indisvalid AND c.relname = $1 AND c.relnamespace = current_schema()::regnamespace
            """, [name])
        if invalid != nil { try driver.execute("DROP INDEX CONCURRENTLY IF EXISTS \(PostgresBackend().quote(name))") }
    }

    private func pause(
        _ unit: PlannedRevision, attempt: Int, of attempts: Int, statement: SQLStatement, error: DatabaseError, blockers: [String],
        statementOnly: Bool
    ) {
        let delay = timeouts.delay(after: attempt)
        timeouts.onRetry?(LockRetry(
            revision: unit.id, direction: unit.direction, attempt: attempt, attempts: attempts, statement: statement, error: error,
            blockers: blockers, delayMs: delay, statementOnly: statementOnly))
        Thread.sleep(forTimeInterval: Double(delay) / 1_000)
    }

    /// MySQL/MariaDB: a metadata lock's holder is a session with an open
    /// transaction (InnoDB lists them); the server does not say which one blocks.
    func openTransactions() -> [String] {
        guard driver.dialect == .mysql else { return [] }
        let rows = (try? driver.query("""
            SELECT t.trx_mysql_thread_id, COALESCE(p.USER, ''), TIMESTAMPDIFF(SECOND, t.trx_started, NOW()), COALESCE(p.INFO, '')
            FROM information_schema.INNODB_TRX t LEFT JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id
            WHERE t.trx_mysql_thread_id <> CONNECTION_ID() ORDER BY t.trx_started
            """)) ?? []
        return rows.map { row in
            let cells = row.map { $0 ?? "" }
            var text = "connection \(cells[0]) (user \(cells[1]), transaction open for \(cells[2]) s"
            if !cells[3].isEmpty { text += "; running: \(RunnerText.oneLine(cells[3]))" }
            return text + ")"
        }
    }
}

extension PlannedRevision {
    /// Whether `statement` may run again: the op it comes from says (statements
    /// the runner cannot place are not retried).
    func retrySafety(of statement: SQLStatement) -> RetrySafety {
        guard let index = statements.firstIndex(of: statement) else { return .unsafe(reason: "unknown statement") }
        let backend = dialect.backend
        var covered = 0
        for step in steps {
            covered += backend.render(steps: [step], transactional: transactional).count
            if index < covered { return RetrySafety.of(step.statement.operation) }
        }
        return .unsafe(reason: "unknown statement")
    }
}

enum RunnerText {
    static func oneLine(_ sql: String, limit: Int = 120) -> String {
        let collapsed = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.count > limit ? String(collapsed.prefix(limit)) + "..." : collapsed
    }
}
