import Testing
@testable import MigRunner

@Suite struct DatabaseURLTests {
    @Test func sqliteForms() throws {
        #expect(try DatabaseURL(parsing: "sqlite:path/to.db").target == .sqlite(.file(path: "path/to.db")))
        #expect(try DatabaseURL(parsing: "sqlite::memory:").target == .sqlite(.memory))
        #expect(try DatabaseURL(parsing: "sqlite:///abs/path.db").target == .sqlite(.file(path: "/abs/path.db")))
        #expect(try DatabaseURL(parsing: "  sqlite:x.db\n").target == .sqlite(.file(path: "x.db")))
        #expect(try DatabaseURL(parsing: "sqlite:///abs/path.db").redacted == "sqlite:///abs/path.db")
        #expect(try DatabaseURL(parsing: "sqlite:a.db").dialect == .sqlite)
    }

    @Test func sqliteErrors() {
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "sqlite:") }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "sqlite://host/x.db") }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "nonsense") }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "oracle://x/y") }
    }

    @Test func postgresFull() throws {
        let url = try DatabaseURL(parsing: "postgres://alice:s3cr%40t@db.example.com:6543/shop?sslmode=require&connect_timeout=5")
        let expected = DatabaseURL.PostgresTarget(
            user: "alice", password: "s3cr@t", host: "db.example.com", port: 6543, database: "shop",
            options: [.init(key: "sslmode", value: "require"), .init(key: "connect_timeout", value: "5")])
        #expect(url.target == .postgres(expected))
        #expect(url.dialect == .postgres)
        #expect(url.redacted == "postgres://alice:***@db.example.com:6543/shop?sslmode=require&connect_timeout=5")
    }

    @Test func postgresqlSchemeAndDefaults() throws {
        let url = try DatabaseURL(parsing: "postgresql://bob@localhost/app")
        #expect(url.target == .postgres(.init(user: "bob", host: "localhost", database: "app")))
        let bare = try DatabaseURL(parsing: "postgres://")
        #expect(bare.target == .postgres(.init()))
    }

    @Test func unixSockets() throws {
        let query = try DatabaseURL(parsing: "postgres:///db?host=/tmp/dir")
        #expect(query.target == .postgres(.init(host: "/tmp/dir", database: "db")))
        let encoded = try DatabaseURL(parsing: "postgres://user@%2Ftmp%2Fdir/db")
        #expect(encoded.target == .postgres(.init(user: "user", host: "/tmp/dir", database: "db")))
        guard case .postgres(let pg) = encoded.target else { Issue.record("not postgres"); return }
        #expect(pg.isUnixSocket)
        #expect(encoded.redacted == "postgres://user@/db?host=/tmp/dir")
        let withPort = try DatabaseURL(parsing: "postgres:///db?host=/tmp/dir&port=7777")
        #expect(withPort.redacted == "postgres:///db?host=/tmp/dir&port=7777")
    }

    @Test func ipv6Host() throws {
        let url = try DatabaseURL(parsing: "postgres://u@[::1]:5433/d")
        #expect(url.target == .postgres(.init(user: "u", host: "::1", port: 5433, database: "d")))
        #expect(url.redacted == "postgres://u@[::1]:5433/d")
    }

    @Test func passwordNeverPrinted() throws {
        let secret = "hunter2xyz"
        for text in [
            "postgres://alice:\(secret)@host/db",
            "postgresql://alice:\(secret)@host:5432/db?sslmode=disable",
            "postgres:///db?host=/tmp/s&password=\(secret)",
            "postgres://alice@host/db?password=\(secret)&sslmode=require",
            // Issue 10 #10: libpq's `sslpassword` is a secret too.
            "postgres://alice@host/db?sslpassword=\(secret)&sslmode=require",
            "postgres://alice@host/db?sslmode=require&SSLPASSWORD=\(secret)",
        ] {
            let url = try DatabaseURL(parsing: text)
            #expect(!url.redacted.contains(secret))
            #expect(!"\(url)".contains(secret))
            #expect(!String(reflecting: url.redacted).contains(secret))
        }
    }

    @Test func errorsNeverQuoteThePassword() {
        let secret = "hunter2xyz"
        for text in [
            "postgres://alice:\(secret)@host:notaport/db",
            "postgres://alice:\(secret)@host:99999/db",
            "postgres://alice:\(secret)@[::1/db",
            "postgres://alice:\(secret)@host/d%zz",
            "postgres:///db?password=\(secret)&port=x",
            // Issue 10 #10: an unencoded `/`, `?` or `@` in the password breaks the
            // parse; no piece of the password may be echoed.
            "postgres://alice:hunter/2xyz@host/db",
            "postgres://alice:hun?ter2xyz@host/db",
            "postgres://alice:hunter2@xyz@host:notaport/db",
            "postgres://alice:hunter2xyz/@host/db",
            "mysql://root:\(secret)@localhost:x/db",
            "postgres:alice:\(secret)@host/db",
        ] {
            do {
                _ = try DatabaseURL(parsing: text)
                Issue.record("expected \(text) to fail")
            } catch {
                for piece in [secret, "hunter", "2xyz", "ter2xyz", "hunter2"] {
                    #expect(!error.description.contains(piece), "\(error.description)")
                }
                #expect(error.description.contains("***"))
            }
        }
    }

    @Test func errorMessagesExplain() {
        do {
            _ = try DatabaseURL(parsing: "postgres://h:abc/db")
            Issue.record("expected failure")
        } catch {
            #expect(error.description == "invalid database URL `postgres://h:abc/db`: invalid port `abc`")
        }
    }
}

@Suite struct MySQLURLTests {
    @Test func mysqlForms() throws {
        let url = try DatabaseURL(parsing: "mysql://app:s3cr%40t@db.example.com:3307/shop?ssl-mode=REQUIRED&ssl-ca=/etc/ca.pem")
        #expect(url.target == .mysql(.init(
            scheme: "mysql", user: "app", password: "s3cr@t", host: "db.example.com", port: 3307, database: "shop",
            options: [.init(key: "ssl-mode", value: "REQUIRED"), .init(key: "ssl-ca", value: "/etc/ca.pem")])))
        #expect(url.dialect == .mysql)
        #expect(url.redacted == "mysql://app:***@db.example.com:3307/shop?ssl-mode=REQUIRED&ssl-ca=%2Fetc%2Fca.pem")
        let maria = try DatabaseURL(parsing: "mariadb://root@/app?socket=/run/mysqld/mysqld.sock")
        #expect(maria.target == .mysql(.init(scheme: "mariadb", user: "root", database: "app", socket: "/run/mysqld/mysqld.sock")))
        #expect(maria.redacted == "mariadb://root@/app?socket=/run/mysqld/mysqld.sock")
        let encoded = try DatabaseURL(parsing: "mysql://root@%2Ftmp%2Fm.sock/app")
        #expect(encoded.target == .mysql(.init(user: "root", database: "app", socket: "/tmp/m.sock")))
        #expect(try DatabaseURL(parsing: "mysql://u@h/d?ssl_ca=/x").target == .mysql(.init(user: "u", host: "h", database: "d", options: [.init(key: "ssl-ca", value: "/x")])))
    }

    @Test func unknownOptionsAreRefused() {
        do {
            _ = try DatabaseURL(parsing: "mysql://u:hunter2xyz@h/d?sslmode=require")
            Issue.record("expected failure")
        } catch {
            #expect(error.description.contains("unknown mysql option `sslmode`"))
            #expect(!error.description.contains("hunter2xyz"))
        }
    }

    @Test func passwordNeverPrinted() throws {
        let secret = "hunter2xyz"
        for text in [
            "mysql://alice:\(secret)@host/db",
            "mariadb://alice:\(secret)@host:3306/db?ssl-mode=DISABLED",
            "mysql://alice@/db?socket=/tmp/s&password=\(secret)",
        ] {
            let url = try DatabaseURL(parsing: text)
            #expect(!url.redacted.contains(secret))
            #expect(!"\(url)".contains(secret))
        }
        for text in ["mysql://alice:\(secret)@host:notaport/db", "mariadb://alice:\(secret)@h/d?bogus=1", "mysql:alice:\(secret)@h/d"] {
            do {
                _ = try DatabaseURL(parsing: text)
                Issue.record("expected \(text) to fail")
            } catch {
                #expect(!error.description.contains(secret), "\(error.description)")
            }
        }
    }
}
