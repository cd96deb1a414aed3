import CSQLite

extension SQLiteDriver {
    /// Copies the whole database into the (new, empty) file at `path` through
    /// SQLite's online backup API: a consistent snapshot, even while another
    /// connection writes (the copy restarts when the source changes under it).
    func backup(into path: String) throws(DatabaseError) {
        guard let source = handle else { throw DatabaseError(message: "the sqlite connection is closed") }
        var destination: OpaquePointer?
        let opened = sqlite3_open_v2(path, &destination, SQLITE_OPEN_READWRITE, nil)
        defer { sqlite3_close_v2(destination) }
        guard opened == SQLITE_OK, let destination else {
            throw DatabaseError(message: "cannot open the backup file `\(path)`", code: Self.codeName(opened))
        }
        guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
            throw DatabaseError(message: String(cString: sqlite3_errmsg(destination)), code: Self.codeName(sqlite3_errcode(destination)))
        }
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(backup, 256)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        let finished = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE, finished == SQLITE_OK else {
            throw DatabaseError(message: "the online backup failed: \(String(cString: sqlite3_errstr(rc == SQLITE_DONE ? finished : rc)))", code: Self.codeName(rc))
        }
    }
}
