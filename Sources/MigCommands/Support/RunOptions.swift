import ArgumentParser
import MigRunner

extension TransactionMode: ExpressibleByArgument {}

/// Options of the commands that apply or undo revisions.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: "per-revision (BEGIN..COMMIT each) or single (one transaction, a savepoint per revision). Default: `transaction` in migc.toml, else single on SQLite and per-revision on PostgreSQL. Ignored on MySQL/MariaDB, whose DDL commits statement by statement (see --undo-partial).")
    var transaction: TransactionMode?

    @Option(name: .long, help: "Seconds to wait for another migc migrating the same database, and for each statement to get a lock another session holds (default: migc.toml, else 30).")
    var lockTimeout: Double?

    @Flag(name: .long, help: "Run even though an applied revision's file was edited since (recorded in migc_history).")
    var allowEdited = false

    @Flag(name: .long, help: "MySQL/MariaDB: undo the statements a revision that stopped half-way had run (its ops' derived inverse) instead of resuming it.")
    var undoPartial = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .long, help: "Back the database up before changing anything (SQLite: online backup API; PostgreSQL: pg_dump -Fc; MySQL/MariaDB: mysqldump --single-transaction) into <database>-backup-<UTC time> in `backup.dir` of migc.toml (default: the current directory). Prints the path, size and restore command. Default: `backup.enabled` in migc.toml.")
    var backup = false

    @Option(name: .long, help: ArgumentHelp("Back up into this file (implies --backup; `--backup=PATH` says the same). An existing file, device or symlink is never overwritten.", valueName: "PATH"))
    var backupTo: String?

    @Flag(name: .long, help: "No backup, even when migc.toml enables it.")
    var noBackup = false

    func migratorOptions(_ session: DatabaseSession, fold: Bool) throws -> Migrator.Options {
        var mode = transaction
        if mode == nil, let configured = session.config.transactionMode {
            guard let parsed = TransactionMode(rawValue: configured) else {
                throw UsageFailure(message: "error: \(session.config.path ?? "migc.toml"): `runner.transaction` must be per-revision or single, not `\(configured)`")
            }
            mode = parsed
        }
        return Migrator.Options(
            transactionMode: mode ?? TransactionMode.defaultMode(for: session.url.dialect),
            lockTimeout: Self.timeout(lockTimeout, session.config), allowEdited: allowEdited, fold: fold,
            undoPartial: undoPartial)
    }

    /// The flag, else migc.toml, else 30 s.
    static func timeout(_ flag: Double?, _ config: ProjectConfig) -> Double {
        flag ?? config.lockTimeoutSeconds.map(Double.init) ?? 30
    }
}
