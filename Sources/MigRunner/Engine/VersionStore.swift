import Foundation
import MigCore

/// Reads and writes `migc_version` (applied heads) and `migc_history`, with exactly
/// the statements `VersionTableSQL` gives `migc build` scripts.
public struct VersionStore {
    public let driver: any DatabaseDriver

    public init(driver: any DatabaseDriver) { self.driver = driver }

    var dialect: Dialect { driver.dialect }

    /// Whether `migc_version` exists (a database migc has never touched has none).
    public func tablesExist() throws(DatabaseError) -> Bool {
        let sql: String = switch dialect {
        case .sqlite: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $1"
        case .postgres: "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = $1"
        case .mysql: "SELECT count(*) FROM information_schema.tables WHERE table_schema = database() AND table_name = $1"
        }
        return try driver.scalar(sql, [VersionTableSQL.versionTable]) != "0"
    }

    public func createTables() throws(DatabaseError) {
        for statement in VersionTableSQL.createTables(dialect) { try driver.execute(statement.text) }
    }

    /// The applied heads, sorted; empty when the tables do not exist yet.
    public func heads() throws(DatabaseError) -> [String] {
        guard try tablesExist() else { return [] }
        return try driver.query(VersionTableSQL.selectHeads(dialect).text).compactMap { $0.first ?? nil }
    }

    public struct HistoryEntry: Sendable, Hashable {
        public var revision: String
        public var direction: String
        public var checksum: String?
        public var appliedAt: String
        public var durationMs: Int?
        public var note: String?
    }

    /// Every history row, oldest first.
    public func history() throws(DatabaseError) -> [HistoryEntry] {
        guard try tablesExist() else { return [] }
        return try driver.query(VersionTableSQL.selectHistory(dialect).text).map { row in
            HistoryEntry(
                revision: row[0] ?? "", direction: row[1] ?? "", checksum: row[2], appliedAt: row[3] ?? "",
                durationMs: row[4].flatMap { Int($0) }, note: row[5])
        }
    }

    /// The checksum each revision had when it was last applied, or when
    /// `--allow-edited` last accepted its new text (for edit detection).
    public func appliedChecksums() throws(DatabaseError) -> [String: String] {
        var out: [String: String] = [:]
        for entry in try history() where entry.direction == "up" || entry.direction == "edited" {
            if let checksum = entry.checksum { out[entry.revision] = checksum }
        }
        return out
    }

    /// Records that the applied revisions `edited` now have these checksums, so the
    /// next run does not stop on them again.
    public func acceptEdits(_ edited: [(revision: String, checksum: String?)]) throws(DatabaseError) {
        guard !edited.isEmpty else { return }
        try driver.begin()
        do {
            try record(edited, .edited, durationMs: nil, note: "--allow-edited: the file changed after it was applied; this text is accepted")
            try driver.commit()
        } catch {
            driver.rollbackQuietly()
            throw error
        }
    }

    func moveHeads(removing: [String], adding: [String]) throws(DatabaseError) {
        for id in removing { try driver.execute(VersionTableSQL.deleteHead(id, dialect: dialect).text) }
        for id in adding { try driver.execute(VersionTableSQL.insertHead(id, dialect: dialect).text) }
    }

    func record(_ revision: String, _ direction: HistoryEvent, checksum: String?, durationMs: Int?, note: String?) throws(DatabaseError) {
        try record([(revision, checksum)], direction, durationMs: durationMs, note: note)
    }

    /// History rows for several revisions, in chunks of 500 rows per INSERT.
    func record(_ revisions: [(revision: String, checksum: String?)], _ direction: HistoryEvent, durationMs: Int?, note: String?) throws(DatabaseError) {
        let now = Self.now()
        var start = 0
        while start < revisions.count {
            let chunk = revisions[start..<min(start + 500, revisions.count)]
            let rows = chunk.map {
                VersionTableSQL.HistoryRow(revision: $0.revision, event: direction, checksum: $0.checksum, appliedAt: .value(now), durationMs: durationMs, note: note)
            }
            try driver.execute(VersionTableSQL.insertHistory(rows, dialect: dialect).text)
            start += 500
        }
    }

    /// ISO 8601 UTC to the second (`2026-11-25T10:00:00Z`), without a formatter:
    /// Foundation's goes through ICU, which cost more than the SQL it annotates.
    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
