// The checker's entry points. Everything streams through `HistoryFolder`: no
// schema per op is kept for the whole history, only the schemas of revisions whose
// children are still to come, so 10,000 revisions of 200 tables check in bounded
// memory.

public struct CheckOptions: Sendable {
    /// Also verify every derived downgrade restores its schema (E202, a migc bug).
    public var verifyDerivedDowngrades: Bool
    /// With several heads, also check them applied together, as a merge of them
    /// would be (E350): what `upgrade heads` would run into. `migc lint` does.
    public var checkHeadsTogether: Bool

    public init(verifyDerivedDowngrades: Bool = false, checkHeadsTogether: Bool = false) {
        self.verifyDerivedDowngrades = verifyDerivedDowngrades
        self.checkHeadsTogether = checkHeadsTogether
    }
}

public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Revisions that cannot be downgraded (declared or not), in topological order.
    public var irreversible: [String]
    /// Revisions whose downgrade is derived (no `downgrade` block written).
    public var derivedDowngrades: Set<String>
}

public enum Checker {
    /// Checks every revision of `graph`, in topological order. `visit` sees each
    /// checked revision and whether it checked cleanly (no errors, no merge
    /// conflicts); what it returns is reported right after that revision's own
    /// diagnostics. It is the hook `Project.check` lints through: the checker itself
    /// knows nothing of lints.
    public static func check(
        _ graph: RevisionGraph, options: CheckOptions = CheckOptions(),
        visit: (CheckedRevision, _ clean: Bool) -> [Diagnostic] = { _, _ in [] }
    ) -> CheckReport {
        let fg = foldGraph(graph, order: graph.topologicalOrder)
        // Heads checked together stay live to the end.
        let heads = options.checkHeadsTogether && graph.heads.count > 1 ? graph.heads : []
        var folder = HistoryFolder(graph: fg, pinned: Set(heads))
        var report = CheckReport(diagnostics: [], irreversible: [], derivedDowngrades: [])
        for id in fg.order {
            guard let file = fg.files[id] else { continue }
            let (before, conflicts) = folder.before(id)
            let (revision, diagnostics) = RevisionChecker.check(id: id, file: file, before: before, verifyDerived: options.verifyDerivedDowngrades)
            if diagnostics.hasErrors { folder.failed.insert(id) }
            report.diagnostics += conflicts + diagnostics
            if revision.downgrade == nil { report.irreversible.append(id) }
            if revision.downgradeIsDerived { report.derivedDowngrades.insert(id) }
            report.diagnostics += visit(revision, !diagnostics.hasErrors && conflicts.isEmpty)
            folder.store(id, after: revision.after)
        }
        report.diagnostics += folder.headConflicts(graph.inTopologicalOrder(heads))
        return report
    }

    /// Calls `visit` with each revision of `order` checked from the schema before it
    /// (for `migc build`, the runner and `migc show`). Revisions not in `order` are
    /// folded only as far as needed. Streams when `order` is topological (an upgrade
    /// path); otherwise (a downgrade path) buffers just the requested revisions.
    public static func fold(_ graph: RevisionGraph, order: [String], visit: (CheckedRevision) -> Void) {
        fold(graph, order: order) { revision, _ in visit(revision) }
    }

    /// `fold`, also handing over each requested revision's diagnostics (its own
    /// errors and merge conflicts), so a caller that folds anyway need not run
    /// `check` first.
    public static func fold(_ graph: RevisionGraph, order: [String], visit: (CheckedRevision, [Diagnostic]) -> Void) {
        let requested = Set(order)
        let needed = graph.closure(of: order)
        let fg = foldGraph(graph, order: graph.topologicalOrder.filter { needed.contains($0) })
        let positions = order.compactMap { graph.topologicalIndex[$0] }
        let streaming = zip(positions, positions.dropFirst()).allSatisfy { $0 < $1 }
        var folder = HistoryFolder(graph: fg)
        var buffered: [String: (CheckedRevision, [Diagnostic])] = [:]
        for id in fg.order {
            guard let file = fg.files[id] else { continue }
            let (before, conflicts) = folder.before(id)
            let (revision, diagnostics) = RevisionChecker.check(id: id, file: file, before: before)
            if diagnostics.hasErrors { folder.failed.insert(id) }
            folder.store(id, after: revision.after)
            guard requested.contains(id) else { continue }
            if streaming { visit(revision, conflicts + diagnostics) } else { buffered[id] = (revision, conflicts + diagnostics) }
        }
        if !streaming { for id in order { if let (r, d) = buffered[id] { visit(r, d) } } }
    }

    /// The schema when exactly `heads` (and their ancestors) are applied.
    public static func schema(at heads: Set<String>, in graph: RevisionGraph) -> Schema {
        let needed = graph.closure(of: heads)
        let fg = foldGraph(graph, order: graph.topologicalOrder.filter { needed.contains($0) })
        var folder = HistoryFolder(graph: fg, pinned: heads)
        for id in fg.order {
            guard let file = fg.files[id] else { continue }
            let (before, _) = folder.before(id)
            folder.store(id, after: before.applying(file.upgrade?.statements ?? []))
        }
        let ordered = graph.inTopologicalOrder(heads)
        return folder.union(ordered, reportingAt: nil).0
    }

    /// One revision, checked (for `migc show`).
    public static func checked(_ id: String, in graph: RevisionGraph) -> CheckedRevision? {
        var found: CheckedRevision?
        fold(graph, order: [id]) { found = $0 }
        return found
    }

    static func foldGraph(_ graph: RevisionGraph, order: [String]) -> FoldGraph {
        var parents: [String: [String]] = [:]
        var files: [String: MigFile] = [:]
        for id in order {
            guard let r = graph.revisions[id] else { continue }
            parents[id] = (r.parents + r.depends).filter { graph.revisions[$0] != nil }
            files[id] = r.file
        }
        return FoldGraph(order: order, parents: parents, files: files)
    }
}
