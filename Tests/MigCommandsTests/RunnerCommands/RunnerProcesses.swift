import Foundation
import Testing

/// Histories and process handling for the kill and concurrency tests.
extension RunnerProject {
    /// A linear history of `count` revisions from `bench/genhistory.py` (create
    /// table, add column, create index), sorted in apply order.
    @discardableResult
    func generateHistory(_ count: Int) throws -> [String] {
        let script = CLI.packageRoot.appendingPathComponent("bench/genhistory.py").path
        let r = try Subprocess.run("/usr/bin/env", ["python3", script, "--revisions", "\(count)", "--out", migrations.path])
        guard r.status == 0 else { throw SubprocessError(message: "genhistory failed: \(r.stderr)") }
        // genhistory's ids grow with the revision number, so file order is apply order.
        return try FileManager.default.contentsOfDirectory(atPath: migrations.path)
            .filter { $0.hasSuffix(".mig") }.sorted().map { String($0.prefix(12)) }
    }

    /// A linear history `s01..sNN`, each creating one table; the revisions numbered
    /// in `slow` (from 1) also run a recursive CTE that keeps SQLite busy for about
    /// a second.
    @discardableResult
    func slowHistory(_ count: Int, slow: Set<Int>) throws -> [String] {
        let ids = (1...count).map { String(format: "s%02d", $0) }
        for (i, id) in ids.enumerated() {
            var ops = "  create table t_\(id) {\n    id int primary key\n    v text\n  }"
            if slow.contains(i + 1) {
                ops += "\n" + Self.slowOp(id)
            }
            try write("\(id).mig", Mig.revision(id, parent: i == 0 ? nil : ids[i - 1], message: "step \(i + 1)", upgrade: ops))
        }
        return ids
    }

    /// Adds the slow recursive CTE (about a second) to the end of revision `id`'s
    /// upgrade block, so a test can catch migc inside that revision.
    func makeSlow(_ id: String) throws {
        let name = try #require(FileManager.default.contentsOfDirectory(atPath: migrations.path).first { $0.hasPrefix(id) })
        var text = try read(name)
        let close = try #require(text.range(of: "}", options: .backwards))
        text.replaceSubrange(close, with: Self.slowOp(id) + "\n}")
        try write(name, text)
    }

    static func slowOp(_ id: String) -> String {
        "  sql \"\"\"CREATE TABLE slow_\(id) AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c\"\"\" reverse \"\"\"DROP TABLE slow_\(id)\"\"\""
    }

    /// The same migrations in a fresh project, upgraded to `target` (nil: base):
    /// the schema a database at that revision must have.
    func expectedStructure(at target: String?) throws -> String {
        let clean = try RunnerProject()
        defer { clean.remove() }
        for name in try FileManager.default.contentsOfDirectory(atPath: migrations.path) {
            try FileManager.default.copyItem(at: migrations.appendingPathComponent(name), to: clean.migrations.appendingPathComponent(name))
        }
        if let target {
            let r = try clean.migc("upgrade", target, "--quiet")
            #expect(r.status == 0, "\(r.stderr)")
        }
        return try clean.structure()
    }

    /// The database is at a revision boundary of the linear history `ids`: one
    /// version row (or none), that revision's whole schema and nothing later, one
    /// `up` history row for it and each revision before it, none after. Returns the
    /// revision's index (-1 for base).
    @discardableResult
    func expectRevisionBoundary(_ ids: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let version = try versionRows()
        #expect(version.count <= 1, "version table: \(version)", sourceLocation: sourceLocation)
        let head = version.first
        let index = head.flatMap { ids.firstIndex(of: $0) } ?? -1
        #expect(head == nil || index >= 0, "unknown head \(head ?? "")", sourceLocation: sourceLocation)
        #expect(try structure() == expectedStructure(at: head), "schema at \(head ?? "base")", sourceLocation: sourceLocation)
        if try !version.isEmpty || sqlite("SELECT count(*) FROM sqlite_master WHERE name = 'migc_history'").hasPrefix("1") {
            let ups = try rows("SELECT revision FROM migc_history WHERE direction = 'up' ORDER BY id")
            #expect(ups == Array(ids.prefix(index + 1)), "history rows", sourceLocation: sourceLocation)
        }
        return index
    }
}

enum Wait {
    /// Polls `condition` every 20 ms; false when `seconds` passed first.
    static func until(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Waits for `process` to exit; kills it (and records an issue) after `seconds`.
    static func exit(_ process: Process, seconds: Double = 120, sourceLocation: SourceLocation = #_sourceLocation) -> Int32 {
        if !until(seconds: seconds, { !process.isRunning }) {
            Issue.record("migc did not finish in \(seconds) s", sourceLocation: sourceLocation)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
