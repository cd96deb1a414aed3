import Foundation
import Synchronization

/// A throwaway MariaDB server for this test process (the MySQL script tests and
/// the runner's MySQL tests, both test targets): `mariadb-install-db` into a temp
/// dir, `mariadbd` on a unix socket there, no TCP, started on first use and killed
/// at exit. Never skipped: without the server binaries (`mariadb-server`) the tests
/// fail saying so; `scripts/install-deps.sh --tests` (the README's test command) installs it.
///
/// To run the same tests against another server (MySQL 8), set
/// `MIGC_TEST_MYSQL_URL` to a `mysql://` URL whose user may create databases; the
/// runner's tests then use it instead (see docs/runner.md).
public final class MariaDBServer: Sendable {
    public static let shared: Result<MariaDBServer, ServerError> = Result { () throws(ServerError) in try MariaDBServer() }

    public let directory: String
    public var socket: String { directory + "/sock" }
    private let counter = Mutex(0)

    public struct ServerError: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Once this process is gone (normal exit or a crash, where atexit does not
    /// run), a detached shell stops the server and removes its temp directory, so
    /// runs leave nothing behind in /tmp.
    private static func startWatchdog(serverPID: Int32, directory: String) {
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = "while [ -d /proc/\(getpid()) ]; do sleep 1; done; kill \(serverPID) 2>/dev/null; "
            + "n=0; while [ -d /proc/\(serverPID) ] && [ $n -lt 30 ]; do sleep 1; n=$((n+1)); done; "
            + "kill -9 \(serverPID) 2>/dev/null; rm -rf \(quoted(directory))"
        _ = system("/usr/bin/setsid -f /bin/sh -c \(quoted(script)) </dev/null >/dev/null 2>&1")
    }

    private init() throws(ServerError) {
        let daemon = "/usr/sbin/mariadbd"
        guard FileManager.default.isExecutableFile(atPath: daemon) else {
            throw ServerError(description: "\(daemon) not found: install mariadb-server to run the MySQL execution tests (.ci/run does)")
        }
        directory = NSTemporaryDirectory() + "migc-mariadb-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ServerError(description: "cannot create \(directory): \(error)")
        }
        let status = Self.run("/usr/bin/mariadb-install-db", [
            "--datadir=\(directory)/data", "--user=root", "--auth-root-authentication-method=normal",
        ], log: directory + "/install.log")
        guard status == 0 else { throw ServerError(description: "mariadb-install-db failed; see \(directory)/install.log") }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: daemon)
        server.arguments = [
            "--no-defaults", "--datadir=\(directory)/data", "--socket=\(directory)/sock", "--skip-networking",
            "--user=root", "--pid-file=\(directory)/pid", "--log-error=\(directory)/server.log",
        ]
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        do { try server.run() } catch { throw ServerError(description: "cannot start mariadbd: \(error)") }
        Self.pid.withLock { $0 = server.processIdentifier }
        // A plain kill(2) at exit: no Foundation machinery runs that late.
        atexit { kill(MariaDBServer.pid.withLock { $0 }, SIGTERM) }
        Self.startWatchdog(serverPID: server.processIdentifier, directory: directory)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: directory + "/sock") {
            guard Date() < deadline, server.isRunning else {
                throw ServerError(description: "mariadbd did not come up; see \(directory)/server.log")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    private static let pid = Mutex<Int32>(0)

    /// The `mysql://` URL of a database on this server (root over the socket).
    public func url(database: String) -> String { "mysql://root@/\(database)?socket=\(socket)" }

    /// A new, empty database for one test.
    public func freshDatabase() throws -> String {
        let name = counter.withLock { n -> String in
            n += 1
            return "t\(n)_\(UInt32.random(in: 0...UInt32.max))"
        }
        let result = try client(["-e", "CREATE DATABASE `\(name)`"])
        guard result.status == 0 else { throw ServerError(description: "CREATE DATABASE failed: \(result.output)") }
        return name
    }

    /// Runs the `mariadb` client (`--batch --skip-column-names`), stdin from `input`,
    /// with `environment` added to this process's (e.g. a locale).
    public func client(
        _ arguments: [String], database: String? = nil, input: String? = nil, environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let log = directory + "/client-\(UUID().uuidString).out"
        var args = ["--socket=\(socket)", "-u", "root", "--batch", "--skip-column-names"]
        if let database { args.append(database) }
        let status = Self.run("/usr/bin/mariadb", args + arguments, log: log, input: input, environment: environment)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: log)
        return (status, output)
    }

    /// Runs a tool to completion; output (both streams) to `log`, never a pipe.
    public static func run(
        _ executable: String, _ arguments: [String], log: String, input: String? = nil, environment: [String: String] = [:]
    ) -> Int32 {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let handle = FileHandle(forWritingAtPath: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = input.flatMap { FileHandle(forReadingAtPath: $0) } ?? FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        try? handle?.close()
        return process.terminationStatus
    }
}
