// Bridges the checker's revisions and the graph's steps to script input.

extension ScriptRevision {
    /// The script input for one migration step; nil when `step` undoes a revision
    /// that has no downgrade (irreversible).
    public init?(_ revision: CheckedRevision, step: MigrationStep, checksum: String?) {
        let steps: [OpStep]
        switch step.direction {
        case .up: steps = revision.upgrade
        case .down:
            guard let down = revision.downgrade else { return nil }
            steps = down
        }
        self.init(
            id: revision.id, message: revision.file.header.message?.value ?? "", sourcePath: revision.file.path,
            transactional: !revision.file.header.runsOutsideTransaction, checksum: checksum, steps: steps,
            removedHeads: step.removedHeads, addedHeads: step.addedHeads)
        timeouts = revision.file.header.timeouts
    }
}
