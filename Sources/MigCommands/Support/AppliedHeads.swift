// What a database is (or will be) at: several heads must not conflict (E350),
// and the version table lists only minimal heads.

import MigCore
import MigRunner

extension MigrationSession {
    /// Stops (exit 1, nothing changed) when the revisions a database would be at
    /// after this command are several heads whose branches conflict (E350): applying
    /// or recording them together would fold two branches into one schema silently.
    func refuseConflictingHeads(_ applied: [String]) throws {
        let heads = graph.minimalHeads(applied)
        guard heads.count > 1 else { return }
        var project = self.project
        let conflicts = Checker.headConflicts(heads, in: graph)
        project.readSources(for: conflicts)
        if Terminal.report(conflicts, sources: project.sources, noColor: noColor) {
            throw CommandFailure(message: "the heads \(heads.joined(separator: ", ")) conflict; nothing was changed (merge them first: `migc merge`)")
        }
    }
}

extension MigrationSession {
    /// The applied heads without rows that name an ancestor of another head; such
    /// rows are deleted (recorded in migc_history) before anything is planned.
    func normaliseHeads(_ applied: [String], store: VersionStore) throws -> [String] {
        let minimal = graph.minimalHeads(applied)
        guard minimal.count < Set(applied).count else { return applied }
        let redundant = Set(applied).subtracting(minimal).sorted().map { id in
            (revision: id, coveredBy: minimal.first { graph.ancestors(of: $0).contains(id) } ?? "?")
        }
        try store.removeRedundantHeads(redundant)
        return minimal
    }
}
