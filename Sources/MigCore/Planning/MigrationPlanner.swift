// From "these steps" (what the revision graph says to apply or undo) to "these
// checked revisions with their ops" (what a backend renders). `migc build`,
// `migc upgrade` and `migc downgrade` all go through here, which is why a script
// from `build` and `upgrade --sql` say the same thing the runner runs.

extension MigFile {
    /// SHA-256 of the revision's canonical text (`migc fmt` form), so reformatting a
    /// file is not an edit but changing what it says is.
    public var checksum: String { Checksum.sha256Hex(Printer.print(self)) }
}

/// A step that cannot be planned: undoing a revision that has no downgrade.
public struct CannotDowngrade: Error, Sendable, Hashable {
    public var id: String
    public var path: String
    /// Declared with `downgrade irreversible` (rather than a `sql` without `reverse`).
    public var declared: Bool
    /// Where the op without an inverse is, when that is the reason.
    public var statementSpan: SourceSpan?
}

public enum MigrationPlanner {
    /// The checked revisions for `steps`, in order. Throws the first irreversible
    /// revision when a downgrade step has no downgrade; nothing is planned then.
    public static func revisions(for steps: [MigrationStep], in graph: RevisionGraph) throws(CannotDowngrade) -> [ScriptRevision] {
        var checked: [String: CheckedRevision] = [:]
        Checker.fold(graph, order: steps.map(\.revision)) { checked[$0.id] = $0 }
        var out: [ScriptRevision] = []
        out.reserveCapacity(steps.count)
        for step in steps {
            guard let revision = checked[step.revision] else { continue }
            let opSteps: [OpStep]
            switch step.direction {
            case .up:
                opSteps = revision.upgrade
            case .down:
                guard let down = revision.downgrade else {
                    throw CannotDowngrade(
                        id: revision.id, path: revision.file.path, declared: revision.declaredIrreversible,
                        statementSpan: revision.irreversibleStatement?.span)
                }
                opSteps = down
            }
            out.append(ScriptRevision(
                id: revision.id, message: revision.file.header.message?.value ?? "", sourcePath: revision.file.path,
                transactional: !revision.file.header.runsOutsideTransaction, checksum: revision.file.checksum,
                steps: opSteps, headsRemoved: step.removedHeads, headsAdded: step.addedHeads))
        }
        return out
    }

    /// The first revision among `steps` that cannot be undone, without folding the
    /// schema (a cheap pre-check before taking locks).
    public static func firstIrreversible(in steps: [MigrationStep], of graph: RevisionGraph) -> CannotDowngrade? {
        for step in steps where step.direction == .down {
            guard let revision = graph.revisions[step.revision] else { continue }
            if case .irreversible = revision.file.downgrade {
                return CannotDowngrade(id: revision.id, path: revision.file.path, declared: true, statementSpan: nil)
            }
            if revision.file.downgrade == nil,
               let raw = revision.file.upgrade?.statements.first(where: { if case .sql(let s) = $0.operation { s.reverse == nil } else { false } }) {
                return CannotDowngrade(id: revision.id, path: revision.file.path, declared: false, statementSpan: raw.span)
            }
        }
        return nil
    }
}

/// A whole upgrade range from base as one unit: the final schema's DDL and the
/// revisions it stands for (see `MigrationPlanner.fold`).
public struct FoldedUpgrade: Sendable {
    public var statements: [SQLStatement]
    /// Every revision of the range, in order, with its checksum.
    public var revisions: [(id: String, checksum: String)]
    /// The version table afterwards.
    public var heads: [String]
}

extension MigrationPlanner {
    /// On an empty database, the range `steps` (all upgrades, from base) as the DDL of
    /// its final schema, the way Rails loads `schema.rb`. Only when every revision is
    /// plain schema ops the checker fully understands: a `sql` block's effects are
    /// invisible to the model, so such a range is replayed. Nil when it does not qualify.
    public static func fold(_ steps: [MigrationStep], in graph: RevisionGraph, dialect: Dialect) -> FoldedUpgrade? {
        guard steps.count > 1, steps.allSatisfy({ $0.direction == .up }), let last = steps.last else { return nil }
        var revisions: [(id: String, checksum: String)] = []
        revisions.reserveCapacity(steps.count)
        for step in steps {
            guard let file = graph.revisions[step.revision]?.file else { return nil }
            let opaque = file.upgrade?.statements.contains { if case .sql = $0.operation { true } else { false } } ?? false
            if opaque { return nil }
            revisions.append((step.revision, file.checksum))
        }
        let schema = Checker.schema(at: Set(last.headsAfter), in: graph)
        return FoldedUpgrade(statements: SchemaDDL.create(schema, dialect: dialect), revisions: revisions, heads: last.headsAfter)
    }
}
