import MigCore

/// One row of a query result, in column order; `nil` is SQL NULL. Values come back
/// as the database's text form.
public typealias Row = [String?]

/// A connection to one database. Small on purpose: the runner needs to run scripts,
/// read a few rows, and know where it is in a transaction. One connection serves one
/// thread at a time (a class, not `Sendable`).
public protocol DatabaseDriver: AnyObject {
    var dialect: Dialect { get }
    /// Runs `sql`, which may hold several statements separated by `;`.
    func execute(_ sql: String) throws(DatabaseError)
    /// Runs one statement with parameters written `$1`, `$2`, ... (on both engines),
    /// bound as text; returns every row.
    func query(_ sql: String, _ parameters: [String?]) throws(DatabaseError) -> [Row]
    /// A transaction (or savepoint) is open on this connection.
    var inTransaction: Bool { get }
    /// Releases the connection; later calls fail. Also done on deinit.
    func close()
}

extension DatabaseDriver {
    public func query(_ sql: String) throws(DatabaseError) -> [Row] { try query(sql, []) }

    /// Starts a transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), waiting up to the busy timeout for another writer.
    public func begin() throws(DatabaseError) {
        try execute(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN")
    }

    public func commit() throws(DatabaseError) { try execute("COMMIT") }

    /// Rolls back if a transaction is open; never throws (used on error paths, where
    /// the first error is the one worth reporting).
    public func rollbackQuietly() {
        if inTransaction { try? execute("ROLLBACK") }
    }

    /// The value of the first column of the first row, if any.
    public func scalar(_ sql: String, _ parameters: [String?] = []) throws(DatabaseError) -> String? {
        try query(sql, parameters).first?.first ?? nil
    }
}

/// What went wrong in the database: its own message, the statement, and codes.
public struct DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database's message (PostgreSQL's primary message; SQLite's errmsg).
    public var message: String
    /// PostgreSQL's SQLSTATE (`42P07`), or SQLite's result code name (`SQLITE_BUSY`).
    public var code: String?
    /// PostgreSQL's DETAIL and HINT lines, when it gave them.
    public var detail: String?
    /// The statement that failed, as sent.
    public var statement: String?

    public init(message: String, code: String? = nil, detail: String? = nil, statement: String? = nil) {
        self.message = message
        self.code = code
        self.detail = detail
        self.statement = statement
    }

    /// One line: `message [code]`; the statement is reported separately by callers.
    public var description: String {
        var out = message
        if let code { out += " [\(code)]" }
        if let detail { out += " (\(detail))" }
        return out
    }
}

/// How to open a connection.
public struct ConnectOptions: Sendable, Hashable {
    /// How long one statement waits for a lock another session holds before it
    /// fails: SQLite's busy timeout (SQLITE_BUSY), PostgreSQL's `lock_timeout`
    /// (SQLSTATE 55P03). Without it, DDL behind a long transaction waits for ever.
    public var busyTimeoutMilliseconds: Int
    public init(busyTimeoutMilliseconds: Int = 5_000) {
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }
}

extension DatabaseURL {
    /// Opens a connection to this database with the matching driver.
    public func connect(options: ConnectOptions = ConnectOptions()) throws(DatabaseError) -> any DatabaseDriver {
        switch target {
        case .sqlite(let location): try SQLiteDriver(location: location, options: options)
        case .postgres(let pg): try PostgresDriver(target: pg, redactedURL: redacted, lockTimeoutMilliseconds: options.busyTimeoutMilliseconds)
        case .mysql(let my): try MySQLDriver(target: my, redactedURL: redacted)
        }
    }
}
