import Foundation
import Testing

/// `migc graph` end to end: golden pictures next to their inputs
/// (`Tests/Fixtures/graph/<dir>/<case>.<kind>`; MIGC_RECORD=1 re-records them).
@Suite struct GraphPictureTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/graph")

    static let cases: [(input: String, arguments: [String], golden: String)] = [
        ("ok/diamond", ["--format", "mermaid"], "ok/diamond.mmd"),
        ("ok/diamond", ["--format", "dot"], "ok/diamond.dot"),
        ("ok/depends", ["--format", "mermaid"], "ok/depends.mmd"),
        ("pictures/store", ["--format", "mermaid"], "pictures/store.mmd"),
        ("pictures/store", ["--format", "dot"], "pictures/store.dot"),
        ("pictures/store", ["--schema", "--format", "mermaid"], "pictures/store.schema.mmd"),
        ("pictures/store", ["--schema", "--format", "dot"], "pictures/store.schema.dot"),
        ("pictures/store", ["--schema", "5a0000000003", "--format", "mermaid"], "pictures/store.orders.schema.mmd"),
    ]

    @Test(arguments: cases.indices)
    func golden(index: Int) throws {
        let c = Self.cases[index]
        let r = try CLI.run(["graph", "--dir", Self.fixtures.appendingPathComponent(c.input).path] + c.arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let golden = Self.fixtures.appendingPathComponent(c.golden)
        if ProcessInfo.processInfo.environment["MIGC_RECORD"] != nil {
            try r.stdout.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(r.stdout == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func currentRevisionIsHighlighted() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let source = Self.fixtures.appendingPathComponent("ok/linear")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: p.migrations.appendingPathComponent(name))
        }
        #expect(try p.migc("upgrade", "7c1e", "--quiet").status == 0)
        let r = try p.migc("graph", "--database", "sqlite:app.db")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("class r_7c1e9a20b4d3 current\n"))
        let dot = try p.migc("graph", "--format", "dot", "--database", "sqlite:app.db")
        #expect(dot.stdout.contains("\"7c1e9a20b4d3\" [label=\"7c1e9a20b4d3\\nadd accounts\", style=\"rounded,filled\", fillcolor=\"#ffd54f\"]"))
        // --schema with a database draws that database's revision.
        let schema = try p.migc("graph", "--schema", "--database", "sqlite:app.db")
        #expect(schema.stdout.contains("accounts {") && !schema.stdout.contains("orders {"))
    }

    @Test func svgThroughGraphviz() throws {
        let dir = Self.fixtures.appendingPathComponent("pictures/store").path
        let hasDot = FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")
        let r = try CLI.run(["graph", "--dir", dir, "--format", "svg"])
        if hasDot {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("<svg") && r.stdout.contains("5a0000000004"))
        }
        // Without `dot` on PATH: a clear usage error, nothing written.
        let missing = try CLI.run(["graph", "--dir", dir, "--format", "png"], environment: ["PATH": "/nonexistent"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Graphviz's `dot`, which is not on PATH"))
    }

    @Test func revisionArgumentNeedsSchema() throws {
        let r = try CLI.run(["graph", "--dir", Self.fixtures.appendingPathComponent("ok/linear").path, "7c1e"])
        #expect(r.status == 2)
    }
}
