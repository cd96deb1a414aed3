// The statements that set a revision's lock and statement timeouts, per server.
// The runner runs them at the start of each revision; `migc build` writes them when
// a revision's header sets its own (`lock_timeout 10s`).

public enum TimeoutSQL {
    /// Which server: MariaDB and MySQL name the statement timeout differently.
    public enum Server: Sendable {
        case sqlite, postgres, mysql, mariadb
    }

    /// MySQL's and MariaDB's `lock_wait_timeout` ceiling (one year, in seconds).
    static let mysqlNoLimitSeconds = 31_536_000

    /// SET statements for `lock` and `statement` (nil: leave as is; `off`: no
    /// limit). `local`: inside the revision's transaction (PostgreSQL's `SET LOCAL`
    /// ends with it); else for the session.
    public static func statements(lock: TimeoutDuration?, statement: TimeoutDuration?, server: Server, local: Bool) -> [String] {
        var out: [String] = []
        switch server {
        case .postgres:
            let set = local ? "SET LOCAL" : "SET"
            if let lock { out.append("\(set) lock_timeout = \(lock.milliseconds)") }
            if let statement { out.append("\(set) statement_timeout = \(statement.milliseconds)") }
        case .sqlite:
            // One setting: how long to wait for another connection's lock.
            if let lock { out.append("PRAGMA busy_timeout = \(lock.isOff ? TimeoutDuration.maximumMilliseconds : lock.milliseconds)") }
        case .mysql, .mariadb:
            // Whole seconds, at least 1 (0 would mean NOWAIT on MariaDB).
            if let lock {
                let seconds = lock.isOff ? mysqlNoLimitSeconds : max(1, (lock.milliseconds + 999) / 1_000)
                out.append("SET SESSION lock_wait_timeout = \(seconds)")
            }
            if let statement {
                out.append(server == .mariadb
                    ? "SET SESSION max_statement_time = \(seconds(statement.milliseconds))"
                    : "SET SESSION max_execution_time = \(statement.milliseconds)")
            }
        }
        return out
    }

    /// `1.5` for 1500 ms (MariaDB's max_statement_time is in seconds).
    static func seconds(_ ms: Int) -> String {
        ms % 1_000 == 0 ? String(ms / 1_000) : String(ms / 1_000) + "." + String(String(ms % 1_000 + 1_000).dropFirst())
    }
}
