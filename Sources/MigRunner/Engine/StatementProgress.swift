import MigCore

/// `migc_progress`: the statements of a revision that ran on a database whose DDL is
/// not transactional (MySQL, MariaDB), one row per statement, written right after
/// the statement commits. A revision that finishes moves the version table and
/// deletes its rows in one transaction; rows left behind mean a revision stopped
/// half-way, and say exactly how far (and, by checksum, with which text).
///
///   migc_progress(revision, direction, position, checksum, applied_at)
struct StatementProgress {
    static let table = "migc_progress"
    let driver: any DatabaseDriver

    private var b: any SQLBackend { driver.dialect.backend }

    /// Where a revision stopped: its id, direction, and the checksums of the
    /// statements that ran, in order.
    struct Stopped: Sendable, Hashable {
        var revision: String
        var direction: Direction
        var checksums: [String]
    }

    func createTable() throws(DatabaseError) {
        try driver.execute("""
            CREATE TABLE IF NOT EXISTS \(b.quote(Self.table)) (
              \(b.quote("revision")) \(b.typeName(.varchar(255), autoincrement: false)) NOT NULL,
              \(b.quote("direction")) \(b.typeName(.varchar(8), autoincrement: false)) NOT NULL,
              \(b.quote("position")) \(b.typeName(.int, autoincrement: false)) NOT NULL,
              \(b.quote("checksum")) \(b.typeName(.varchar(64), autoincrement: false)) NOT NULL,
              \(b.quote("applied_at")) \(b.typeName(.varchar(32), autoincrement: false)) NOT NULL,
              CONSTRAINT \(b.quote("migc_progress_pkey")) PRIMARY KEY (\(b.quote("revision")), \(b.quote("direction")), \(b.quote("position")))
            )
            """)
    }

    func tableExists() throws(DatabaseError) -> Bool {
        try driver.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = database() AND table_name = $1", [Self.table]) != "0"
    }

    /// The revision that stopped half-way, if any (there is at most one: a run
    /// refuses to start anything else while one is recorded).
    func stopped() throws(DatabaseError) -> Stopped? {
        guard try tableExists() else { return nil }
        let rows = try driver.query(
            "SELECT \(b.quote("revision")), \(b.quote("direction")), \(b.quote("checksum")) FROM \(b.quote(Self.table)) "
                + "ORDER BY \(b.quote("revision")), \(b.quote("direction")), \(b.quote("position"))")
        guard let first = rows.first, let revision = first[0], let direction = first[1].flatMap(Direction.init(rawValue:)) else { return nil }
        let mine = rows.filter { $0[0] == revision && $0[1] == first[1] }
        return Stopped(revision: revision, direction: direction, checksums: mine.compactMap { $0[2] })
    }

    /// Records statement `position` (1-based) of `revision` as run.
    func record(_ revision: String, _ direction: Direction, position: Int, statement: SQLStatement) throws(DatabaseError) {
        _ = try driver.query(
            "INSERT INTO \(b.quote(Self.table)) VALUES ($1, $2, $3, $4, $5)",
            [revision, direction.rawValue, String(position), Self.checksum(statement), VersionStore.now()])
    }

    /// Forgets statements after `position` (all of them for 0).
    func forget(_ revision: String, _ direction: Direction, after position: Int = 0) throws(DatabaseError) {
        _ = try driver.query(
            "DELETE FROM \(b.quote(Self.table)) WHERE \(b.quote("revision")) = $1 AND \(b.quote("direction")) = $2 AND \(b.quote("position")) > $3",
            [revision, direction.rawValue, String(position)])
    }

    static func checksum(_ statement: SQLStatement) -> String { Checksum.sha256Hex(statement.text) }
}
