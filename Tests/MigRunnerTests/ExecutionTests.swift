import Foundation
import MigCore
import Testing
@testable import MigRunner

/// Every example history, built for each engine and applied revision by revision
/// through the runner; after each revision the live database is introspected and
/// compared with the checker's model at that point; then everything is undone, one
/// revision at a time, down to an empty schema (or to the first revision that cannot
/// be undone, which must be one the checker calls irreversible).
@Suite struct ExecutionTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    /// Histories by path under the repository: the examples, and every backend SQL
    /// fixture (each a small history exercising one kind of op).
    static let histories: [String] = ["examples/blog", "examples/saas", "examples/shop", "Tests/Fixtures/runner/basic"]
        + ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Tests/Fixtures/sql")) ?? [])
            .filter { !$0.hasSuffix(".sql") }.sorted().map { "Tests/Fixtures/sql/" + $0 }

    struct Case: CustomStringConvertible, Sendable {
        var example: String
        var engine: Engine
        var description: String { "\(example) on \(engine)" }
    }

    /// Histories that cannot run on MySQL: saas and the create_table fixture use the
    /// postgres-only `"tsvector"` type on purpose.
    /// MariaDB has no expression index keys (ExpressionKeyExecutionTests checks it refuses them).
    static let notOnMySQL: Set<String> = ["examples/saas", "Tests/Fixtures/sql/create_table", "Tests/Fixtures/sql/expression_index"]

    static let cases: [Case] = histories.flatMap { example in Engine.allCases.map { Case(example: example, engine: $0) } }
        .filter { !($0.engine == .mysql && notOnMySQL.contains($0.example)) }

    /// `example` is a path under the repository, or an example's name (`blog`).
    static func graph(_ example: String) throws -> RevisionGraph {
        let project = ProjectLoader.load(directory: repositoryRoot + "/" + (example.contains("/") ? example : "examples/" + example))
        #expect(!project.diagnostics.hasErrors, "\(project.diagnostics.map(\.message))")
        let (graph, diagnostics) = RevisionGraph.build(project.files)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
        return graph
    }

    /// Runs one step through the runner, as `migc upgrade`/`downgrade` would.
    static func run(_ step: MigrationStep, graph: RevisionGraph, runner: MigrationRunner) throws -> [String] {
        let dialect = runner.driver.dialect
        let report = try runner.migrate(options: .init(transactionMode: .perRevision), plan: { heads in
            try MigrationPlanner.revisions(for: [step], in: graph).map {
                PlannedRevision($0, direction: step.direction == .up ? .up : .down, dialect: dialect)
            }
        })
        return report.headsAfter
    }

    static func drift(_ runner: MigrationRunner, graph: RevisionGraph, heads: [String]) throws -> [String] {
        let expected = Checker.schema(at: Set(heads), in: graph)
        let actual = try Introspector.schema(of: runner.driver)
        return SchemaComparison.differences(expected: expected, actual: actual, dialect: runner.driver.dialect).map(\.description)
    }

    @Test(arguments: cases)
    func upgradeThenDowngradeRevisionByRevision(_ c: Case) throws {
        let graph = try Self.graph(c.example)
        let runner = try MigrationRunner(url: try c.engine.freshDatabase())
        var heads: [String] = []
        let upgrade = graph.upgradeSteps(from: [], to: RevisionTarget(graph.heads))
        #expect(upgrade.count == graph.revisions.count)
        for step in upgrade {
            heads = try Self.run(step, graph: graph, runner: runner)
            #expect(heads == step.headsAfter)
            let drift = try Self.drift(runner, graph: graph, heads: heads)
            #expect(drift.isEmpty, "after applying \(step.revision): \(drift)")
        }
        #expect(Set(heads) == Set(graph.heads))
        #expect(try runner.store.history().count == graph.revisions.count)
        // The comparison sees a difference when there is one.
        let live = try Introspector.schema(of: runner.driver)
        #expect(SchemaComparison.differences(expected: .empty, actual: live, dialect: runner.driver.dialect).count == live.tables.count + live.indexes.count + live.views.count + (runner.driver.dialect == .postgres ? live.enums.count : 0))

        for step in try graph.downgradeSteps(from: Set(heads), to: .base) {
            do {
                heads = try Self.run(step, graph: graph, runner: runner)
            } catch let error as CannotDowngrade {
                #expect(Checker.check(graph, options: CheckOptions()).irreversible.contains(error.id))
                #expect(try runner.store.heads() == heads, "nothing changes when a downgrade is refused")
                #expect(c.example == "examples/saas", "only saas has an irreversible revision")
                return
            }
            #expect(heads == step.headsAfter)
            let drift = try Self.drift(runner, graph: graph, heads: heads)
            #expect(drift.isEmpty, "after undoing \(step.revision): \(drift)")
        }
        #expect(heads.isEmpty)
        #expect(try Introspector.schema(of: runner.driver) == Schema())
    }
}
