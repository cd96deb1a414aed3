import Foundation
import MigCore

/// `mysqldump --single-transaction` (or `mariadb-dump`) of one MySQL/MariaDB
/// database: InnoDB tables copied from one consistent snapshot, without locking.
enum MySQLDump {
    static func run(_ target: DatabaseURL.MySQLTarget, output: Int32, path: String) throws -> (method: String, restore: String) {
        guard let tool = ExternalTool.find(["mysqldump", "mariadb-dump"]) else {
            throw BackupError("neither mysqldump nor mariadb-dump is on PATH: install the MySQL or MariaDB client (Debian: mariadb-client)")
        }
        guard let database = target.database, !database.isEmpty else {
            throw BackupError("the database URL names no database to back up")
        }
        let connection = connectionArguments(target)
        let environment = target.password.map { ["MYSQL_PWD": $0] } ?? [:]
        let arguments = connection + ["--single-transaction", "--routines", "--triggers", "--default-character-set=utf8mb4", "--databases", database]
        let result = try tool.run(arguments, environment: environment, output: output)
        guard result.status == 0 else {
            throw BackupError("\((tool.path as NSString).lastPathComponent) failed (exit \(result.status)): \(result.stderr.trimmingWhitespace())")
        }
        let client = ExternalTool.find(["mysql", "mariadb"]).map { ($0.path as NSString).lastPathComponent } ?? "mysql"
        let restore = ([client] + connection).map(DatabaseBackup.shellQuoted).joined(separator: " ") + " < " + DatabaseBackup.shellQuoted(path)
        return ("\((tool.path as NSString).lastPathComponent) --single-transaction", restore)
    }

    /// Host, port, socket, user and TLS options as client flags (no password).
    static func connectionArguments(_ target: DatabaseURL.MySQLTarget) -> [String] {
        var out: [String] = []
        if let socket = target.socket { out.append("--socket=\(socket)") } else if let host = target.host { out.append("--host=\(host)") }
        if let port = target.port { out.append("--port=\(port)") }
        if let user = target.user { out.append("--user=\(user)") }
        out += target.options.map { "--\($0.key)=\($0.value)" }
        return out
    }
}
