// From "these steps" (what the revision graph says to apply or undo) to "these
// checked revisions with their ops" (what a backend renders). `migc build`,
// `migc upgrade` and `migc downgrade` all go through here, which is why a script
// from `build` and `upgrade --sql` say the same thing the runner runs.

/// A step that cannot be planned: undoing a revision that has no downgrade.
public struct CannotDowngrade: Error, Sendable, Hashable {
    public var id: String
    public var path: String
    /// Declared with `downgrade irreversible` (rather than a `sql` without `reverse`).
    public var declared: Bool
    /// Where the op without an inverse is, when that is the reason.
    public var statementSpan: SourceSpan?
    /// That op, for saying why it has none (nil: a `sql` block).
    public var operation: Operation? = nil

    /// The MIG101 error, at the op without an inverse or else the revision's file.
    /// `action` says what was refused ("downgrade", "build a downgrade").
    public func diagnostic(action: String, help: String, headerSpan: SourceSpan? = nil) -> Diagnostic {
        let why = declared ? "it says `downgrade irreversible`"
            : (operation ?? .sql(RawSQL(text: StringLiteral("")))).missingInverseReason + " and no downgrade block is written"
        let fallback = headerSpan ?? SourceSpan(file: path, start: SourceSpan.synthesized.start, end: SourceSpan.synthesized.end)
        var diagnostic = Diagnostic.error(
            "cannot \(action) past revision \(id): \(why)", at: statementSpan ?? fallback, code: .irreversibleRevision, help: help)
        if statementSpan == nil, headerSpan != nil { diagnostic.label = "irreversible" }
        return diagnostic
    }
}

public enum MigrationPlanner {
    /// Each step's script input turned into `T` by `transform`, in step order.
    ///
    /// Streams: the schema is folded in topological order (even for a downgrade
    /// path) and each checked revision is handed to `transform` and dropped, so
    /// only the `T`s are kept, never a schema per op of the range. Throws the first
    /// irreversible revision when a downgrade step has no downgrade.
    public static func render<T>(
        _ steps: [MigrationStep], in graph: RevisionGraph, _ transform: (ScriptRevision) -> T
    ) throws(CannotDowngrade) -> [T] {
        var ignored: [Diagnostic] = []
        return try render(steps, in: graph, errors: &ignored, transform)
    }

    /// `render`, collecting the error diagnostics of the revisions it folds into
    /// `errors` (so a runner can refuse a range with errors without checking twice).
    public static func render<T>(
        _ steps: [MigrationStep], in graph: RevisionGraph, errors: inout [Diagnostic], _ transform: (ScriptRevision) -> T
    ) throws(CannotDowngrade) -> [T] {
        let byID = Dictionary(steps.map { ($0.revision, $0) }, uniquingKeysWith: { first, _ in first })
        let order = steps.map(\.revision).sorted { (graph.topologicalIndex[$0] ?? 0) < (graph.topologicalIndex[$1] ?? 0) }
        var results: [String: T] = [:]
        var failure: CannotDowngrade?
        var found: [Diagnostic] = []
        Checker.fold(graph, order: order) { revision, diagnostics in
            found += diagnostics.filter { $0.severity == .error }
            guard failure == nil, let step = byID[revision.id] else { return }
            guard let input = ScriptRevision(revision, step: step, checksum: revision.file.checksum) else {
                failure = CannotDowngrade(
                    id: revision.id, path: revision.file.path, declared: revision.declaredIrreversible,
                    statementSpan: revision.irreversibleStatement?.span, operation: revision.irreversibleStatement?.operation)
                return
            }
            results[revision.id] = transform(input)
        }
        errors += found
        if let failure { throw failure }
        return steps.compactMap { results[$0.revision] }
    }

    /// The script inputs for `steps`, in order (keeps every op's schemas: for tests
    /// and small ranges; commands use `render`).
    public static func revisions(for steps: [MigrationStep], in graph: RevisionGraph) throws(CannotDowngrade) -> [ScriptRevision] {
        try render(steps, in: graph) { $0 }
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
               let raw = revision.file.upgrade?.statements.first(where: { $0.operation.lacksWrittenInverse }) {
                return CannotDowngrade(id: revision.id, path: revision.file.path, declared: false, statementSpan: raw.span, operation: raw.operation)
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
    /// invisible to the model, and data changes add rows, so such a range is replayed. Nil when it does not qualify.
    public static func fold(_ steps: [MigrationStep], in graph: RevisionGraph, dialect: Dialect) -> FoldedUpgrade? {
        var ignored: [Diagnostic] = []
        return fold(steps, in: graph, dialect: dialect, errors: &ignored)
    }

    /// `fold`, checking every revision of the range on the way and collecting the
    /// error diagnostics into `errors` (the caller refuses to run when there are any).
    public static func fold(_ steps: [MigrationStep], in graph: RevisionGraph, dialect: Dialect, errors: inout [Diagnostic]) -> FoldedUpgrade? {
        guard steps.count > 1, steps.allSatisfy({ $0.direction == .up }), let last = steps.last else { return nil }
        var revisions: [(id: String, checksum: String)] = []
        revisions.reserveCapacity(steps.count)
        for step in steps {
            guard let file = graph.revisions[step.revision]?.file else { return nil }
            let opaque = file.upgrade?.statements.contains { $0.operation.isOpaqueToModel } ?? false
            if opaque { return nil }
            revisions.append((step.revision, file.checksum))
        }
        let heads = Set(last.headsAfter)
        var finals: [String: Schema] = [:]
        var found: [Diagnostic] = []
        Checker.fold(graph, order: steps.map(\.revision)) { revision, diagnostics in
            found += diagnostics.filter { $0.severity == .error }
            if heads.contains(revision.id) { finals[revision.id] = revision.after }
        }
        errors += found
        let schema = heads.count == 1 ? finals[last.headsAfter[0]] ?? Checker.schema(at: heads, in: graph) : Checker.schema(at: heads, in: graph)
        return FoldedUpgrade(statements: SchemaDDL.create(schema, dialect: dialect), revisions: revisions, heads: last.headsAfter)
    }
}

extension ScriptBuilder {
    /// The whole script for `steps` (what `migc build` writes and `--sql` prints),
    /// rendered revision by revision as the schema folds.
    /// The error diagnostics of the revisions it folds go to `errors`: a caller
    /// that finds any writes nothing.
    public static func build(
        _ steps: [MigrationStep], in graph: RevisionGraph, direction: Direction, dialect: Dialect, createVersionTables: Bool,
        errors: inout [Diagnostic]
    ) throws(CannotDowngrade) -> BuiltScript {
        let sections = try MigrationPlanner.render(steps, in: graph, errors: &errors) { section($0, direction: direction, dialect: dialect) }
        var script = BuiltScript(
            text: preamble(revisionCount: steps.count, direction: direction, dialect: dialect, createVersionTables: createVersionTables),
            diagnostics: [])
        if dialect == .mysql, let first = steps.first, let file = graph.revisions[first.revision]?.file {
            script.diagnostics.append(mysqlWarning(file.path))
        }
        for section in sections {
            script.text += section.text
            script.diagnostics += section.diagnostics
        }
        return script
    }
}
