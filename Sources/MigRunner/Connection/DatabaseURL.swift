import MigCore
// Database URLs, as users write them (`--database`, MIGC_DATABASE_URL, migc.toml):
//
//   sqlite:path/to.db   sqlite::memory:   sqlite:///abs/path.db
//   postgres://user:pass@host:5432/db?sslmode=require   (also postgresql://)
//   postgres:///db?host=/tmp/sockets   postgres://user@%2Ftmp%2Fsockets/db
//   mysql://user:pass@host:3306/db   mariadb://user@/db?socket=/run/mysqld/mysqld.sock
//
// A parsed URL never prints its password: `description` is the redacted form, and
// parse errors quote a redacted copy of the input.

public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    public enum Target: Sendable, Hashable {
        case sqlite(SQLiteLocation)
        case postgres(PostgresTarget)
        case mysql(MySQLTarget)
    }

    public enum SQLiteLocation: Sendable, Hashable {
        case memory
        case file(path: String)
    }

    /// The parts of a PostgreSQL URL, decoded. A host starting with `/` is a unix
    /// socket directory (libpq's convention).
    public struct PostgresTarget: Sendable, Hashable {
        public var user: String?
        public var password: String?
        public var host: String?
        public var port: Int?
        public var database: String?
        /// Other query parameters (`sslmode`, `connect_timeout`, ...), in order, passed to libpq.
        public var options: [Option]

        public struct Option: Sendable, Hashable {
            public var key: String
            public var value: String
        }

        public init(user: String? = nil, password: String? = nil, host: String? = nil, port: Int? = nil, database: String? = nil, options: [Option] = []) {
            self.user = user
            self.password = password
            self.host = host
            self.port = port
            self.database = database
            self.options = options
        }

        /// The host is a socket directory, not a network name.
        public var isUnixSocket: Bool { host?.hasPrefix("/") ?? false }
    }

    public var target: Target

    public init(_ target: Target) { self.target = target }

    /// Parses `text`; errors quote the input with any password hidden.
    public init(parsing text: String) throws(DatabaseURLError) {
        let trimmed = text.trimmingWhitespace()
        guard let colon = trimmed.firstIndex(of: ":") else {
            throw DatabaseURLError(input: trimmed, reason: "missing a scheme (`sqlite:`, `postgres://` or `mysql://`)")
        }
        let scheme = trimmed[..<colon].lowercased()
        let rest = String(trimmed[trimmed.index(after: colon)...])
        switch scheme {
        case "sqlite", "sqlite3":
            target = .sqlite(try Self.parseSQLite(rest, input: trimmed))
        case "postgres", "postgresql":
            target = .postgres(try PostgresURLParser.parse(rest, input: trimmed))
        case "mysql", "mariadb":
            target = .mysql(try MySQLURLParser.parse(rest, scheme: scheme, input: trimmed))
        default:
            throw DatabaseURLError(input: trimmed, reason: "unknown scheme `\(scheme)` (expected `sqlite:`, `postgres://`, `mysql://` or `mariadb://`)")
        }
    }

    public var dialect: Dialect {
        switch target {
        case .sqlite: .sqlite
        case .postgres: .postgres
        case .mysql: .mysql
        }
    }

    /// The URL with its password replaced by `***`: safe to print and log.
    public var redacted: String {
        switch target {
        case .sqlite(.memory): return "sqlite::memory:"
        case .sqlite(.file(let path)): return path.hasPrefix("/") ? "sqlite://\(path)" : "sqlite:\(path)"
        case .postgres(let pg): return PostgresURLParser.format(pg, redactPassword: true)
        case .mysql(let my): return MySQLURLParser.format(my, redactPassword: true)
        }
    }

    public var description: String { redacted }

    private static func parseSQLite(_ rest: String, input: String) throws(DatabaseURLError) -> SQLiteLocation {
        if rest == ":memory:" || rest == "//:memory:" { return .memory }
        var path = rest
        if path.hasPrefix("//") {
            path.removeFirst(2)
            guard path.hasPrefix("/") else {
                throw DatabaseURLError(input: input, reason: "a sqlite URL names no host; write `sqlite:relative.db` or `sqlite:///absolute/path.db`")
            }
        }
        guard !path.isEmpty else { throw DatabaseURLError(input: input, reason: "the sqlite database path is empty") }
        return .file(path: path)
    }
}

/// A URL that could not be parsed. `input` is already redacted.
public struct DatabaseURLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var input: String
    public var reason: String

    init(input: String, reason: String) {
        self.input = PostgresURLParser.redactRaw(input)
        self.reason = PostgresURLParser.redactReason(reason, input: input)
    }

    public var description: String { "invalid database URL `\(input)`: \(reason)" }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
