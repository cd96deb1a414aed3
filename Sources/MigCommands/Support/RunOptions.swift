import ArgumentParser
import MigCore
import MigRunner

extension TransactionMode: ExpressibleByArgument {}

/// Options of the commands that apply or undo revisions.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: "per-revision (BEGIN..COMMIT each) or single (one transaction, a savepoint per revision). Default: `transaction` in migc.toml, else single on SQLite and per-revision on PostgreSQL. Ignored on MySQL/MariaDB, whose DDL commits statement by statement (see --undo-partial).")
    var transaction: TransactionMode?

    @Option(name: .long, help: "How long each statement waits for a lock another session holds before the revision gives up and is retried: 5s, 200ms, 1min, off (PostgreSQL lock_timeout, MySQL/MariaDB lock_wait_timeout, SQLite busy timeout). Default: runner.lock_timeout in migc.toml, else 5s; a revision's `lock_timeout` header line wins.", transform: RunOptions.duration)
    var lockTimeout: TimeoutDuration?

    @Option(name: .long, help: "How long each statement may run: 30s, 1h, off (PostgreSQL statement_timeout, MySQL max_execution_time, MariaDB max_statement_time). Default: runner.statement_timeout, else off.", transform: RunOptions.duration)
    var statementTimeout: TimeoutDuration?

    @Option(name: .long, help: "How many times to retry a revision that gave up on a lock (outside a transaction: the statement, when it is safe to repeat). Default: runner.retries, else 3.")
    var retries: Int?

    @Option(name: .long, help: "The wait before the first retry, doubled for each later one (at most 60s). Default: runner.retry_delay, else 1s.", transform: RunOptions.duration)
    var retryDelay: TimeoutDuration?

    @Option(name: .long, help: "Seconds to wait for another migc migrating the same database. Default: runner.migc_lock_timeout, else 30.")
    var migcLockTimeout: Double?

    @Flag(name: .long, help: "Run even though an applied revision's file was edited since (recorded in migc_history).")
    var allowEdited = false

    @Flag(name: .long, help: "MySQL/MariaDB: undo the statements a revision that stopped half-way had run (its ops' derived inverse) instead of resuming it.")
    var undoPartial = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func migratorOptions(_ session: DatabaseSession, fold: Bool) throws -> Migrator.Options {
        var mode = transaction
        if mode == nil, let configured = session.config.transactionMode {
            guard let parsed = TransactionMode(rawValue: configured) else {
                throw UsageFailure(message: "error: \(session.config.path ?? "migc.toml"): `runner.transaction` must be per-revision or single, not `\(configured)`")
            }
            mode = parsed
        }
        var options = Migrator.Options(
            transactionMode: mode ?? TransactionMode.defaultMode(for: session.url.dialect),
            lockTimeout: Self.migcLockTimeout(migcLockTimeout, session.config), allowEdited: allowEdited, fold: fold,
            undoPartial: undoPartial)
        options.timeouts = try timeouts(session.config, url: session.url)
        return options
    }

    /// Flags, else migc.toml, else the defaults; each retry is reported.
    func timeouts(_ config: ProjectConfig, url: DatabaseURL) throws -> RunTimeouts {
        let retries = self.retries ?? config.retries ?? RunTimeouts.defaultRetries
        guard (0...100).contains(retries) else { throw UsageFailure(message: "error: --retries must be from 0 to 100, not \(retries)") }
        let quiet = self.quiet
        var timeouts = RunTimeouts(
            lockTimeout: lockTimeout ?? config.lockTimeout ?? RunTimeouts.defaultLockTimeout,
            statementTimeout: statementTimeout ?? config.statementTimeout ?? .off,
            retries: retries, retryDelay: retryDelay ?? config.retryDelay ?? RunTimeouts.defaultRetryDelay,
            onRetry: { retry in if !quiet { Terminal.writeError(RunReporting.retryLine(retry)) } })
        // A `-c lock_timeout=...` in the URL is the user's choice unless they chose here too.
        timeouts.keepsSessionLockTimeout = url.setsLockTimeoutItself && lockTimeout == nil && config.lockTimeout == nil
        return timeouts
    }

    /// The flag, else migc.toml, else 30 s.
    static func migcLockTimeout(_ flag: Double?, _ config: ProjectConfig) -> Double {
        flag ?? config.migcLockTimeoutSeconds.map(Double.init) ?? 30
    }

    static func duration(_ text: String) throws -> TimeoutDuration {
        guard let parsed = TimeoutDuration.parse(text) else {
            throw ValidationError("expected a duration such as 5s, 200ms, 1min or off, not `\(text)`")
        }
        return parsed
    }
}
