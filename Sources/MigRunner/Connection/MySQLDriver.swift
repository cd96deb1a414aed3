import CMariaDB
import Glibc
import MigCore

/// A MariaDB Connector/C connection (it speaks to MySQL 5.7/8.x and MariaDB). Owns
/// the `MYSQL` handle and closes it in `deinit`.
///
/// The session uses utf8mb4 (text round-trips whatever the client's locale), and
/// ANSI_QUOTES and NO_BACKSLASH_ESCAPES off, so the backend's SQL means what it says.
/// Parameters (`$1`, `$2`) are escaped by the connector for the session's character
/// set and SQL mode, and substituted outside quotes and comments.
public final class MySQLDriver: DatabaseDriver {
    private var handle: UnsafeMutablePointer<MYSQL>?
    /// The server is MariaDB (its information_schema differs from MySQL 8's).
    public private(set) var isMariaDB = false

    /// `mysql_library_init` once per process: `mysql_init` would do it unguarded.
    private static let libraryReady: Bool = migc_mysql_library_init() == 0

    public init(target: DatabaseURL.MySQLTarget, redactedURL: String) throws(DatabaseError) {
        guard Self.libraryReady, let mysql = mysql_init(nil) else {
            throw DatabaseError(message: "cannot connect to \(redactedURL): the MariaDB client library failed to start")
        }
        _ = migc_mysql_option_string(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        do {
            try Self.applyOptions(target.options, to: mysql)
        } catch {
            mysql_close(mysql)
            throw DatabaseError(message: "cannot connect to \(redactedURL): \(error.message)")
        }
        let flags = UInt(CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS)
        let host = target.socket == nil ? (target.host ?? "localhost") : "localhost"
        let connected = mysql_real_connect(
            mysql, host, target.user ?? "root", target.password, target.database, UInt32(target.port ?? 0), target.socket, flags)
        guard connected != nil else {
            let message = String(cString: mysql_error(mysql))
            let code = mysql_errno(mysql)
            mysql_close(mysql)
            throw DatabaseError(message: "cannot connect to \(redactedURL): \(message)", code: String(code))
        }
        handle = mysql
        isMariaDB = (try? scalar("SELECT VERSION()"))??.contains("MariaDB") ?? false
        // The backend's literals escape backslashes and quote names with backticks.
        try execute("SET SESSION sql_mode = REPLACE(REPLACE(@@sql_mode, 'ANSI_QUOTES', ''), 'NO_BACKSLASH_ESCAPES', '')")
    }

    deinit { close() }

    public var dialect: Dialect { .mysql }

    public func close() {
        if let handle { mysql_close(handle) }
        handle = nil
    }

    public var inTransaction: Bool {
        guard let handle else { return false }
        return migc_mysql_server_status(handle) & UInt32(SERVER_STATUS_IN_TRANS) != 0
    }

    /// Runs every statement of `sql`; a failure names the statement that failed
    /// when `sql` held one (the server does not say which of several failed).
    public func execute(_ sql: String) throws(DatabaseError) {
        let mysql = try open(sql)
        try send(sql, mysql)
        repeat {
            if let result = mysql_store_result(mysql) { mysql_free_result(result) }
            guard mysql_field_count(mysql) == 0 || mysql_errno(mysql) == 0 else { throw error(sql) }
        } while try next(sql, mysql)
    }

    public func query(_ sql: String, _ parameters: [String?]) throws(DatabaseError) -> [Row] {
        let mysql = try open(sql)
        let text = parameters.isEmpty ? sql : bind(sql, parameters, mysql)
        try send(text, mysql)
        var rows: [Row] = []
        var first = true
        repeat {
            let result = mysql_store_result(mysql)
            if result == nil, mysql_field_count(mysql) != 0 { throw error(sql) }
            if let result {
                defer { mysql_free_result(result) }
                if first { rows = Self.rows(result) }
            }
            first = false
        } while try next(sql, mysql)
        return rows
    }

    private func send(_ sql: String, _ mysql: UnsafeMutablePointer<MYSQL>) throws(DatabaseError) {
        let rc = sql.withCString { mysql_real_query(mysql, $0, UInt(strlen($0))) }
        guard rc == 0 else { throw error(sql) }
    }

    /// Moves to the next result of a multi-statement text; false at the end.
    private func next(_ sql: String, _ mysql: UnsafeMutablePointer<MYSQL>) throws(DatabaseError) -> Bool {
        switch mysql_next_result(mysql) {
        case 0: return true
        case -1: return false
        default: throw error(sql)
        }
    }

    private static func rows(_ result: UnsafeMutablePointer<MYSQL_RES>) -> [Row] {
        let columns = Int(mysql_num_fields(result))
        var rows: [Row] = []
        while let row = mysql_fetch_row(result) {
            let lengths = mysql_fetch_lengths(result)
            rows.append((0..<columns).map { i in
                guard let value = row[i] else { return nil }
                let count = Int(lengths?[i] ?? UInt(strlen(value)))
                return value.withMemoryRebound(to: UInt8.self, capacity: count) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
                }
            })
        }
        return rows
    }

    /// `sql` with `$N` replaced by the escaped literal of parameter N (outside quotes
    /// and comments).
    private func bind(_ sql: String, _ parameters: [String?], _ mysql: UnsafeMutablePointer<MYSQL>) -> String {
        var out = ""
        var quote: Character?
        var chars = Array(sql)[...]
        while let c = chars.popFirst() {
            if let q = quote {
                out.append(c)
                if c == "\\" , let escaped = chars.popFirst() { out.append(escaped) } else if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" || c == "`" { quote = c }
            guard c == "$", let d = chars.first, d.isNumber else { out.append(c); continue }
            var digits = ""
            while let d = chars.first, d.isNumber { digits.append(d); chars.removeFirst() }
            let index = Int(digits)! - 1
            guard parameters.indices.contains(index) else { out += "$" + digits; continue }
            out += parameters[index].map { literal($0, mysql) } ?? "NULL"
        }
        return out
    }

    private func literal(_ value: String, _ mysql: UnsafeMutablePointer<MYSQL>) -> String {
        let bytes = Array(value.utf8)
        var buffer = [CChar](repeating: 0, count: bytes.count * 2 + 1)
        let length = bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { mysql_real_escape_string(mysql, &buffer, $0.baseAddress, UInt($0.count)) }
        }
        return "'" + String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self) + "'"
    }

    private func open(_ sql: String) throws(DatabaseError) -> UnsafeMutablePointer<MYSQL> {
        guard let handle else { throw DatabaseError(message: "the mysql connection is closed", statement: sql) }
        return handle
    }

    private func error(_ sql: String) -> DatabaseError {
        guard let handle else { return DatabaseError(message: "the mysql connection is closed", statement: sql) }
        let state = String(cString: mysql_sqlstate(handle))
        return DatabaseError(
            message: String(cString: mysql_error(handle)), code: "\(mysql_errno(handle))/\(state)",
            statement: sql.trimmingWhitespace())
    }

    /// The URL's TLS and timeout options as Connector/C options. `ssl-mode` follows
    /// MySQL's client: DISABLED, PREFERRED (default), REQUIRED, VERIFY_CA,
    /// VERIFY_IDENTITY (the last two also verify the server certificate).
    static func applyOptions(_ options: [DatabaseURL.PostgresTarget.Option], to mysql: UnsafeMutablePointer<MYSQL>) throws(DatabaseError) {
        for option in options {
            let value = option.value
            let rc: Int32
            switch option.key {
            case "ssl-ca": rc = migc_mysql_option_string(mysql, MYSQL_OPT_SSL_CA, value)
            case "ssl-capath": rc = migc_mysql_option_string(mysql, MYSQL_OPT_SSL_CAPATH, value)
            case "ssl-cert": rc = migc_mysql_option_string(mysql, MYSQL_OPT_SSL_CERT, value)
            case "ssl-key": rc = migc_mysql_option_string(mysql, MYSQL_OPT_SSL_KEY, value)
            case "ssl-cipher": rc = migc_mysql_option_string(mysql, MYSQL_OPT_SSL_CIPHER, value)
            case "ssl-crl": rc = migc_mysql_option_string(mysql, MYSQL_OPT_SSL_CRL, value)
            case "ssl-crlpath": rc = migc_mysql_option_string(mysql, MYSQL_OPT_SSL_CRLPATH, value)
            case "tls-version": rc = migc_mysql_option_string(mysql, MARIADB_OPT_TLS_VERSION, value)
            case "charset": rc = migc_mysql_option_string(mysql, MYSQL_SET_CHARSET_NAME, value)
            case "ssl-verify-server-cert":
                rc = migc_mysql_option_bool(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, ["1", "true", "yes", "on"].contains(value.lowercased()) ? 1 : 0)
            case "connect-timeout":
                guard let seconds = UInt32(value) else { throw DatabaseError(message: "connect-timeout must be a number of seconds, not `\(value)`") }
                rc = migc_mysql_option_uint(mysql, MYSQL_OPT_CONNECT_TIMEOUT, seconds)
            case "ssl-mode":
                switch value.uppercased() {
                case "DISABLED", "PREFERRED": rc = 0
                case "REQUIRED": rc = migc_mysql_option_bool(mysql, MYSQL_OPT_SSL_ENFORCE, 1)
                case "VERIFY_CA", "VERIFY_IDENTITY":
                    rc = migc_mysql_option_bool(mysql, MYSQL_OPT_SSL_ENFORCE, 1)
                        | migc_mysql_option_bool(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, 1)
                default:
                    throw DatabaseError(message: "unknown ssl-mode `\(value)` (DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY)")
                }
            default: rc = 0
            }
            guard rc == 0 else { throw DatabaseError(message: "the client library refused option \(option.key)") }
        }
    }
}
