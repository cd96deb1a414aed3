import MigCore
import MigRunner

/// Lock timeouts: a line per retry, and what the failure says about the lock.
extension RunReporting {
    /// `revision r2: lock timeout on attempt 1 of 4 (blocked by pid 4242 (...)); retrying in 1000 ms`
    static func retryLine(_ retry: LockRetry) -> String {
        let what = retry.statementOnly ? "statement of revision \(retry.revision)" : "revision \(retry.revision)"
        let blockers = retry.blockers.isEmpty ? "" : " (blocked by \(retry.blockers.joined(separator: "; ")))"
        let again = retry.statementOnly ? "running the statement again" : "retrying the revision"
        return "  \(what): lock timeout on attempt \(retry.attempt) of \(retry.attempts)\(blockers); \(again) in \(retry.delayMs) ms\n"
    }

    static func lockTimeoutNotes(_ failure: RunFailure) -> [DiagnosticNote] {
        guard failure.error.isLockTimeout else { return [] }
        var notes = [DiagnosticNote(
            "another session holds a lock this statement needs; each statement waits for it no longer than --lock-timeout "
                + "(or the revision's `lock_timeout` line)"
                + (failure.attempts > 1 ? ", and migc gave up after \(failure.attempts) attempts (--retries)" : ""))]
        if failure.blockers.isEmpty {
            if failure.error.code != "SQLITE_BUSY" { notes.append(DiagnosticNote("migc could not name the blocking session")) }
        } else {
            let label = failure.error.code == "55P03" ? "blocked by" : "sessions with an open transaction (one holds the lock)"
            notes.append(DiagnosticNote("\(label): \(failure.blockers.joined(separator: "; "))"))
        }
        return notes
    }
}
