// The MySQL/MariaDB half of `DatabaseURL`:
//
//   mysql://user:pass@host:3306/db       mariadb://user@host/db
//   mysql://root@/db?socket=/run/mysqld/mysqld.sock     (a unix socket)
//   mysql://app@db.example.com/db?ssl-mode=VERIFY_IDENTITY&ssl-ca=/etc/ca.pem
//
// The authority and percent-decoding are PostgreSQL's (one URI grammar); the query
// keys differ: `socket` names the socket file, `ssl-*`/`tls-*` and
// `connect-timeout` go to Connector/C's options, anything else is refused (so a
// misspelt TLS option never silently connects in the clear).

extension DatabaseURL {
    public struct MySQLTarget: Sendable, Hashable {
        /// `mariadb` or `mysql`, as written (kept for printing).
        public var scheme: String
        public var user: String?
        public var password: String?
        public var host: String?
        public var port: Int?
        public var database: String?
        /// The unix socket file (`?socket=`, or a host starting with `/`).
        public var socket: String?
        /// TLS and timeout options, in order, keys as written.
        public var options: [PostgresTarget.Option]

        public init(scheme: String = "mysql", user: String? = nil, password: String? = nil, host: String? = nil, port: Int? = nil, database: String? = nil, socket: String? = nil, options: [PostgresTarget.Option] = []) {
            self.scheme = scheme
            self.user = user
            self.password = password
            self.host = host
            self.port = port
            self.database = database
            self.socket = socket
            self.options = options
        }
    }
}

enum MySQLURLParser {
    typealias Target = DatabaseURL.MySQLTarget

    /// Query keys passed to Connector/C (see `MySQLDriver.applyOptions`).
    static let optionKeys: Set<String> = [
        "ssl-mode", "ssl-ca", "ssl-capath", "ssl-cert", "ssl-key", "ssl-cipher", "ssl-crl", "ssl-crlpath",
        "ssl-verify-server-cert", "tls-version", "connect-timeout", "charset",
    ]

    static func parse(_ rest: String, scheme: String, input: String) throws(DatabaseURLError) -> Target {
        guard rest.hasPrefix("//") else {
            throw DatabaseURLError(input: input, reason: "expected `//` after the scheme, as in `\(scheme)://user@host/db`")
        }
        // No libpq keywords here: parse with an empty query, then read ours.
        var body = String(rest)
        var query: Substring = ""
        if let q = body.firstIndex(of: "?") {
            query = body[body.index(after: q)...]
            body = String(body[..<q])
        }
        let pg = try PostgresURLParser.parse(body, input: input)
        var target = Target(scheme: scheme, user: pg.user, password: pg.password, host: pg.host, port: pg.port, database: pg.database)
        if let host = target.host, host.hasPrefix("/") {
            target.socket = host
            target.host = nil
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try PostgresURLParser.decode(parts[0], input: input).replacingOccurrences(of: "_", with: "-")
            let value = parts.count > 1 ? try PostgresURLParser.decode(parts[1], input: input) : ""
            switch key {
            case "socket": target.socket = value
            case "user": target.user = value
            case "password": target.password = value
            case "database", "dbname": target.database = value
            case _ where optionKeys.contains(key): target.options.append(.init(key: key, value: value))
            default:
                throw DatabaseURLError(
                    input: input,
                    reason: "unknown \(scheme) option `\(key)` (expected socket, \(optionKeys.sorted().joined(separator: ", ")))")
            }
        }
        return target
    }

    static func format(_ target: Target, redactPassword: Bool) -> String {
        var out = target.scheme + "://"
        if let user = target.user {
            out += PostgresURLParser.encode(user)
            if let password = target.password { out += ":" + (redactPassword ? "***" : PostgresURLParser.encode(password)) }
            out += "@"
        }
        if let host = target.host { out += host.contains(":") ? "[\(host)]" : host }
        if let port = target.port { out += ":\(port)" }
        out += "/" + PostgresURLParser.encode(target.database ?? "")
        var query: [String] = []
        if let socket = target.socket { query.append("socket=\(socket)") }
        query += target.options.map { "\(PostgresURLParser.encode($0.key))=\(PostgresURLParser.encode($0.value))" }
        if !query.isEmpty { out += "?" + query.joined(separator: "&") }
        return out
    }
}
