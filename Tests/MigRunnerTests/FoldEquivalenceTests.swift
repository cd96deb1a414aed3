import Foundation
import MigCore
import Testing
@testable import MigRunner

/// A fresh database created from the folded final schema must be identical
/// (introspected) to one that replayed every revision, on both engines.
@Suite struct FoldEquivalenceTests {
    struct Case: CustomStringConvertible, Sendable {
        var history: String
        var engine: Engine
        var description: String { "\(history) on \(engine)" }
    }

    /// The examples plus a generated history (mixed ops: renames, alters, uniques, drops).
    static let histories = ["blog", "shop", "saas", "generated"]
    /// saas uses the postgres-only `"tsvector"` type on purpose: not on MySQL.
    static let cases = histories.flatMap { h in Engine.allCases.map { Case(history: h, engine: $0) } }
        .filter { !($0.engine == .mysql && $0.history == "saas") }

    static let generated: String = {
        let dir = NSTemporaryDirectory() + "migc-fold-\(UUID().uuidString)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ExecutionTests.repositoryRoot + "/bench/genhistory.py", "--revisions", "150", "--mixed", "--tables", "20", "--out", dir]
        process.standardOutput = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
        return dir
    }()

    static func graph(_ history: String) throws -> RevisionGraph {
        history == "generated" ? try load(generated) : try ExecutionTests.graph(history)
    }

    static func load(_ directory: String) throws -> RevisionGraph {
        let project = ProjectLoader.load(directory: directory)
        #expect(!project.diagnostics.hasErrors, "\(project.diagnostics.map(\.message).prefix(3))")
        let (graph, diagnostics) = project.buildGraph()
        #expect(!diagnostics.hasErrors)
        #expect(!Checker.check(graph, options: CheckOptions()).diagnostics.hasErrors)
        return graph
    }

    @Test(arguments: cases)
    func foldedEqualsReplayed(_ c: Case) throws {
        let graph = try Self.graph(c.history)
        #expect(graph.revisions.count >= 8)
        let steps = graph.upgradeSteps(from: [], to: RevisionTarget(graph.heads))
        let dialect = c.engine.dialect
        let hasSQL = graph.revisions.values.contains { r in
            r.file.upgrade?.statements.contains { $0.operation.isOpaqueToModel } ?? false
        }
        guard let fold = MigrationPlanner.fold(steps, in: graph, dialect: dialect) else {
            #expect(hasSQL, "only a history with sql blocks or data changes is replayed instead of folded")
            return
        }
        #expect(!hasSQL)

        let replayed = try MigrationRunner(url: try c.engine.freshDatabase())
        _ = try replayed.migrate(options: .init(transactionMode: .single)) { _ in
            try MigrationPlanner.revisions(for: steps, in: graph).map { PlannedRevision($0, direction: .up, dialect: dialect) }
        }
        let folded = try MigrationRunner(url: try c.engine.freshDatabase())
        let report = try folded.migrate(options: .init(transactionMode: .single)) { _ in [PlannedRevision(fold)] }

        let a = try Introspector.schema(of: replayed.driver)
        let b = try Introspector.schema(of: folded.driver)
        #expect(!a.tables.isEmpty)
        #expect(SchemaDiff.between(expected: a, actual: b).map(\.description) == [])
        #expect(Set(report.headsAfter) == Set(graph.heads))
        #expect(try folded.store.heads() == replayed.store.heads())
        #expect(try folded.store.history().map(\.revision) == replayed.store.history().map(\.revision))
    }
}
