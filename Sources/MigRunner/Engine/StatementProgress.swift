import MigCore

/// `migc_progress`: the statements of a revision that ran on a database whose DDL is
/// not transactional (MySQL, MariaDB), one row per statement: written with
/// `finished = 0` just before the statement runs, set to 1 right after it commits,
/// deleted when it fails. A revision that finishes moves the version table and
/// deletes its rows in one transaction; rows left behind mean a revision stopped
/// half-way, and say exactly how far (and, by checksum, with which text). A row
/// still at `finished = 0` means the runner died (kill -9, lost connection) while
/// that statement ran: whether it took effect is unknown, and reports say so.
///
///   migc_progress(revision, direction, position, checksum, applied_at, finished)
struct StatementProgress {
    static let table = "migc_progress"
    let driver: any DatabaseDriver

    private var b: any SQLBackend { driver.dialect.backend }

    /// Where a revision stopped: its id, direction, and the checksums of the
    /// statements that ran, in order.
    struct Stopped: Sendable, Hashable {
        var revision: String
        var direction: Direction
        /// Checksums of the statements that ran, in order.
        var checksums: [String]
        /// The checksum of the next statement when it was running as the runner
        /// stopped (its row still at `finished = 0`).
        var running: String?
    }

    func createTable() throws(DatabaseError) {
        try driver.execute("""
            CREATE TABLE IF NOT EXISTS \(b.quote(Self.table)) (
              \(b.quote("revision")) \(b.typeName(.varchar(255), autoincrement: false)) NOT NULL,
              \(b.quote("direction")) \(b.typeName(.varchar(8), autoincrement: false)) NOT NULL,
              \(b.quote("position")) \(b.typeName(.int, autoincrement: false)) NOT NULL,
              \(b.quote("checksum")) \(b.typeName(.varchar(64), autoincrement: false)) NOT NULL,
              \(b.quote("applied_at")) \(b.typeName(.varchar(32), autoincrement: false)) NOT NULL,
              \(b.quote("finished")) \(b.typeName(.int, autoincrement: false)) NOT NULL DEFAULT 0,
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
            "SELECT \(b.quote("revision")), \(b.quote("direction")), \(b.quote("checksum")), \(b.quote("finished")) FROM \(b.quote(Self.table)) "
                + "ORDER BY \(b.quote("revision")), \(b.quote("direction")), \(b.quote("position"))")
        guard let first = rows.first, let revision = first[0], let direction = first[1].flatMap(Direction.init(rawValue:)) else { return nil }
        let mine = rows.filter { $0[0] == revision && $0[1] == first[1] }
        let ran = mine.prefix { $0[3] != "0" }
        let running = mine.dropFirst(ran.count).first?[2] ?? nil
        return Stopped(revision: revision, direction: direction, checksums: ran.compactMap { $0[2] }, running: running)
    }

    /// Statement `position` (1-based) of `revision` is about to run.
    func start(_ revision: String, _ direction: Direction, position: Int, statement: SQLStatement) throws(DatabaseError) {
        _ = try driver.query(
            "INSERT INTO \(b.quote(Self.table)) VALUES ($1, $2, $3, $4, $5, 0)",
            [revision, direction.rawValue, String(position), Self.checksum(statement), VersionStore.now()])
    }

    /// Statement `position` ran (and committed).
    func finish(_ revision: String, _ direction: Direction, position: Int) throws(DatabaseError) {
        _ = try driver.query(
            "UPDATE \(b.quote(Self.table)) SET \(b.quote("finished")) = 1 WHERE \(b.quote("revision")) = $1 AND \(b.quote("direction")) = $2 AND \(b.quote("position")) = $3",
            [revision, direction.rawValue, String(position)])
    }

    /// The statement that marks statement `position` as run by hand, for a report
    /// (the values are ids and numbers migc wrote; quoted all the same).
    func markRunSQL(_ revision: String, _ direction: Direction, position: Int) -> String {
        "UPDATE \(b.quote(Self.table)) SET \(b.quote("finished")) = 1 WHERE \(b.quote("revision")) = \(b.literal(revision)) "
            + "AND \(b.quote("direction")) = \(b.literal(direction.rawValue)) AND \(b.quote("position")) = \(position)"
    }

    /// Forgets statements after `position` (all of them for 0).
    func forget(_ revision: String, _ direction: Direction, after position: Int = 0) throws(DatabaseError) {
        _ = try driver.query(
            "DELETE FROM \(b.quote(Self.table)) WHERE \(b.quote("revision")) = $1 AND \(b.quote("direction")) = $2 AND \(b.quote("position")) > $3",
            [revision, direction.rawValue, String(position)])
    }

    static func checksum(_ statement: SQLStatement) -> String { Checksum.sha256Hex(statement.text) }
}
