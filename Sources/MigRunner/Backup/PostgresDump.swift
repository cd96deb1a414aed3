import Foundation
import MigCore

/// `pg_dump -Fc` of a PostgreSQL database, refused when the pg_dump on PATH is
/// older than the server (pg_dump cannot dump a newer major version).
enum PostgresDump {
    static func run(_ target: DatabaseURL.PostgresTarget, driver: any DatabaseDriver, output: Int32, path: String) throws -> (method: String, restore: String) {
        guard let tool = ExternalTool.find(["pg_dump"]) else {
            throw BackupError("pg_dump is not on PATH: install the PostgreSQL client (Debian: postgresql-client) of the server's major version or newer")
        }
        let version = try tool.run(["--version"])
        let clientMajor = majorVersion(version.stdout)
        let serverNumber = try driver.scalar("SHOW server_version_num").flatMap { Int($0) } ?? 0
        let serverMajor = serverNumber / 10_000
        guard let clientMajor else {
            throw BackupError("cannot read the version of \(tool.path) (`\(version.stdout.trimmingWhitespace())`)")
        }
        if clientMajor < serverMajor {
            throw BackupError("\(tool.path) is version \(clientMajor), older than the PostgreSQL \(serverMajor) server; pg_dump cannot dump a newer server: install postgresql-client-\(serverMajor) and put its pg_dump first on PATH")
        }
        let conninfo = connectionString(target)
        let environment = target.password.map { ["PGPASSWORD": $0] } ?? [:]
        let result = try tool.run(["--format=custom", "--no-password", "--dbname=\(conninfo)"], environment: environment, output: output)
        guard result.status == 0 else {
            throw BackupError("pg_dump failed (exit \(result.status)): \(result.stderr.trimmingWhitespace())")
        }
        let restore = "pg_restore --clean --if-exists --no-owner --single-transaction --dbname=\(DatabaseBackup.shellQuoted(conninfo)) \(DatabaseBackup.shellQuoted(path))"
        return ("pg_dump \(clientMajor) -Fc", restore)
    }

    static func majorVersion(_ text: String) -> Int? { PostgresDumpVersion.major(text) }

    /// A libpq connection string without the password (it goes in PGPASSWORD).
    static func connectionString(_ target: DatabaseURL.PostgresTarget) -> String {
        var parts: [(String, String)] = []
        if let host = target.host { parts.append(("host", host)) }
        if let port = target.port { parts.append(("port", String(port))) }
        if let user = target.user { parts.append(("user", user)) }
        if let database = target.database { parts.append(("dbname", database)) }
        parts += target.options.map { ($0.key, $0.value) }
        return parts.map { key, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return "\(key)='\(escaped)'"
        }.joined(separator: " ")
    }
}

/// The major version `pg_dump --version` prints.
public enum PostgresDumpVersion {
    /// `pg_dump (PostgreSQL) 15.4 (Debian 15.4-1)` → 15.
    public static func major(_ text: String) -> Int? {
        guard let range = text.range(of: #"\) (\d+)"#, options: .regularExpression) else { return nil }
        return Int(text[range].dropFirst(2))
    }
}
