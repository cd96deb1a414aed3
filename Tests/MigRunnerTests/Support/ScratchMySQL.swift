import Foundation
import MigRunner
import MigTestSupport
import Synchronization

/// Fresh MySQL databases for the runner's tests: on the scratch MariaDB this test
/// process starts, or, when `MIGC_TEST_MYSQL_URL` names a server (a MySQL 8, say),
/// on that one (its user must be allowed to create databases).
enum ScratchMySQL {
    private static let counter = Mutex(0)

    static func freshDatabase() throws -> DatabaseURL {
        guard let server = ProcessInfo.processInfo.environment["MIGC_TEST_MYSQL_URL"], !server.isEmpty else {
            let mariadb = try MariaDBServer.shared.get()
            return try DatabaseURL(parsing: mariadb.url(database: try mariadb.freshDatabase()))
        }
        let base = try DatabaseURL(parsing: server)
        guard case .mysql(var target) = base.target else {
            throw MariaDBServer.ServerError(description: "MIGC_TEST_MYSQL_URL must be a mysql:// URL, not \(base.redacted)")
        }
        let name = counter.withLock { n -> String in
            n += 1
            return "migc_t\(n)_\(UInt32.random(in: 0...UInt32.max))"
        }
        try base.connect().execute("CREATE DATABASE `\(name)`")
        target.database = name
        return DatabaseURL(.mysql(target))
    }
}
