import MigCore

/// One unit the runner applies atomically: a revision up or down, or (for a fresh
/// database) the folded schema of many revisions at once.
public struct PlannedRevision: Sendable {
    /// The revision id (or, for a fold, the last revision of the fold).
    public var id: String
    public var message: String
    public var direction: Direction
    /// The SQL to run, each statement with its `.mig` origin for error reports.
    public var statements: [SQLStatement]
    /// False for `transaction off` revisions: their statements run outside any
    /// transaction (e.g. `create index concurrently`).
    public var transactional: Bool
    /// `migc_version` rows this unit deletes and inserts.
    public var removedHeads: [String]
    public var addedHeads: [String]
    /// One history row per revision this unit covers (a fold covers many).
    public var history: [(revision: String, checksum: String?)]
    /// Extra text for the history rows' `note` column (e.g. "folded", "edited").
    public var note: String?
    /// The checked ops the statements come from, in order (empty for a fold): the
    /// runner derives the undo of a revision that stopped half-way from them.
    public var steps: [OpStep] = []
    /// The dialect the statements were rendered for.
    public var dialect: Dialect = .sqlite
    /// The revision header's own `lock_timeout` / `statement_timeout`.
    public var timeouts = RevisionTimeouts()

    public init(
        id: String, message: String, direction: Direction, statements: [SQLStatement], transactional: Bool = true,
        removedHeads: [String], addedHeads: [String], history: [(revision: String, checksum: String?)], note: String? = nil
    ) {
        self.id = id
        self.message = message
        self.direction = direction
        self.statements = statements
        self.transactional = transactional
        self.removedHeads = removedHeads
        self.addedHeads = addedHeads
        self.history = history
        self.note = note
    }
}

/// How revisions map to transactions.
public enum TransactionMode: String, Sendable, CaseIterable {
    /// BEGIN..COMMIT around each revision: short locks, a sync per revision. The
    /// default on PostgreSQL, where long-held locks hurt a busy server.
    case perRevision = "per-revision"
    /// One transaction with a SAVEPOINT per revision: one sync for the whole run; a
    /// failure at revision k rolls back k alone and commits 1..k-1. The default on
    /// SQLite, where every commit is an fsync and nobody else is waiting.
    case single

    public static func defaultMode(for dialect: Dialect) -> TransactionMode {
        dialect == .sqlite ? .single : .perRevision
    }
}

/// What a finished (or stopped) run did.
public struct RunReport: Sendable {
    public struct Applied: Sendable {
        public var id: String
        public var message: String
        public var direction: Direction
        public var durationMs: Int
        /// How many revisions the unit covered (more than one for a fold).
        public var revisions: Int
    }

    public var applied: [Applied] = []
    public var headsAfter: [String] = []

    /// `--undo-partial` undid the statements a stopped revision had run.
    public struct PartialUndo: Sendable {
        public var revision: String
        public var direction: Direction
        /// How many of its statements had run, and how many inverse statements ran.
        public var undoneStatements: Int
        public var ranStatements: Int
    }
    public var undonePartial: PartialUndo?
}

/// A revision failed: it was rolled back whole; `report.applied` lists the ones
/// before it that stay applied.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public var revision: String
    public var message: String
    public var direction: Direction
    /// The statement that failed, with its `.mig` origin when it has one.
    public var statement: SQLStatement?
    public var error: DatabaseError
    public var report: RunReport
    /// False for a failed `transaction off` revision: its earlier statements stay.
    public var rolledBack: Bool
    /// Revisions of this run (single transaction) that had been applied before the
    /// failure but were rolled back with it, because the database ended the whole
    /// transaction; `report.applied` no longer lists them.
    public var undoneEarlier: [String] = []
    /// On MySQL/MariaDB (DDL commits by itself): which statements ran and which not.
    public var partial: PartialRevision?
    /// The revision's own SQL ended migc's transaction (a COMMIT or ROLLBACK in a
    /// `sql` block): the runner stopped right after that statement. See TransactionEnded.
    public var transactionEndedBy: TransactionControl.Found?
    /// Indexes a failed `CREATE INDEX CONCURRENTLY` left behind, INVALID (PostgreSQL).
    public var invalidIndexes: [String] = []
    /// How many times the revision (or, outside a transaction, its statement) ran
    /// before giving up on a lock timeout; 1 when it was not retried.
    public var attempts = 1
    /// The sessions that held the lock the statement waited for, as migc could
    /// name them (PostgreSQL: `pg_blocking_pids`; MySQL/MariaDB: open transactions).
    public var blockers: [String] = []

    public var description: String { "revision \(revision) failed: \(error)" }
}

/// The run could not start or could not go on (lock timeout, version table changed
/// under us, unknown revision in the version table).
public struct RunnerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension PlannedRevision {
    /// A checked revision rendered for `dialect`: exactly the statements `migc build`
    /// writes for it, with the same version rows.
    public init(_ revision: ScriptRevision, direction: Direction, dialect: Dialect, note: String? = nil) {
        self.init(
            id: revision.id, message: revision.message, direction: direction,
            statements: dialect.backend.render(steps: revision.steps, transactional: revision.transactional),
            transactional: revision.transactional, removedHeads: revision.removedHeads, addedHeads: revision.addedHeads,
            history: [(revision.id, revision.checksum)], note: note)
        self.steps = revision.steps
        self.dialect = dialect
        self.timeouts = revision.timeouts
    }

    /// A folded upgrade from base: one unit creating the final schema, recording
    /// every revision it stands for.
    public init(_ fold: FoldedUpgrade) {
        self.init(
            id: fold.revisions.last?.id ?? "", message: "\(fold.revisions.count) revisions folded into one schema",
            direction: .up, statements: fold.statements, transactional: true, removedHeads: [], addedHeads: fold.heads,
            history: fold.revisions.map { ($0.id, $0.checksum) }, note: "folded")
    }
}
