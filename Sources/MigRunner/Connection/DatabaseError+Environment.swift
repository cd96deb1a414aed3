import MigCore

extension DatabaseError {
    /// The database could not be read or written at all (a full disk, a read-only
    /// file, an I/O error, a lost connection, a server shutting down, a lock held
    /// elsewhere): a problem of the environment, not of the revision. Commands exit
    /// 2 for these (usage or I/O), 1 for a statement the revision got wrong.
    public var isEnvironmental: Bool {
        guard let code else { return message.contains("server closed the connection") || message.contains("connection") && message.contains("lost") }
        if code.hasPrefix("SQLITE_") {
            return ["SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_CORRUPT",
                    "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOMEM", "SQLITE_PERM"].contains(code)
        }
        // SQLSTATE classes: 08 connection, 53 insufficient resources (53100 disk full),
        // 57 operator intervention (shutdown), 58 system error (I/O); 55P03 lock timeout.
        return ["08", "53", "57", "58"].contains(String(code.prefix(2))) || code == "55P03" || code.hasPrefix("1205/")
    }
}
