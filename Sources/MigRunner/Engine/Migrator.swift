import Foundation
import MigCore

/// Why the migrator refused a run before changing anything.
public enum MigrationRefusal: Error, Sendable {
    /// The version table names revisions no file defines: that database was
    /// migrated from other files, and guessing would lose data.
    case unknownRevisions([String])
    /// Applied revisions whose file changed since they were applied.
    case edited([String])
    /// The range cannot be planned (bad target, irreversible revision, errors).
    case plan(PlanRefusal)
}

/// One project against one database: the single owner of a run, in this order:
/// take the lock → read the version table → refuse unknown revisions and edited
/// files → plan from the applied heads (a fold on an empty database, else a replay)
/// → apply each revision with its version rows → report. Commands parse options,
/// call this, and render what it returns or throws.
public final class Migrator {
    public let project: Project
    public let url: DatabaseURL
    let runner: MigrationRunner

    public var dialect: Dialect { url.dialect }
    public var graph: RevisionGraph { project.graph }
    /// The open connection (for commands that also read the schema).
    public var driver: any DatabaseDriver { runner.driver }

    public struct Options: Sendable {
        public var transactionMode: TransactionMode
        /// Seconds to wait for another migc's lock (and SQLite's write lock).
        public var lockTimeout: Double
        /// Run although applied revisions were edited (recorded in migc_history).
        public var allowEdited: Bool
        /// On an empty database, create the final schema at once instead of replaying.
        public var fold: Bool
        /// MySQL/MariaDB: undo what a revision that stopped half-way ran, instead of
        /// resuming it.
        public var undoPartial: Bool
        /// Lock and statement timeouts per revision, and retries after a lock timeout.
        public var timeouts = RunTimeouts()

        public init(transactionMode: TransactionMode, lockTimeout: Double = 30, allowEdited: Bool = false, fold: Bool = true, undoPartial: Bool = false) {
            self.transactionMode = transactionMode
            self.lockTimeout = lockTimeout
            self.allowEdited = allowEdited
            self.fold = fold
            self.undoPartial = undoPartial
        }
    }

    public init(project: Project, url: DatabaseURL, lockTimeout: Double = 30) throws(DatabaseError) {
        self.project = project
        self.url = url
        self.runner = try MigrationRunner(url: url, lockTimeout: lockTimeout)
    }

    // MARK: Reading

    /// The applied heads, read without the lock (empty when migc never ran here).
    public func appliedHeads() throws(DatabaseError) -> [String] {
        try runner.store.heads()
    }

    /// Throws when `heads` names revisions no file defines.
    public func verifyKnown(_ heads: [String]) throws(MigrationRefusal) {
        let unknown = graph.unknownRevisions(in: heads)
        if !unknown.isEmpty { throw .unknownRevisions(unknown) }
    }

    /// Applied revisions whose file changed since they were applied (checksum of
    /// the canonical text differs from the one recorded).
    public func editedRevisions(_ heads: [String]) throws -> [String] {
        let applied = graph.closure(of: heads)
        let recorded = try runner.store.appliedChecksums()
        return applied.filter { id in
            guard let was = recorded[id], let file = graph.revisions[id]?.file else { return false }
            return was != file.checksum
        }.sorted()
    }

    /// Compares the live schema with the model at the applied heads (`migc check`):
    /// the heads read, and every difference, table by table.
    public func drift() throws -> (heads: [String], differences: [SchemaDifference]) {
        let heads = try appliedHeads().map { squashEquivalent($0) ?? $0 }
        try refuseHalfSquashed(heads)
        try verifyKnown(heads)
        try refuseConflictingHeads(heads)
        return (heads, try differences(at: heads))
    }

    /// Every difference between the live schema and the model at `heads`.
    public func differences(at heads: [String]) throws -> [SchemaDifference] {
        try differences(expected: Checker.schema(at: Set(heads), in: graph), heads: heads)
    }

    /// Every difference between the live schema and `model` (already folded). Objects
    /// an applied `sql` block of `heads` creates and its `reverse` drops are not drift.
    public func differences(expected model: Schema, heads: [String] = []) throws -> [SchemaDifference] {
        let expected = try Introspector.canonicalTypes(model, for: driver)
        let actual = withoutSQLDeclared(try Introspector.schema(of: driver), expected: expected, at: heads)
        // Triggers join their table's differences (a stable sort: the order within a table stays).
        let differences = (SchemaComparison.differences(expected: expected, actual: actual, dialect: dialect) + (try undeclaredTriggerDrift(at: heads)))
            .enumerated().sorted { ($0.element.table, $0.offset) < ($1.element.table, $1.offset) }.map(\.element)
        return differences
    }

    // MARK: Running

    /// Applies revisions up to `target` (a specifier: `head`, `heads`, `+N`, an id...).
    public func upgrade(to target: String, options: Options, progress: (RunReport.Applied) -> Void = { _ in }) throws -> RunReport {
        try catchUpReplaced(options: options, runOriginals: true, progress: progress)
        return try run(.up, to: target, options: options, progress: progress)
    }

    /// Undoes revisions down to `target` (`-N`, an id, `base`).
    public func downgrade(to target: String, options: Options, progress: (RunReport.Applied) -> Void = { _ in }) throws -> RunReport {
        try catchUpReplaced(options: options, runOriginals: false, progress: progress)
        return try run(.down, to: target, options: options, progress: progress)
    }

    private func run(_ direction: Direction, to target: String, options: Options, progress: (RunReport.Applied) -> Void) throws -> RunReport {
        let runnerOptions = MigrationRunner.Options(
            transactionMode: options.transactionMode, lockTimeout: options.lockTimeout, undoPartial: options.undoPartial,
            timeouts: options.timeouts)
        return try runner.migrate(options: runnerOptions, plan: { heads in
            try self.plan(direction, to: target, from: heads, options: options)
        }, progress: progress)
    }

    /// Runs under the lock: verifies the version table, then plans from it.
    private func plan(_ direction: Direction, to target: String, from applied: [String], options: Options) throws -> [PlannedRevision] {
        try verifyKnown(applied)
        let heads = try normalisedHeads(applied)
        if direction == .up, let resolved = try? graph.resolve(target, current: Set(heads)) {
            try refuseConflictingHeads(heads + resolved.revisions)
        }
        let edited = try editedRevisions(heads)
        if !edited.isEmpty, !options.allowEdited { throw MigrationRefusal.edited(edited) }
        try runner.store.acceptEdits(edited.map { ($0, graph.revisions[$0]?.file.checksum) })
        let steps: [MigrationStep]
        do {
            steps = try RangePlanner.steps(direction, to: target, from: heads, in: graph)
        } catch {
            throw MigrationRefusal.plan(error)
        }
        var errors: [Diagnostic] = []
        if options.fold, heads.isEmpty, let folded = MigrationPlanner.fold(steps, in: graph, dialect: dialect, errors: &errors) {
            if !errors.isEmpty { throw MigrationRefusal.plan(.errors(errors)) }
            return [PlannedRevision(folded)]
        }
        let note = edited.isEmpty ? nil : "--allow-edited: \(edited.joined(separator: ", ")) edited since applied"
        return try render(steps, direction: direction, note: note)
    }

    /// The planned revisions of `steps`, refused when one has errors or no downgrade.
    func render(_ steps: [MigrationStep], direction: Direction, note: String?) throws -> [PlannedRevision] {
        var errors: [Diagnostic] = []
        let planned: [PlannedRevision]
        do {
            planned = try MigrationPlanner.render(steps, in: graph, errors: &errors) {
                PlannedRevision($0, direction: direction, dialect: self.dialect, note: note)
            }
        } catch {
            throw MigrationRefusal.plan(.irreversible(error))
        }
        if !errors.isEmpty { throw MigrationRefusal.plan(.errors(errors)) }
        return planned
    }

    /// Sets the version table to the revisions `specs` name, without running any
    /// migration (`migc stamp`).
    public func stamp(_ specs: [String], lockTimeout: Double) throws -> (before: [String], after: [String]) {
        try runner.stamp(options: .init(transactionMode: .perRevision, lockTimeout: lockTimeout)) { current in
            var ids: [String] = []
            for spec in specs {
                do {
                    ids += try self.graph.resolve(spec, current: Set(current)).revisions
                } catch let error as RevisionError {
                    throw MigrationRefusal.plan(.unresolved(error))
                }
            }
            let after = self.graph.minimalHeads(ids)
            try self.refuseConflictingHeads(after)
            return after
        }
    }
}

extension DatabaseURL {
    /// A SQLite file that does not exist yet: a database at base. Read-only commands
    /// (`current`, `--sql`) say so without creating the file.
    public var isMissingSQLiteFile: Bool {
        guard case .sqlite(.file(let path)) = target else { return false }
        return !FileManager.default.fileExists(atPath: path)
    }
}
