import MigCore

/// A transactional revision whose own SQL ended the transaction migc opened for it
/// (a `COMMIT` or `ROLLBACK` in a `sql` block, or a pasted `BEGIN; ... COMMIT;`).
/// The runner checks the connection's transaction state after every statement
/// (libpq's `PQtransactionStatus`, SQLite's `sqlite3_get_autocommit`) and stops at
/// once: going on would run the rest of the revision in autocommit, where a later
/// failure cannot be rolled back. What is left depends on how the SQL ended it.
enum TransactionEnded {
    /// The last statement of `sql` that ended a transaction (COMMIT when none is
    /// recognisable: assume the worst for the data, that it was committed).
    static func found(in sql: String) -> TransactionControl.Found {
        TransactionControl.statements(in: sql).last { $0.endsTransaction } ?? .init(keyword: "COMMIT", offset: 0)
    }

    static func error(_ found: TransactionControl.Found, statement: String) -> DatabaseError {
        DatabaseError(message: "the statement ended the transaction migc runs the revision in (`\(found.keyword)`)", statement: statement)
    }

    /// The failure as it stands: with COMMIT, the revisions this run finished stay
    /// (their version rows were in the committed transaction) and this revision is
    /// committed up to the statement, unrecorded; with ROLLBACK, a single-transaction
    /// run lost the earlier revisions too.
    static func failure(_ failure: RunFailure, _ found: TransactionControl.Found, mode: TransactionMode) -> RunFailure {
        var out = failure
        out.transactionEndedBy = found
        out.rolledBack = !found.commits
        if !found.commits, mode == .single {
            out.undoneEarlier = out.report.applied.map(\.id)
            out.report.applied = []
        }
        return out
    }
}
