import CLibPQ
import Glibc
import MigCore

/// A libpq connection. Owns the `PGconn` and finishes it in `deinit`. Server notices
/// ("table does not exist, skipping") are silenced: the runner reports what matters.
public final class PostgresDriver: DatabaseDriver {
    private var connection: OpaquePointer?

    /// `lockTimeoutMilliseconds` becomes the session's `lock_timeout` (0 = wait for
    /// ever, PostgreSQL's default), so DDL queued behind another session's lock fails
    /// after that long instead of hanging (and blocking every later query on the table).
    public init(target: DatabaseURL.PostgresTarget, redactedURL: String, lockTimeoutMilliseconds: Int = 0) throws(DatabaseError) {
        var pairs: [(String, String)] = []
        if let host = target.host { pairs.append(("host", host)) }
        if let port = target.port { pairs.append(("port", String(port))) }
        if let user = target.user { pairs.append(("user", user)) }
        if let password = target.password { pairs.append(("password", password)) }
        if let database = target.database { pairs.append(("dbname", database)) }
        pairs += target.options.map { ($0.key, $0.value) }
        pairs.append(("client_encoding", "UTF8"))
        pairs.append(("application_name", "migc"))
        let conn = Self.connect(pairs)
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let message = conn.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(conn)
            throw DatabaseError(message: "cannot connect to \(redactedURL): \(message.trimmingWhitespace())")
        }
        connection = conn
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        // A `-c lock_timeout=...` in the URL's `options` is the user's choice.
        let userSetsIt = target.options.contains { $0.key == "options" && $0.value.contains("lock_timeout") }
        if lockTimeoutMilliseconds > 0, !userSetsIt { try execute("SET lock_timeout = \(lockTimeoutMilliseconds)") }
    }

    deinit { close() }

    public var dialect: Dialect { .postgres }

    public func close() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    public var inTransaction: Bool {
        guard let connection else { return false }
        let status = PQtransactionStatus(connection)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    public func execute(_ sql: String) throws(DatabaseError) {
        let conn = try open(sql)
        let result = PQexec(conn, sql)
        defer { PQclear(result) }
        try check(result, statement: sql)
    }

    public func query(_ sql: String, _ parameters: [String?]) throws(DatabaseError) -> [Row] {
        let conn = try open(sql)
        let result = Self.withCStrings(parameters) { values in
            PQexecParams(conn, sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, statement: sql)
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        return (0..<rowCount).map { row in
            (0..<columnCount).map { column in
                PQgetisnull(result, row, column) != 0 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }

    private func open(_ sql: String) throws(DatabaseError) -> OpaquePointer {
        guard let connection else { throw DatabaseError(message: "the postgres connection is closed", statement: sql) }
        return connection
    }

    private func check(_ result: OpaquePointer?, statement: String) throws(DatabaseError) {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default: break
        }
        func field(_ code: UInt8) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: value)
        }
        var message = field(UInt8(ascii: "M"))
        if message == nil, let connection { message = String(cString: PQerrorMessage(connection)).trimmingWhitespace() }
        let detail = [field(UInt8(ascii: "D")), field(UInt8(ascii: "H")).map { "hint: \($0)" }].compactMap { $0 }
        throw DatabaseError(
            message: message ?? "unknown postgres error", code: field(UInt8(ascii: "C")),
            detail: detail.isEmpty ? nil : detail.joined(separator: "; "), statement: statement.trimmingWhitespace())
    }

    private static func connect(_ pairs: [(String, String)]) -> OpaquePointer? {
        withCStrings(pairs.map(\.0) + [nil]) { keys in
            withCStrings(pairs.map(\.1) + [nil]) { values in PQconnectdbParams(keys, values, 0) }
        }
    }

    /// Calls `body` with a C array of NUL-terminated copies of `strings` (nil stays NULL).
    private static func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0)! } }
        defer { copies.forEach { free($0) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}
