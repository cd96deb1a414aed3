import MigCore

// What a database is (or will be) at: several heads must not conflict (E350), and
// the version table lists only minimal heads.
extension Migrator {
    /// Refuses (nothing changed) when `applied` leaves several heads whose branches
    /// conflict: applying or recording them together would fold two branches into
    /// one schema silently. A headers-only project reads the full files for this.
    func refuseConflictingHeads(_ applied: [String]) throws(MigrationRefusal) {
        let heads = graph.minimalHeads(applied)
        guard heads.count > 1 else { return }
        var full = graph
        if let missing = heads.first(where: { graph.revisions[$0]?.file.upgrade == nil }), graph.revisions[missing] != nil,
           let opened = try? Project.open(directory: project.directory, depth: .full) {
            full = opened.graph  // headers from the cache have no ops
        }
        let conflicts = Checker.headConflicts(heads, in: full)
        if !conflicts.isEmpty { throw .plan(.errors(conflicts)) }
    }

    /// The applied heads without rows that name an ancestor of another head (an
    /// older migc, a hand edit or a restored dump can leave one); such rows are
    /// deleted, each with a `stamp` history row saying why.
    func normalisedHeads(_ applied: [String]) throws -> [String] {
        let minimal = graph.minimalHeads(applied)
        guard minimal.count < Set(applied).count else { return applied }
        let redundant = Set(applied).subtracting(minimal).sorted().map { id in
            (revision: id, coveredBy: minimal.first { graph.ancestors(of: $0).contains(id) } ?? "?")
        }
        try VersionStore(driver: driver).removeRedundantHeads(redundant)
        return minimal
    }
}
