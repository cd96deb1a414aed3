import Foundation
import MigCore

/// Keeps two runners from migrating one database at once, for the whole run.
///
/// PostgreSQL: a session advisory lock (`pg_try_advisory_lock`), polled until the
/// timeout. SQLite: an exclusive `flock` on the database file, which only other
/// migc runners take (SQLite's own locks are POSIX locks, independent of flock on
/// Linux); every revision still starts with `BEGIN IMMEDIATE` under the busy timeout.
/// MySQL/MariaDB: `GET_LOCK('migc:<database>', timeout)`, a named lock the server
/// holds for this connection until `RELEASE_LOCK` or disconnect (so a killed runner
/// never leaves it behind). Named locks are server-wide: the database name keeps
/// runners of different databases on one server apart.
final class MigrationLock {
    /// 'migc' as a number: the advisory lock key, per database.
    static let advisoryKey = 0x6D69_6763

    private let driver: any DatabaseDriver
    private var fileDescriptor: Int32 = -1
    private var holdsAdvisoryLock = false
    private var namedLock: String?

    private init(driver: any DatabaseDriver) { self.driver = driver }

    /// Waits up to `timeout` seconds for the lock.
    static func acquire(_ driver: any DatabaseDriver, databaseFile: String?, timeout: Double) throws -> MigrationLock {
        let lock = MigrationLock(driver: driver)
        let deadline = Date().addingTimeInterval(timeout)
        switch driver.dialect {
        case .postgres:
            while try driver.scalar("SELECT pg_try_advisory_lock(\(advisoryKey))") != "t" {
                guard Date() < deadline else { throw RunnerError(timeoutMessage(timeout)) }
                Thread.sleep(forTimeInterval: 0.05)
            }
            lock.holdsAdvisoryLock = true
        case .sqlite:
            guard let path = databaseFile else { return lock }  // :memory: is private to us
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw RunnerError("cannot open \(path) to lock it: \(String(cString: strerror(errno)))") }
            lock.fileDescriptor = fd
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR else {
                    throw RunnerError("cannot lock \(path): \(String(cString: strerror(errno)))")
                }
                guard Date() < deadline else { throw RunnerError(timeoutMessage(timeout)) }
                Thread.sleep(forTimeInterval: 0.05)
            }
        case .mysql:
            let name = try mysqlLockName(driver)
            // The server waits (no polling); NULL means an error such as a kill.
            guard try driver.scalar("SELECT GET_LOCK($1, $2)", [name, String(Int(max(timeout, 0).rounded(.up)))]) == "1" else {
                throw RunnerError(timeoutMessage(timeout))
            }
            lock.namedLock = name
        }
        return lock
    }

    static func timeoutMessage(_ timeout: Double) -> String {
        "another migc is migrating this database; gave up after waiting \(Int(timeout)) s (--migc-lock-timeout)"
    }

    /// `migc:` and the database name, cut to the server's 64-character limit.
    static func mysqlLockName(_ driver: any DatabaseDriver) throws(DatabaseError) -> String {
        String(("migc:" + (try driver.scalar("SELECT DATABASE()") ?? "")).prefix(64))
    }

    func release() {
        if let name = namedLock {
            _ = try? driver.query("SELECT RELEASE_LOCK($1)", [name])
            namedLock = nil
        }
        if holdsAdvisoryLock {
            _ = try? driver.query("SELECT pg_advisory_unlock(\(Self.advisoryKey))")
            holdsAdvisoryLock = false
        }
        if fileDescriptor >= 0 {
            flock(fileDescriptor, LOCK_UN)
            close(fileDescriptor)
            fileDescriptor = -1
        }
    }

    deinit { release() }
}
