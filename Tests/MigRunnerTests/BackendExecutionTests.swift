import Foundation
import Testing
@testable import MigCore
@testable import MigRunner

/// Every `Tests/Fixtures/sql` case rendered by the backends and executed on real
/// engines through the runner's drivers, statement by statement: upgrade to the
/// heads (rows inserted by the setup revisions survive), then downgrade to base.
@Suite struct BackendExecutionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sql")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.contains(".") }.sorted()
    }

    @Test(arguments: Engine.allCases, cases)
    func upgradeAndDowngradeRun(engine: Engine, name: String) throws {
        // create_table uses the postgres-only `"tsvector"` type on purpose.
        if engine == .mysql && name == "create_table" { return }
        // MariaDB has no expression index keys (ViewExecutionTests checks it refuses them).
        if engine == .mysql && name == "expression_index" { return }
        let project = ProjectLoader.load(directory: Self.root.appendingPathComponent(name).path)
        let (graph, _) = project.buildGraph()
        let dialect = engine.dialect
        let runner = try MigrationRunner(url: try engine.freshDatabase())
        let up = try MigrationPlanner.revisions(for: graph.upgradeSteps(from: [], to: RevisionTarget(graph.heads)), in: graph)
        var counts: [String: Int] = [:]
        for revision in up {
            for statement in dialect.backend.render(steps: revision.steps, transactional: revision.transactional) {
                try runner.driver.execute(statement.text)
            }
            for table in revision.steps.last?.after.tables.keys.sorted() ?? [] {
                let quoted = dialect.backend.quote(table)
                let rows = Int(try runner.driver.scalar("SELECT count(*) FROM \(quoted)") ?? "") ?? -1
                if let before = counts[table], revision.id == up.last?.id {
                    #expect(rows == before, "rows of `\(table)` after \(revision.id)")
                }
                counts[table] = rows
            }
        }
        let down = try MigrationPlanner.revisions(for: graph.downgradeSteps(from: Set(graph.heads), to: .base), in: graph)
        for revision in down {
            for statement in dialect.backend.render(steps: revision.steps, transactional: revision.transactional) {
                try runner.driver.execute(statement.text)
            }
        }
        let left = try Introspector.schema(of: runner.driver).tables.keys.sorted()
        #expect(left.isEmpty, "tables left after downgrading \(name) to base: \(left)")
    }
}
