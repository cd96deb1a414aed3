// Which revisions a command runs, decided from the files and the applied heads
// alone: `migc upgrade`/`downgrade` (under the runner's lock), their `--sql` form
// and `migc build` all ask here, so they agree on what a target means.

/// Why a range cannot be run; nothing has changed when one is thrown.
public enum PlanRefusal: Error, Sendable {
    /// The target does not resolve against the applied heads.
    case unresolved(RevisionError)
    /// An upgrade target behind the database (upgrade only moves forward).
    case targetBehind(target: String, resolved: RevisionTarget, heads: [String])
    /// A revision to undo has no downgrade.
    case irreversible(CannotDowngrade)
    /// The revisions to run have errors (each already located in its file).
    case errors([Diagnostic])
}

public enum RangePlanner {
    /// The steps that take the database from `heads` to `target` (a specifier such
    /// as `head`, `+2`, `-1`, an id or `base`) in `direction`.
    public static func steps(
        _ direction: Direction, to target: String, from heads: [String], in graph: RevisionGraph
    ) throws(PlanRefusal) -> [MigrationStep] {
        let resolved: RevisionTarget
        do {
            resolved = try graph.resolve(target, current: Set(heads))
        } catch {
            throw .unresolved(error)
        }
        return try steps(direction, to: resolved, spelled: target, from: heads, in: graph)
    }

    /// `steps` for a target already resolved (`spelled` is how the user wrote it).
    public static func steps(
        _ direction: Direction, to resolved: RevisionTarget, spelled: String, from heads: [String], in graph: RevisionGraph
    ) throws(PlanRefusal) -> [MigrationStep] {
        switch direction {
        case .up:
            let steps = graph.upgradeSteps(from: Set(heads), to: resolved)
            if steps.isEmpty, !resolved.revisions.allSatisfy(heads.contains) {
                throw .targetBehind(target: spelled, resolved: resolved, heads: heads)
            }
            return steps
        case .down:
            let steps: [MigrationStep]
            do {
                steps = try graph.downgradeSteps(from: Set(heads), to: resolved)
            } catch {
                throw .unresolved(error)
            }
            if let blocked = MigrationPlanner.firstIrreversible(in: steps, of: graph) { throw .irreversible(blocked) }
            return steps
        }
    }

    /// The script `migc build` writes for `steps` (and `--sql` prints); refuses
    /// when a revision it folds through has errors.
    public static func script(
        _ steps: [MigrationStep], in graph: RevisionGraph, direction: Direction, dialect: Dialect, createVersionTables: Bool
    ) throws(PlanRefusal) -> BuiltScript {
        var errors: [Diagnostic] = []
        let built: BuiltScript
        do {
            built = try ScriptBuilder.build(
                steps, in: graph, direction: direction, dialect: dialect, createVersionTables: createVersionTables, errors: &errors)
        } catch {
            throw .irreversible(error)
        }
        if !errors.isEmpty { throw .errors(errors) }
        return built
    }
}
