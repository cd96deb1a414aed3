import MigCore

// `migc test` moves one revision at a time, up or down, from heads it knows: it
// plans from graph targets, not from specifiers a user typed.
extension Migrator {
    /// Takes the database from `expected` (its applied heads, verified under the
    /// lock) to `target`, up or down: exactly the revisions between the two.
    public func move(
        _ direction: Direction, from expected: [String], to target: RevisionTarget, options: Options,
        progress: (RunReport.Applied) -> Void = { _ in }
    ) throws -> RunReport {
        let runnerOptions = MigrationRunner.Options(
            transactionMode: options.transactionMode, lockTimeout: options.lockTimeout, undoPartial: options.undoPartial)
        return try runner.migrate(options: runnerOptions, plan: { heads in
            guard Set(heads) == Set(expected) else {
                throw RunnerError("the version table holds \(heads.sorted()), expected \(expected.sorted())")
            }
            let steps: [MigrationStep]
            if direction == .up {
                steps = graph.upgradeSteps(from: Set(heads), to: target)
            } else {
                do {
                    steps = try graph.downgradeSteps(from: Set(heads), to: target)
                } catch let error as RevisionError {
                    throw MigrationRefusal.plan(.unresolved(error))
                }
                if let blocked = MigrationPlanner.firstIrreversible(in: steps, of: graph) {
                    throw MigrationRefusal.plan(.irreversible(blocked))
                }
            }
            return try render(steps, direction: direction, note: nil)
        }, progress: progress)
    }
}
