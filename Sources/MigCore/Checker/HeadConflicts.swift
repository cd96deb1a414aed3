// Heads applied together (`migc upgrade heads`, `stamp heads`, a database at two
// branches) are a merge without a merge revision: the same replay checks them. Two
// branches that both add `a.x`, or rename a column the other adds to, would
// otherwise be folded silently into a schema no database can reach.

extension HistoryFolder {
    /// E350 for each op of a later head's branch that fails on the schema of the
    /// heads before it (`heads` live or pinned, in topological order).
    func headConflicts(_ heads: [String]) -> [Diagnostic] {
        union(heads) { problem, statement, revision, side in
            let other = culprit(of: statement, in: side)
            var notes = [DiagnosticNote("revision `\(revision)` does this here", at: statement.span)]
            if let other { notes.append(DiagnosticNote("revision `\(other.id)` changes it here", at: other.statement.span)) }
            let list = heads.map { "`\($0)`" }.joined(separator: ", ")
            let what = statement.operation.tableNames.sorted().map { "`\($0)`" }.joined(separator: ", ")
            let subject = other.map { "`\(revision)` and `\($0.id)` both change" } ?? "`\(revision)` changes"
            return .error(
                "heads \(list) conflict when applied together: \(subject) \(what): \(problem.message)",
                at: statement.span, code: .branchConflict, notes: notes + problem.notes,
                help: "merge the heads (`migc merge heads`) and resolve the conflict there, or drop one branch's change")
        }.1
    }
}

extension Checker {
    /// The E350 conflicts between `heads` (minimal: no one an ancestor of another)
    /// applied together; empty for fewer than two.
    public static func headConflicts(_ heads: [String], in graph: RevisionGraph) -> [Diagnostic] {
        guard heads.count > 1 else { return [] }
        let needed = graph.closure(of: heads)
        let fg = foldGraph(graph, order: graph.topologicalOrder.filter { needed.contains($0) })
        var folder = HistoryFolder(graph: fg, pinned: Set(heads))
        for id in fg.order {
            guard let file = fg.files[id] else { continue }
            let (before, _) = folder.before(id)
            let (revision, diagnostics) = RevisionChecker.check(id: id, file: file, before: before)
            if diagnostics.hasErrors { folder.failed.insert(id) }
            folder.store(id, after: revision.after)
        }
        return folder.headConflicts(graph.inTopologicalOrder(heads))
    }
}
