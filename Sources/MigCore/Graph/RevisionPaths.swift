// Upgrade and downgrade paths, and what the version table holds after each step.
//
// The version table (`migc_version`) holds the applied heads: the applied revisions
// that no other applied revision follows (through `parent` or `depends`). Everything
// they reach is applied. Applying R removes R's parents and dependencies from the
// heads and adds R; undoing R removes R and adds back each parent or dependency that
// no other applied revision still follows. Alembic's `alembic_version`, kept minimal.

/// One revision to apply or undo, and the version-table change that goes with it.
public struct MigrationStep: Hashable, Sendable {
    public var revision: String
    public var direction: Direction
    /// Rows to delete from / insert into the version table, sorted.
    public var removedHeads: [String]
    public var addedHeads: [String]
    /// The version table after this step, sorted.
    public var headsAfter: [String]
}

extension RevisionGraph {
    /// The revisions to apply to go from `applied` (the version table's heads) to
    /// `target`, in topological order: every ancestor of the target (and the target)
    /// not applied yet. A target behind the applied heads gives no steps.
    public func upgradePath(from applied: Set<String>, to target: RevisionTarget) -> [String] {
        let done = closure(of: applied)
        return inTopologicalOrder(closure(of: target.revisions).subtracting(done))
    }

    /// The revisions to undo to go from `applied` down to `target`, in reverse
    /// topological order: every applied revision that is not the target or one of its
    /// ancestors. A merge is undone before its parents. Throws when a target revision
    /// is not applied.
    public func downgradePath(from applied: Set<String>, to target: RevisionTarget) throws(RevisionError) -> [String] {
        let done = closure(of: applied)
        if let missing = target.revisions.first(where: { !done.contains($0) }) { throw .notApplied(missing) }
        return inTopologicalOrder(done.subtracting(closure(of: target.revisions))).reversed()
    }

    public func upgradeSteps(from applied: Set<String>, to target: RevisionTarget) -> [MigrationStep] {
        steps(applying: upgradePath(from: applied, to: target), from: applied)
    }

    public func downgradeSteps(from applied: Set<String>, to target: RevisionTarget) throws(RevisionError) -> [MigrationStep] {
        steps(undoing: try downgradePath(from: applied, to: target), from: applied)
    }

    /// The version-table changes of applying `path` (in order) on top of `applied`.
    func steps(applying path: some Sequence<String>, from applied: Set<String>) -> [MigrationStep] {
        var heads = applied
        return path.map { id in
            let rev = revisions[id]!
            let removed = (rev.parents + rev.depends).filter { heads.contains($0) }.sorted()
            heads.subtract(removed)
            heads.insert(id)
            return MigrationStep(revision: id, direction: .up, removedHeads: removed, addedHeads: [id], headsAfter: heads.sorted())
        }
    }

    /// The version-table changes of undoing `path` (in order) from `applied`.
    func steps(undoing path: some Sequence<String>, from applied: Set<String>) -> [MigrationStep] {
        var heads = applied
        var done = closure(of: applied)
        return path.map { id in
            let rev = revisions[id]!
            done.remove(id)
            let removed = heads.remove(id).map { [$0] } ?? []
            // Applied revisions are closed under ancestry, so a parent is still
            // covered exactly when one of its direct followers is still applied.
            let added = Set(rev.parents + rev.depends).filter { p in
                !heads.contains(p) && !(revisions[p]!.children + revisions[p]!.dependents).contains(where: done.contains)
            }.sorted()
            heads.formUnion(added)
            return MigrationStep(revision: id, direction: .down, removedHeads: removed, addedHeads: added, headsAfter: heads.sorted())
        }
    }

    /// Ids in `applied` that are not revisions of this graph (a version table from
    /// another directory, or a deleted file).
    public func unknownRevisions(in applied: some Sequence<String>) -> [String] {
        applied.filter { revisions[$0] == nil }.sorted()
    }

    /// `applied` reduced to the revisions no other one in it follows (what the version
    /// table should hold).
    public func minimalHeads(_ applied: some Sequence<String>) -> [String] {
        let all = Set(applied)
        let covered = ancestors(of: all)
        return all.subtracting(covered).sorted()
    }
}
