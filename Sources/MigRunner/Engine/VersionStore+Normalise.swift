import MigCore

extension VersionStore {
    /// Deletes version rows that name an ancestor of another applied head (an older
    /// migc, a hand edit or a restored dump can leave one): the table then lists
    /// exactly the minimal heads again. One `stamp` history row per removed row says why.
    public func removeRedundantHeads(_ redundant: [(revision: String, coveredBy: String)]) throws(DatabaseError) {
        guard !redundant.isEmpty else { return }
        try driver.begin()
        do {
            try moveHeads(removing: redundant.map(\.revision), adding: [])
            for (revision, head) in redundant {
                try record(revision, .stamp, checksum: nil, durationMs: nil,
                           note: "normalised: removed from migc_version, an ancestor of the applied head \(head)")
            }
            try driver.commit()
        } catch {
            driver.rollbackQuietly()
            throw error
        }
    }
}
