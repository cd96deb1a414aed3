import Foundation
import MigCore

/// One step of a revision's round trip, with what it took.
public struct RoundTripStep: Sendable {
    public enum Kind: String, Sendable {
        case fill, before, upgrade, after, downgrade, reupgrade = "upgrade again"
    }
    public var kind: Kind
    public var durationMs: Int
}

/// Why a revision's round trip failed, located where migc can: the `.mig` line of
/// the op that failed, or the fixture line whose expectation did not hold.
public struct RoundTripFailure: Error, Sendable {
    public var step: RoundTripStep.Kind
    public var message: String
    public var location: SourceSpan?
    public var fixture: FixtureError?
}

/// The outcome of `migc test` for one revision.
public struct RevisionRoundTrip: Sendable {
    public var revision: String
    public var message: String
    public var steps: [RoundTripStep] = []
    public var fills: [TableFill] = []
    /// The revision has no downgrade: only its upgrade was tested.
    public var irreversible = false
    public var failure: RoundTripFailure?
    public var durationMs: Int { steps.reduce(0) { $0 + $1.durationMs } }
}

/// `migc test`: for each revision, fill the tables, run the fixture's `before`,
/// upgrade, compare with the model, run `after`, downgrade, compare, upgrade again,
/// compare. Revisions run in topological order on one scratch database, so each
/// starts from the schema (and rows) its parents left.
public struct RoundTrip {
    public struct Options: Sendable {
        public var rows: Int
        public var seed: UInt64
        public var keepGoing: Bool
        public var transactionMode: TransactionMode
        public init(rows: Int, seed: UInt64, keepGoing: Bool, transactionMode: TransactionMode) {
            self.rows = rows
            self.seed = seed
            self.keepGoing = keepGoing
            self.transactionMode = transactionMode
        }
    }

    public let migrator: Migrator
    public let options: Options
    private var generator: RowGenerator
    private var heads: [String] = []
    private var graph: RevisionGraph { migrator.graph }

    public init(migrator: Migrator, options: Options) {
        self.migrator = migrator
        self.options = options
        generator = RowGenerator(seed: options.seed, rowsPerTable: options.rows)
        // A throwaway file: no fsync per commit (a crash loses nothing of value).
        if migrator.dialect == .sqlite { try? migrator.driver.execute("PRAGMA synchronous = OFF") }
    }

    private var migratorOptions: Migrator.Options {
        Migrator.Options(transactionMode: options.transactionMode, lockTimeout: 30, fold: false)
    }

    /// Tests `revisions` (in topological order); `report` is called after each.
    /// Stops after the first failure unless `keepGoing`.
    public mutating func run(_ revisions: [String], report: (RevisionRoundTrip, Int) -> Void) throws -> [RevisionRoundTrip] {
        var results: [RevisionRoundTrip] = []
        for (index, id) in graph.inTopologicalOrder(revisions).enumerated() {
            let result = try test(id)
            results.append(result)
            report(result, index)
            if result.failure != nil, !options.keepGoing { break }
        }
        return results
    }

    private mutating func test(_ id: String) throws -> RevisionRoundTrip {
        let revision = graph.revisions[id]!
        var result = RevisionRoundTrip(revision: id, message: revision.message)
        do {
            try prepare(for: revision)
            try roundTrip(revision, into: &result)
        } catch let failure as RoundTripFailure {
            result.failure = failure
        }
        return result
    }

    /// Brings the database to the revision's parents (a range that starts later, or
    /// a revision after a failed one under --keep-going).
    private mutating func prepare(for revision: RevisionGraph.Revision) throws {
        let needed = RevisionTarget(graph.minimalHeads(heads + revision.parents + revision.depends))
        guard !graph.upgradePath(from: Set(heads), to: needed).isEmpty else { return }
        do {
            heads = try migrator.move(.up, from: heads, to: needed, options: migratorOptions).headsAfter
        } catch {
            throw RoundTripFailure(step: .upgrade, message: "cannot reach the revision's parents: \(Self.describe(error))")
        }
    }

    private mutating func roundTrip(_ revision: RevisionGraph.Revision, into result: inout RevisionRoundTrip) throws(RoundTripFailure) {
        let fixture: FixtureScript?
        do {
            fixture = try FixtureScript.load(revision: revision.id, directory: migrator.project.directory)
        } catch let error as FixtureError {
            throw RoundTripFailure(step: .before, message: error.message, fixture: error)
        } catch {
            throw RoundTripFailure(step: .before, message: "cannot read the fixture: \(error)")
        }
        let before = heads
        let upTarget = RevisionTarget(graph.minimalHeads(heads + [revision.id]))

        // Folded once per revision: the fill, the comparisons and the type check share them.
        let schemaBefore = Checker.schema(at: Set(before), in: graph)
        let schemaAfter = Checker.schema(at: Set(upTarget.revisions), in: graph)
        var clock = Clock()
        result.fills = generator.fill(schemaBefore, driver: migrator.driver)
        result.steps.append(clock.lap(.fill))
        if let fixture, !fixture.before.isEmpty {
            if let error = fixture.run(fixture.before, driver: migrator.driver) {
                throw RoundTripFailure(step: .before, message: error.message, fixture: error)
            }
            result.steps.append(clock.lap(.before))
        }

        try move(.up, to: upTarget, expecting: schemaAfter, step: .upgrade, clock: &clock, into: &result)
        if let fixture, !fixture.after.isEmpty {
            if let error = fixture.run(fixture.after, driver: migrator.driver) {
                throw RoundTripFailure(step: .after, message: error.message, fixture: error)
            }
            result.steps.append(clock.lap(.after))
        }
        if MigrationPlanner.firstIrreversible(in: (try? graph.downgradeSteps(from: Set(heads), to: RevisionTarget(before))) ?? [], of: graph) != nil {
            result.irreversible = true
            return
        }
        try move(.down, to: RevisionTarget(before), expecting: schemaBefore, step: .downgrade, clock: &clock, into: &result)
        try move(.up, to: upTarget, expecting: schemaAfter, step: .reupgrade, clock: &clock, into: &result)
        if let fixture, let error = fixture.run(fixture.after, driver: migrator.driver, expectationsOnly: true) {
            throw RoundTripFailure(step: .reupgrade, message: error.message, fixture: error)
        }
    }

    /// One move and the comparison of the live schema with the model after it.
    private mutating func move(
        _ direction: Direction, to target: RevisionTarget, expecting model: Schema, step: RoundTripStep.Kind, clock: inout Clock,
        into result: inout RevisionRoundTrip
    ) throws(RoundTripFailure) {
        do {
            heads = try migrator.move(direction, from: heads, to: target, options: migratorOptions).headsAfter
        } catch let failure as RunFailure {
            heads = (try? migrator.appliedHeads()) ?? heads
            throw RoundTripFailure(step: step, message: Self.describe(failure), location: failure.statement?.origin)
        } catch {
            throw RoundTripFailure(step: step, message: Self.describe(error))
        }
        result.steps.append(clock.lap(step))
        if Set(heads) != Set(target.revisions) {
            throw RoundTripFailure(step: step, message: "the version table holds \(heads.sorted()) instead of \(target.revisions)")
        }
        let differences: [SchemaDifference]
        do {
            differences = try migrator.differences(expected: model, heads: heads)
        } catch {
            throw RoundTripFailure(step: step, message: "cannot introspect the database: \(error)")
        }
        if !differences.isEmpty {
            let list = differences.map { "  table `\($0.table)`: \($0)" }.joined(separator: "\n")
            throw RoundTripFailure(step: step, message: "the schema differs from the model after the \(step.rawValue):\n\(list)")
        }
        let misfits: [String]
        do {
            misfits = try SQLiteTypeFit.misfits(model, driver: migrator.driver)
        } catch {
            throw RoundTripFailure(step: step, message: "cannot read the rows back: \(error)")
        }
        if !misfits.isEmpty {
            throw RoundTripFailure(step: step, message: "after the \(step.rawValue), \(misfits.joined(separator: "; "))")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let failure = error as? RunFailure {
            var text = failure.error.description
            if let statement = failure.statement?.text { text += "\n  statement: \(statement)" }
            return text
        }
        if let refusal = error as? MigrationRefusal {
            switch refusal {
            case .plan(.irreversible(let blocked)): return "revision \(blocked.id) has no downgrade"
            case .plan(.errors(let diagnostics)): return diagnostics.map(\.message).joined(separator: "; ")
            case .plan(let other): return "\(other)"
            case .edited(let ids): return "edited revisions: \(ids.joined(separator: ", "))"
            case .unknownRevisions(let ids): return "unknown revisions: \(ids.joined(separator: ", "))"
            }
        }
        return "\(error)"
    }

    /// Milliseconds since the last lap.
    struct Clock {
        private var last = DispatchTime.now().uptimeNanoseconds
        mutating func lap(_ kind: RoundTripStep.Kind) -> RoundTripStep {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { last = now }
            return RoundTripStep(kind: kind, durationMs: Int((now - last) / 1_000_000))
        }
    }
}
