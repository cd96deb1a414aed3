import Foundation
import MigCore

/// How long a revision's statements may wait for locks other sessions hold, how
/// long each may run, and how often a revision that timed out on a lock is tried
/// again. A revision's header (`lock_timeout 10s`) overrides the run's values.
public struct RunTimeouts: Sendable {
    /// PostgreSQL `lock_timeout`, MySQL/MariaDB `lock_wait_timeout`, SQLite's busy
    /// timeout. 5 s by default, as strong_migrations recommends: long enough for a
    /// quick ALTER, short enough that queries queued behind it are not an outage.
    public var lockTimeout: TimeoutDuration
    /// PostgreSQL `statement_timeout`, MySQL `max_execution_time`, MariaDB
    /// `max_statement_time`. Off by default (a long index build is normal).
    public var statementTimeout: TimeoutDuration
    /// Retries after a lock timeout (attempts = retries + 1).
    public var retries: Int
    /// The wait before the first retry; doubled for each later one (at most 60 s).
    public var retryDelay: TimeoutDuration
    /// Called before each retry (the command prints it).
    public var onRetry: (@Sendable (LockRetry) -> Void)?
    /// Leave the session's `lock_timeout` alone (a PostgreSQL URL's `options` set
    /// it, and neither a flag nor migc.toml did); a header line still applies.
    public var keepsSessionLockTimeout = false

    public static let defaultLockTimeout = TimeoutDuration(milliseconds: 5_000)
    public static let defaultRetries = 3
    public static let defaultRetryDelay = TimeoutDuration(milliseconds: 1_000)

    public init(
        lockTimeout: TimeoutDuration = Self.defaultLockTimeout, statementTimeout: TimeoutDuration = .off,
        retries: Int = Self.defaultRetries, retryDelay: TimeoutDuration = Self.defaultRetryDelay,
        onRetry: (@Sendable (LockRetry) -> Void)? = nil
    ) {
        self.lockTimeout = lockTimeout
        self.statementTimeout = statementTimeout
        self.retries = max(0, retries)
        self.retryDelay = retryDelay
        self.onRetry = onRetry
    }

    /// The limits for `unit`: its header's, else the run's.
    func limits(for unit: PlannedRevision) -> (lock: TimeoutDuration, statement: TimeoutDuration) {
        (unit.timeouts.lockTimeout ?? lockTimeout, unit.timeouts.statementTimeout ?? statementTimeout)
    }

    /// Milliseconds to wait after failed attempt `attempt` (1-based).
    func delay(after attempt: Int) -> Int {
        min(60_000, retryDelay.milliseconds << min(attempt - 1, 16))
    }
}

/// One lock timeout the runner is about to retry.
public struct LockRetry: Sendable {
    public var revision: String
    public var direction: Direction
    /// The attempt that failed (1-based) and how many there may be in all.
    public var attempt: Int
    public var attempts: Int
    public var statement: SQLStatement
    public var error: DatabaseError
    public var blockers: [String]
    /// Milliseconds until the next attempt.
    public var delayMs: Int
    /// True when only the statement is retried (`transaction off`), not the revision.
    public var statementOnly: Bool
}

extension DatabaseURL {
    /// A PostgreSQL URL whose `options` set `lock_timeout` (`-c lock_timeout=...`).
    public var setsLockTimeoutItself: Bool {
        guard case .postgres(let pg) = target else { return false }
        return pg.options.contains { $0.key == "options" && $0.value.contains("lock_timeout") }
    }
}

extension DatabaseError {
    /// The statement gave up waiting for a lock another session holds: PostgreSQL
    /// 55P03 (lock_timeout), MySQL/MariaDB 1205 (lock_wait_timeout), SQLite BUSY.
    public var isLockTimeout: Bool {
        guard let code else { return false }
        return code == "55P03" || code.hasPrefix("1205/") || code == "SQLITE_BUSY"
    }
}
