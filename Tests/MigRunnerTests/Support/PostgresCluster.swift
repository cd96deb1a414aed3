import Foundation
import MigCore
import MigRunner
import Synchronization

/// A throwaway PostgreSQL cluster for this test process: initdb'd into a fresh temp
/// directory owned by the `postgres` OS user (initdb refuses root), listening only on
/// a unix socket in that directory, started on first use and stopped at exit. Never
/// skipped: without the server binaries every PostgreSQL test fails saying why.
final class PostgresCluster: Sendable {
    static let binaries = "/usr/lib/postgresql/15/bin"
    static let shared: Result<PostgresCluster, ClusterError> = Result { () throws(ClusterError) in try PostgresCluster() }

    let directory: String
    let port: Int
    private let admin: Mutex<Int> = Mutex(0)

    struct ClusterError: Error, CustomStringConvertible {
        var description: String
    }

    /// A new, empty database for one test.
    static func freshDatabase() throws -> DatabaseURL {
        let cluster = try shared.get()
        return try cluster.createDatabase()
    }

    var dataDirectory: String { directory + "/data" }

    func url(database: String) -> DatabaseURL {
        DatabaseURL(.postgres(.init(user: "postgres", host: directory, port: port, database: database)))
    }

    private init() throws(ClusterError) {
        guard FileManager.default.isExecutableFile(atPath: Self.binaries + "/initdb") else {
            throw ClusterError(description: "PostgreSQL server binaries not found in \(Self.binaries): install postgresql-15 to run the runner tests")
        }
        let template = NSTemporaryDirectory() + "migc-pg-XXXXXX"
        var buffer = Array(template.utf8CString)
        guard mkdtemp(&buffer) != nil else { throw ClusterError(description: "mkdtemp failed") }
        directory = String(cString: buffer)
        port = Int.random(in: 20_000...60_000)
        try Self.run("/bin/chown", ["postgres:postgres", directory])
        try Self.asPostgres("initdb", ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--locale=C"])
        let options = "-c listen_addresses='' -c unix_socket_directories=\(directory) -p \(port) -c fsync=off -c full_page_writes=off -c max_connections=200"
        try Self.asPostgres("pg_ctl", ["-D", dataDirectory, "-l", directory + "/server.log", "-o", options, "-w", "-t", "60", "start"])
        Self.stopAtExit(dataDirectory: dataDirectory)
        try Self.startWatchdog(dataDirectory: dataDirectory)
    }

    /// Stops the cluster when this process is gone, even after a crash (atexit does
    /// not run then): a detached shell polls /proc for our pid.
    private static func startWatchdog(dataDirectory: String) throws(ClusterError) {
        let script = "while [ -d /proc/\(getpid()) ]; do sleep 1; done; \(stopCommand(dataDirectory))"
        let status = system("/usr/sbin/runuser -u postgres -- /usr/bin/setsid -f /bin/sh -c \(shellQuoted(script)) </dev/null >/dev/null 2>&1")
        guard status == 0 else { throw ClusterError(description: "cannot start the cluster watchdog (status \(status))") }
    }

    private func createDatabase() throws -> DatabaseURL {
        // CREATE DATABASE copies template1; one at a time avoids "source database is
        // being accessed by other users".
        let name = admin.withLock { counter -> String in
            counter += 1
            return "t\(counter)_\(UInt32.random(in: 0...UInt32.max))"
        }
        try admin.withLock { _ in
            let driver = try url(database: "postgres").connect()
            try driver.execute("CREATE DATABASE \"\(name)\"")
        }
        return url(database: name)
    }

    private static func stopAtExit(dataDirectory: String) {
        let script = stopCommand(dataDirectory)
        StopCommand.value.withLock { $0 = script }
        // Plain system(3) at exit: no Foundation (its Process can hang there).
        atexit {
            let command = StopCommand.value.withLock { $0 }
            if !command.isEmpty { _ = system("/usr/sbin/runuser -u postgres -- /bin/sh -c \(PostgresCluster.shellQuoted(command)) </dev/null >/dev/null 2>&1") }
        }
    }

    /// Stops the server and removes the cluster's temp directory.
    private static func stopCommand(_ dataDirectory: String) -> String {
        let directory = String(dataDirectory.dropLast("/data".count))
        return "\(binaries)/pg_ctl -D \(shellQuoted(dataDirectory)) -m immediate stop >/dev/null 2>&1; rm -rf \(shellQuoted(directory))"
    }

    private enum StopCommand {
        static let value = Mutex("")
    }

    static func asPostgres(_ tool: String, _ arguments: [String]) throws(ClusterError) {
        try run("/usr/sbin/runuser", ["-u", "postgres", "--", "\(binaries)/\(tool)"] + arguments)
    }

    /// Runs a tool to completion through `/bin/sh`, output to a file. Not Foundation's
    /// `Process`: it watches an inherited descriptor that the postmaster keeps open, so
    /// it never sees `pg_ctl start` finish.
    static func run(_ executable: String, _ arguments: [String]) throws(ClusterError) {
        let logPath = NSTemporaryDirectory() + "migc-tool-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: logPath) }
        let command = ([executable] + arguments).map(shellQuoted).joined(separator: " ")
        let status = system("\(command) </dev/null >\(shellQuoted(logPath)) 2>&1")
        guard status == 0 else {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw ClusterError(description: "\(command) failed (status \(status)):\n\(text)")
        }
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Fresh SQLite database files, one per test, in a private temp directory.
enum SQLiteFiles {
    static func fresh() -> DatabaseURL {
        let path = NSTemporaryDirectory() + "migc-sqlite-\(UUID().uuidString).db"
        return DatabaseURL(.sqlite(.file(path: path)))
    }
}

/// The engines, for parameterised tests. `transactional` are those with
/// transactional DDL (a failed revision rolls back whole).
enum Engine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres, mysql
    var description: String { rawValue }

    static let transactional: [Engine] = [.sqlite, .postgres]

    var dialect: Dialect {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgres
        case .mysql: .mysql
        }
    }

    func freshDatabase() throws -> DatabaseURL {
        switch self {
        case .sqlite: SQLiteFiles.fresh()
        case .postgres: try PostgresCluster.freshDatabase()
        case .mysql: try ScratchMySQL.freshDatabase()
        }
    }
}
