import Foundation
import Testing
@testable import MigCore

/// Golden SQL for every case under `Fixtures/sql/<case>/` (a small revision history):
/// the whole upgrade script from base, then the whole downgrade script back to base,
/// in `<case>.<dialect>.sql`. The SQLite scripts also run through the sqlite3 shell.
@Suite struct SQLFixtureTests {
    static let cases: [URL] = {
        let root = Golden.fixtures.appendingPathComponent("sql")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { root.appendingPathComponent($0) }.filter { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }()

    static var caseNames: [String] { cases.map(\.lastPathComponent) }

    @Test(arguments: caseNames)
    func goldenScripts(_ name: String) throws {
        let history = try FixtureHistory(Golden.fixtures.appendingPathComponent("sql/\(name)"))
        for dialect in Dialect.allCases {
            let up = history.script(history.upgrade, .up, dialect, fromBase: true)
            let down = history.script(history.downgrade, .down, dialect, fromBase: false)
            Golden.check(up.text + down.text, against: history.directory, suffix: ".\(dialect.rawValue).sql")
            if dialect == .mysql { #expect(up.diagnostics.contains { $0.code == DiagnosticCode.mysqlNotTransactional }) }
        }
    }

    /// Runs the setup revisions, counts rows, runs the last revision (where the
    /// rebuilds are), checks every row survived, then downgrades to base.
    @Test(arguments: caseNames)
    func sqliteScriptsRunAndKeepRows(_ name: String) throws {
        let history = try FixtureHistory(Golden.fixtures.appendingPathComponent("sql/\(name)"))
        let shell = try SQLiteShell()
        defer { shell.remove() }
        // A sentinel the hostile names and defaults try to drop.
        try shell.run("CREATE TABLE x (id INTEGER); INSERT INTO x VALUES (1);")
        let setup = Array(history.upgrade.dropLast())
        if !setup.isEmpty { try shell.run(history.script(setup, .up, .sqlite, fromBase: true).text) }
        let tables = history.schema(after: setup.count).tables.keys.sorted()
        let before = try tables.map { try shell.count($0) }
        try shell.run(history.script(Array(history.upgrade.suffix(1)), .up, .sqlite, fromBase: setup.isEmpty).text)
        let final = history.schema(after: history.upgrade.count)
        for (table, rows) in zip(tables, before) where final.tables[table] != nil {
            #expect(try shell.count(table) == rows, "rows of `\(table)` after the last revision")
        }
        #expect(try shell.query("SELECT revision FROM migc_version") == history.heads)
        try shell.run(history.script(history.downgrade, .down, .sqlite, fromBase: false).text)
        #expect(try shell.query("SELECT count(*) FROM migc_version") == ["0"])
        #expect(try shell.count("x") == 1, "the sentinel table survived")
        let left = try shell.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'migc_%' AND name NOT IN ('sqlite_sequence', 'x')")
        #expect(left.isEmpty, "tables left after downgrading to base: \(left)")
    }
}

/// A fixture directory loaded, graphed and checked, as script input.
struct FixtureHistory {
    let directory: URL
    let graph: RevisionGraph
    let upgrade: [ScriptRevision]
    let downgrade: [ScriptRevision]
    let heads: [String]

    init(_ directory: URL) throws {
        self.directory = directory
        let project = ProjectLoader.load(directory: directory.path)
        let (graph, graphDiagnostics) = project.buildGraph()
        let report = Checker.check(graph, options: CheckOptions())
        let errors = (graphDiagnostics + report.diagnostics).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(directory.lastPathComponent): \(errors.map { "\($0.span): \($0.message)" })")
        self.graph = graph
        heads = graph.heads
        // Paths relative to Fixtures/, and a fixed checksum so goldens do not follow the printer.
        func normalized(_ r: ScriptRevision) -> ScriptRevision {
            var r = r
            r.sourcePath = Golden.relativePath(URL(fileURLWithPath: r.sourcePath))
            r.checksum = "test"
            return r
        }
        upgrade = try MigrationPlanner.revisions(for: graph.upgradeSteps(from: [], to: RevisionTarget(graph.heads)), in: graph).map(normalized)
        downgrade = try MigrationPlanner.revisions(for: graph.downgradeSteps(from: Set(graph.heads), to: .base), in: graph).map(normalized)
    }

    /// The schema after the first `count` upgrade revisions.
    func schema(after count: Int) -> Schema {
        count == 0 ? .empty : Checker.schema(at: [upgrade[count - 1].id], in: graph)
    }

    func script(_ revisions: [ScriptRevision], _ direction: Direction, _ dialect: Dialect, fromBase: Bool) -> BuiltScript {
        ScriptBuilder.build(revisions, direction: direction, dialect: dialect, createVersionTables: fromBase)
    }
}
