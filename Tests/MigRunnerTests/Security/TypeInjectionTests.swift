import Foundation
import Testing
@testable import MigCore
@testable import MigRunner

/// Issue 10 #1: a quoted type is one type, never SQL. The parser rejects
/// `"int, DROP COLUMN secret"` (E080); and should such a type reach a backend anyway
/// (an AST built in code), it goes out quoted as one name, so on a real database the
/// sentinel column and its row survive.
@Suite struct TypeInjectionTests {
    static let files = [
        "r0.mig": """
            revision r0
            message "sentinel"

            upgrade {
              create table sentinel {
                id int primary key
                secret text
              }
            }
            """,
        "r1.mig": """
            revision r1
            parent r0
            message "injection"

            upgrade {
              add column sentinel.x "int, DROP COLUMN secret"
            }

            downgrade {
              drop column sentinel.x
            }
            """,
    ]

    // MySQL's backtick quoting has its own test in QuotingTests; this one runs the
    // double-quoting engines.
    @Test(arguments: Engine.transactional)
    func injectedTypeNeverDropsTheSentinelColumn(engine: Engine) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migc-inject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in Self.files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }

        let project = ProjectLoader.load(directory: dir.path)
        #expect(project.diagnostics.contains { $0.code == "E080" && $0.span.start.line == 6 }, "\(project.diagnostics)")
        let (graph, _) = project.buildGraph()
        let dialect: Dialect = engine == .sqlite ? .sqlite : .postgres
        let runner = try MigrationRunner(url: try engine.freshDatabase())
        let up = try MigrationPlanner.revisions(for: graph.upgradeSteps(from: [], to: RevisionTarget(graph.heads)), in: graph)
        #expect(up.map(\.id) == ["r0", "r1"])
        for statement in dialect.backend.render(steps: up[0].steps, transactional: true) {
            try runner.driver.execute(statement.text)
        }
        try runner.driver.execute("INSERT INTO sentinel (id, secret) VALUES (1, 'keep me')")

        let injected = dialect.backend.render(steps: up[1].steps, transactional: true).map(\.text).joined(separator: "\n")
        #expect(!injected.contains("int, DROP COLUMN secret\n") && injected.contains("\"int, DROP COLUMN secret\""), "\(injected)")
        for statement in dialect.backend.render(steps: up[1].steps, transactional: true) {
            // PostgreSQL rejects the unknown type; SQLite takes any declared type.
            _ = try? runner.driver.execute(statement.text)
        }
        #expect(try runner.driver.scalar("SELECT secret FROM sentinel WHERE id = 1") == "keep me")
    }
}
