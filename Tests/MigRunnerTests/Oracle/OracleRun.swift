import Foundation
@testable import MigCore
@testable import MigRunner

/// One history checked on one engine, every property of the issue's oracle:
/// revision by revision up (rows in every table, live schema = model), first-parent
/// revisions down to base (schema = model at each step), up again; the `migc build`
/// script run by the `sqlite3` / `psql` shell gives the runner's schema (and its
/// downgrade script empties the database); the fresh-database fold gives the replay's.
struct OracleRun {
    struct Failure: Error, CustomStringConvertible {
        /// Which property failed (shrinking keeps a failure of the same kind).
        var kind: String
        var detail: String
        var description: String { "\(kind): \(detail)" }
        /// The failure without names and numbers: what shrinking must keep.
        var signature: String {
            let words = detail.replacingOccurrences(of: "`[^`]*`|\"[^\"]*\"|'[^']*'", with: "", options: .regularExpression)
                .split(whereSeparator: \.isWhitespace).filter { !$0.contains(where: \.isNumber) && !$0.hasPrefix("/") }
            return kind + ": " + words.prefix(12).joined(separator: " ")
        }
    }

    let history: OracleHistory
    let engine: Engine
    var revisionsRun = 0

    static let options = Migrator.Options(transactionMode: .perRevision, fold: false)

    /// Nil when every property holds.
    mutating func check() -> Failure? {
        do {
            try run()
            return nil
        } catch let f as Failure {
            return f
        } catch {
            return Failure(kind: "error", detail: "\(error)")
        }
    }

    func fail(_ kind: String, _ detail: String) -> Failure { Failure(kind: kind, detail: detail) }

    private mutating func run() throws {
        let directory = NSTemporaryDirectory() + "migc-oracle-\(UUID().uuidString)"
        try history.write(to: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let project = try Project.open(directory: directory)
        let report = project.check()
        let errors = (project.diagnostics + report.diagnostics).filter { $0.severity == .error }
        if !errors.isEmpty {
            throw fail("rejected", errors.map { "\($0.span): \($0.message)" }.prefix(3).joined(separator: "; "))
        }
        let url = try engine.freshDatabase()
        let migrator = try Migrator(project: project, url: url)
        var n = 0
        for r in history.revisions {
            try step("upgrade to \(r.id)") { _ = try migrator.upgrade(to: r.id, options: Self.options) }
            revisionsRun += 1
            try expectNoDrift(migrator, "after upgrading to \(r.id)")
            let heads = try migrator.appliedHeads()
            try step("rows after \(r.id)") {
                try OracleRows.insert(into: Checker.schema(at: Set(heads), in: project.graph), driver: migrator.driver, n: &n)
            }
        }
        // Down the first-parent chain, one revision at a time, then to base.
        var chain: [String] = []
        var cursor = history.revisions.last?.id
        while let id = cursor { chain.append(id); cursor = history.revisions.first { $0.id == id }?.parents.first }
        for id in chain.dropFirst() {
            try step("downgrade to \(id)") { _ = try migrator.downgrade(to: id, options: Self.options) }
            try expectNoDrift(migrator, "after downgrading to \(id)")
        }
        try step("downgrade to base") { _ = try migrator.downgrade(to: "base", options: Self.options) }
        try expectNoDrift(migrator, "after downgrading to base")
        let left = try Introspector.schema(of: migrator.driver).tables.keys.sorted()
        if !left.isEmpty { throw fail("drift", "tables left at base: \(left)") }
        try step("upgrade again") { _ = try migrator.upgrade(to: "heads", options: Self.options) }
        try expectNoDrift(migrator, "after upgrading again")
        let replayed = try Introspector.schema(of: migrator.driver)

        try checkBuildScripts(project, replayed: replayed)
        if !history.hasSQL {
            let folded = try Migrator(project: project, url: try engine.freshDatabase())
            var options = Self.options
            options.fold = true
            try step("fold") { _ = try folded.upgrade(to: "heads", options: options) }
            try expectSame(replayed, try Introspector.schema(of: folded.driver), "fold", "the folded database differs from the replayed one")
        }
    }

    private func step(_ what: String, _ body: () throws -> Void) throws {
        do { try body() } catch let f as Failure { throw f } catch { throw fail("run", "\(what): \(error)") }
    }

    private func expectNoDrift(_ migrator: Migrator, _ when: String) throws {
        let drift = try migrator.drift()
        if !drift.differences.isEmpty {
            throw fail("drift", "\(when): " + drift.differences.map(\.description).prefix(4).joined(separator: "; "))
        }
    }

    private func expectSame(_ a: Schema, _ b: Schema, _ kind: String, _ what: String) throws {
        let differences = SchemaDiff.between(expected: a, actual: b)
        if !differences.isEmpty { throw fail(kind, "\(what): " + differences.map(\.description).prefix(4).joined(separator: "; ")) }
    }

    /// `migc build` from base to the heads, then back to base, run by the shell.
    private func checkBuildScripts(_ project: Project, replayed: Schema) throws {
        let dialect: Dialect = engine == .sqlite ? .sqlite : .postgres
        let graph = project.graph
        let up = try RangePlanner.script(RangePlanner.steps(.up, to: "heads", from: [], in: graph), in: graph, direction: .up, dialect: dialect, createVersionTables: true)
        let down = try RangePlanner.script(RangePlanner.steps(.down, to: "base", from: graph.heads, in: graph), in: graph, direction: .down, dialect: dialect, createVersionTables: false)
        let url = try engine.freshDatabase()
        try runScript(up.text, on: url, "build")
        let driver = try url.connect()
        try expectSame(replayed, try Introspector.schema(of: driver), "build", "the build script's database differs from the runner's")
        try runScript(down.text, on: url, "build --down")
        let left = try Introspector.schema(of: driver).tables.keys.sorted()
        if !left.isEmpty { throw fail("build --down", "tables left: \(left)") }
    }

    private func runScript(_ text: String, on url: DatabaseURL, _ kind: String) throws {
        let script = NSTemporaryDirectory() + "migc-oracle-\(UUID().uuidString).sql"
        let log = script + ".log"
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: script); try? FileManager.default.removeItem(atPath: log) }
        let q = PostgresCluster.shellQuoted
        let command: String
        switch url.target {
        case .sqlite(.file(let path)): command = "sqlite3 \(q(path)) < \(q(script))"
        case .postgres(let p):
            command = "\(PostgresCluster.binaries)/psql -X -q -v ON_ERROR_STOP=1 -h \(q(p.host ?? "")) -p \(p.port ?? 5432) -U postgres -d \(q(p.database ?? "")) -f \(q(script))"
        default: throw fail(kind, "no shell for \(url)")
        }
        let status = system("\(command) >\(q(log)) 2>&1")
        if status != 0 {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw fail(kind, "script failed (status \(status)): \(output.prefix(600))")
        }
    }
}
