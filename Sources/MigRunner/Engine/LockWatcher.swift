import Foundation
import MigCore
import Synchronization

/// Names the sessions a PostgreSQL statement waits for. A statement that gives up
/// on a lock no longer waits, so `pg_blocking_pids` must be asked while it does:
/// this thread sleeps half the lock timeout (most revisions are done by then and it
/// never connects), then polls from its own connection until the attempt ends.
final class LockWatcher: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let found = Mutex<[String]>([])

    /// Nil where there is nothing to ask (not PostgreSQL).
    static func start(_ runner: MigrationRunner, unit: PlannedRevision) -> LockWatcher? {
        guard runner.driver.dialect == .postgres, let pid = runner.backendPID else { return nil }
        let lock = runner.timeouts.limits(for: unit).lock
        let firstLook = lock.isOff ? 2_000 : max(lock.milliseconds / 2, 20)
        let watcher = LockWatcher()
        let url = runner.url
        Thread { watcher.watch(url, pid: pid, firstLookMs: firstLook) }.start()
        return watcher
    }

    /// Ends the watch; the blockers last seen.
    func stop() -> [String] {
        done.signal()
        finished.wait()
        return found.withLock { $0 }
    }

    private func watch(_ url: DatabaseURL, pid: String, firstLookMs: Int) {
        defer { finished.signal() }
        guard done.wait(timeout: .now() + .milliseconds(firstLookMs)) == .timedOut,
              let connection = try? url.connect(options: ConnectOptions(busyTimeoutMilliseconds: 0)) else { return }
        defer { connection.close() }
        let interval = max(firstLookMs / 2, 20)
        repeat {
            if let rows = try? connection.query(Self.blockersQuery, [pid]), !rows.isEmpty {
                found.withLock { $0 = rows.map(Self.describe) }
            }
        } while done.wait(timeout: .now() + .milliseconds(interval)) == .timedOut
    }

    static let blockersQuery = """
        SELECT a.pid::text, COALESCE(a.usename, ''), COALESCE(a.state, ''),
               COALESCE(floor(extract(epoch FROM now() - a.xact_start))::bigint::text, ''),
               COALESCE((SELECT string_agg(DISTINCT l.mode || ' on ' || l.relation::regclass::text, ', ')
                         FROM pg_catalog.pg_locks l
                         WHERE l.pid = a.pid AND l.granted AND l.relation IN
                               (SELECT w.relation FROM pg_catalog.pg_locks w WHERE w.pid = $1::int AND NOT w.granted)), ''),
               COALESCE(a.query, '')
        FROM pg_catalog.pg_stat_activity a
        WHERE a.pid = ANY (pg_catalog.pg_blocking_pids($1::int))
        ORDER BY a.pid
        """

    /// `pid 4242 (user app, idle in transaction for 12 s, holds AccessShareLock on
    /// accounts; last statement: SELECT ...)`.
    static func describe(_ row: Row) -> String {
        let c = row.map { $0 ?? "" }
        var parts = ["user \(c[1])"]
        if !c[2].isEmpty { parts.append(c[2] + (c[3].isEmpty ? "" : " for \(c[3]) s")) }
        if !c[4].isEmpty { parts.append("holds \(c[4])") }
        var text = "pid \(c[0]) (" + parts.joined(separator: ", ")
        if !c[5].isEmpty { text += "; last statement: \(RunnerText.oneLine(c[5]))" }
        return text + ")"
    }
}
