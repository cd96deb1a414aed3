import Foundation
import MigCore

/// The throwaway database `migc test` runs in: a SQLite file in a fresh temp
/// directory, or a database it creates on the PostgreSQL or MySQL server the user
/// names (and drops afterwards, whatever happened).
public final class ScratchDatabase {
    public let url: DatabaseURL
    private let server: DatabaseURL?
    private let name: String?
    private let directory: String?

    /// A scratch database on `server` (nil: a temporary SQLite file).
    public init(server: DatabaseURL?) throws {
        guard let server else {
            var template = Array((NSTemporaryDirectory() + "migc-test-XXXXXX").utf8CString)
            guard mkdtemp(&template) != nil else { throw RunnerError("cannot create a temporary directory: \(String(cString: strerror(errno)))") }
            let dir = String(cString: template)
            directory = dir
            self.server = nil
            name = nil
            url = DatabaseURL(.sqlite(.file(path: dir + "/scratch.db")))
            return
        }
        let name = "migc_test_\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        var scratch = server
        switch server.target {
        case .sqlite:
            throw RunnerError("--database names the server for a scratch database (PostgreSQL or MySQL); without it migc test uses a temporary SQLite file")
        case .postgres(var pg):
            pg.database = name
            scratch = DatabaseURL(.postgres(pg))
        case .mysql(var my):
            my.database = name
            scratch = DatabaseURL(.mysql(my))
        }
        let admin = try server.connect()
        let quoted = server.dialect.backend.quote(name)
        try admin.execute(server.dialect == .mysql ? "CREATE DATABASE \(quoted) CHARACTER SET utf8mb4" : "CREATE DATABASE \(quoted)")
        // Throwaway: commits need not wait for the WAL flush.
        if server.dialect == .postgres { try? admin.execute("ALTER DATABASE \(quoted) SET synchronous_commit TO off") }
        self.server = server
        self.name = name
        directory = nil
        url = scratch
    }

    /// What the report calls it.
    public var description: String {
        name.map { "\($0) on \(server!.redacted)" } ?? "a temporary SQLite file"
    }

    /// Removes the database (the caller has closed its connections).
    public func drop() {
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
        if let server, let name, let admin = try? server.connect() {
            let quoted = server.dialect.backend.quote(name)
            if server.dialect == .postgres {
                // WITH (FORCE) from PostgreSQL 13 on; plain DROP before that.
                if (try? admin.execute("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")) == nil {
                    try? admin.execute("DROP DATABASE IF EXISTS \(quoted)")
                }
            } else {
                try? admin.execute("DROP DATABASE IF EXISTS \(quoted)")
            }
        }
    }
}
