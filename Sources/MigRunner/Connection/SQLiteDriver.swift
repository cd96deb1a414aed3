import CSQLite
import MigCore

/// A libsqlite3 connection. Owns the handle and closes it in `deinit`.
///
/// `foreign_keys` stays OFF (SQLite's default, set explicitly): SQLite cannot toggle
/// it inside a transaction, and table rebuilds must be able to drop and re-create
/// referenced tables; rebuild scripts verify with `PRAGMA foreign_key_check`.
/// Double-quoted string literals are off, so `"name"` is always an identifier.
public final class SQLiteDriver: DatabaseDriver {
    private(set) var handle: OpaquePointer?
    public let path: String

    public init(location: DatabaseURL.SQLiteLocation, options: ConnectOptions = ConnectOptions()) throws(DatabaseError) {
        switch location {
        case .memory: path = ":memory:"
        case .file(let p): path = p
        }
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw DatabaseError(message: "cannot open sqlite database `\(path)`: \(message)", code: Self.codeName(rc))
        }
        handle = db
        sqlite3_busy_timeout(db, Int32(clamping: options.busyTimeoutMilliseconds))
        sqlite3_extended_result_codes(db, 1)
        let dqs = migc_sqlite3_disable_double_quoted_strings(db)
        guard dqs == SQLITE_OK else {
            throw DatabaseError(message: "cannot configure sqlite database `\(path)`: \(String(cString: sqlite3_errstr(dqs)))", code: Self.codeName(dqs))
        }
        try execute("PRAGMA foreign_keys = OFF")
    }

    deinit { close() }

    public var dialect: Dialect { .sqlite }

    public func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    public var inTransaction: Bool {
        guard let handle else { return false }
        return sqlite3_get_autocommit(handle) == 0
    }

    /// Runs each statement of `sql` in turn, so an error names the statement that failed.
    public func execute(_ sql: String) throws(DatabaseError) {
        let db = try open(sql)
        let bytes = Array(sql.utf8CString)
        try bytes.withUnsafeBufferPointer { (buffer) throws(DatabaseError) in
            guard var cursor = buffer.baseAddress else { return }
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let rc = sqlite3_prepare_v2(db, cursor, -1, &statement, &tail)
                let consumed = tail.map { cursor.distance(to: $0) } ?? 0
                guard rc == SQLITE_OK else { throw error(rc, statement: Self.firstStatement(String(cString: cursor))) }
                let statementText = Self.slice(cursor, count: consumed)
                defer { sqlite3_finalize(statement) }
                if let statement {
                    var step = sqlite3_step(statement)
                    while step == SQLITE_ROW { step = sqlite3_step(statement) }
                    guard step == SQLITE_DONE else { throw error(step, statement: statementText) }
                }
                guard let tail, consumed > 0 else { return }
                cursor = tail
            }
        }
    }

    public func query(_ sql: String, _ parameters: [String?]) throws(DatabaseError) -> [Row] {
        let db = try open(sql)
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc, statement: sql) }
        defer { sqlite3_finalize(statement) }
        for (i, value) in parameters.enumerated() {
            // `$N` names a parameter; fall back to position for `?`.
            var index = sqlite3_bind_parameter_index(statement, "$\(i + 1)")
            if index == 0 { index = Int32(i + 1) }
            let bound: Int32 = if let value {
                sqlite3_bind_text(statement, index, value, -1, Self.transient)
            } else {
                sqlite3_bind_null(statement, index)
            }
            guard bound == SQLITE_OK else { throw error(bound, statement: sql) }
        }
        var rows: [Row] = []
        let columns = sqlite3_column_count(statement)
        var step = sqlite3_step(statement)
        while step == SQLITE_ROW {
            rows.append((0..<columns).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
            step = sqlite3_step(statement)
        }
        guard step == SQLITE_DONE else { throw error(step, statement: sql) }
        return rows
    }

    private func open(_ sql: String) throws(DatabaseError) -> OpaquePointer {
        guard let handle else { throw DatabaseError(message: "the sqlite connection is closed", statement: sql) }
        return handle
    }

    private func error(_ rc: Int32, statement: String) -> DatabaseError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "sqlite error \(rc)"
        var text = statement.trimmingWhitespace()
        if text.hasSuffix(";") { text.removeLast() }
        return DatabaseError(message: message, code: Self.codeName(rc), statement: text)
    }

    /// `sql` up to its first `;` outside quotes and comments: the statement that
    /// failed to prepare (SQLite does not say where it ends).
    static func firstStatement(_ sql: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var lineComment = false
        for index in sql.indices {
            let c = sql[index]
            defer { previous = c }
            if lineComment { lineComment = c != "\n"; continue }
            if let q = quote { if c == q { quote = nil }; continue }
            switch c {
            case "'", "\"", "`": quote = c
            case "-" where previous == "-": lineComment = true
            case ";": return String(sql[...index])
            default: break
            }
        }
        return sql
    }

    private static func slice(_ start: UnsafePointer<CChar>, count: Int) -> String {
        let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(start).assumingMemoryBound(to: UInt8.self), count: count)
        return String(decoding: buffer, as: UTF8.self)
    }

    static func codeName(_ rc: Int32) -> String {
        switch rc & 0xff {
        case SQLITE_BUSY: "SQLITE_BUSY"
        case SQLITE_LOCKED: "SQLITE_LOCKED"
        case SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT"
        case SQLITE_ERROR: "SQLITE_ERROR"
        case SQLITE_CANTOPEN: "SQLITE_CANTOPEN"
        case SQLITE_READONLY: "SQLITE_READONLY"
        case SQLITE_MISMATCH: "SQLITE_MISMATCH"
        case SQLITE_NOTADB: "SQLITE_NOTADB"
        case SQLITE_CORRUPT: "SQLITE_CORRUPT"
        case SQLITE_FULL: "SQLITE_FULL"
        case SQLITE_IOERR: "SQLITE_IOERR"
        case SQLITE_NOMEM: "SQLITE_NOMEM"
        case SQLITE_PERM: "SQLITE_PERM"
        default: "SQLITE_\(rc)"
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
