import Foundation
import MigCore

/// A finished backup: where it is, how big, and the command that puts it back.
public struct BackupResult: Sendable {
    public var path: String
    public var bytes: Int64
    /// How it was made (`sqlite online backup`, `pg_dump 15.4 -Fc`, ...).
    public var method: String
    /// A shell command that restores it (passwords come from the environment:
    /// PGPASSWORD / ~/.pgpass, MYSQL_PWD / ~/.my.cnf; never printed).
    public var restoreCommand: String
}

/// Why no backup was made (nothing was migrated then).
public struct BackupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `migc upgrade|downgrade --backup`: a consistent copy of the database before
/// anything changes. SQLite through the online backup API, PostgreSQL with
/// `pg_dump -Fc`, MySQL/MariaDB with `mysqldump --single-transaction`. The file is
/// written under a temporary name and then linked to `path`, so an existing file,
/// device or symlink at `path` is never overwritten.
public enum DatabaseBackup {
    public static func run(_ url: DatabaseURL, driver: any DatabaseDriver, to path: String) throws(BackupError) -> BackupResult {
        if FileOutput.exists(path) {
            throw BackupError("`\(path)` already exists; migc never overwrites a backup (choose another path, or remove it)")
        }
        let temporary: String
        let fd: Int32
        do {
            (fd, temporary) = try FileOutput.temporaryFile(beside: path, mode: 0o600)
        } catch {
            throw BackupError("cannot create the backup file: \(error)")
        }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        let method: String
        let restore: String
        do {
            switch url.target {
            case .sqlite(.memory):
                throw BackupError("sqlite::memory: lives only in this process; there is nothing to back up")
            case .sqlite(.file(let source)):
                close(fd)
                closed = true
                guard let sqlite = driver as? SQLiteDriver else { throw BackupError("not a SQLite connection") }
                try sqlite.backup(into: temporary)
                method = "SQLite online backup"
                restore = "sqlite3 \(shellQuoted(source)) \(shellQuoted(".restore \"\(escapedForDotCommand(path))\""))"
            case .postgres(let pg):
                (method, restore) = try PostgresDump.run(pg, driver: driver, output: fd, path: path)
            case .mysql(let my):
                (method, restore) = try MySQLDump.run(my, output: fd, path: path)
            }
            if !closed {
                fsync(fd)
                close(fd)
                closed = true
            }
            try FileOutput.publish(temporary, at: path)
        } catch let error as BackupError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw BackupError("\(error)")
        }
        var info = stat()
        let bytes = stat(path, &info) == 0 ? Int64(info.st_size) : 0
        return BackupResult(path: path, bytes: bytes, method: method, restoreCommand: restore)
    }

    /// `<dir>/<database>-backup-<UTC date and time>.<ext>` that does not exist yet:
    /// `.db` for SQLite, `.dump` (pg_restore's custom format) for PostgreSQL, `.sql`
    /// for MySQL.
    public static func defaultPath(for url: DatabaseURL, directory: String?, now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: now)
        let name: String
        let ext: String
        switch url.target {
        case .sqlite(.file(let path)):
            name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            ext = "db"
        case .sqlite(.memory): name = "memory"; ext = "db"
        case .postgres(let pg): name = pg.database ?? pg.user ?? "postgres"; ext = "dump"
        case .mysql(let my): name = my.database ?? "mysql"; ext = "sql"
        }
        // Two backups in one second (an upgrade right after another) get `-2`, `-3`...
        for n in 1...1_000 {
            let file = "\(name.isEmpty ? "database" : name)-backup-\(stamp)\(n == 1 ? "" : "-\(n)").\(ext)"
            let path = directory.map { $0.isEmpty ? file : ($0 as NSString).appendingPathComponent(file) } ?? file
            if !FileOutput.exists(path) { return path }
        }
        return (directory ?? ".") + "/\(name)-backup-\(stamp)-\(UInt32.random(in: 0...UInt32.max)).\(ext)"
    }

    static func shellQuoted(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:@%+,".contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func escapedForDotCommand(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
