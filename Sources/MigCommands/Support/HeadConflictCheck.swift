import MigCore

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
