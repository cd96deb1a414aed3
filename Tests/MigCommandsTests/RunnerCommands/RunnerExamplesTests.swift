import Foundation
import Testing

/// The example histories (branches, merges, labels, depends, renames, rebuilds) on a
/// real SQLite file: one revision at a time up and down, `migc check` finding no
/// drift at every step.
@Suite struct RunnerExamplesTests {
    static func project(_ example: String) throws -> RunnerProject {
        let p = try RunnerProject()
        let source = CLI.packageRoot.appendingPathComponent("examples/\(example)")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".mig") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: p.migrations.appendingPathComponent(name))
        }
        return p
    }

    func expectNoDrift(_ p: RunnerProject, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try p.migc("check")
        #expect(r.status == 0, "\(what): \(r.stdout)\(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["blog", "saas", "shop"])
    func stepByStepWithoutDrift(example: String) throws {
        let p = try Self.project(example)
        defer { p.remove() }
        let json = try p.migc("history", "--format", "json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let order = items.compactMap { ($0["revision"] ?? $0["id"]) as? String }.reversed()
        #expect(order.count == items.count && !order.isEmpty)
        for id in order {
            let r = try p.migc("upgrade", id, "--quiet", "--no-fold")
            #expect(r.status == 0, "upgrade \(id): \(r.stderr)")
            try expectNoDrift(p, "at \(id)")
        }
        // Down one at a time, until base or an irreversible revision stops it.
        var undone = 0
        while try !p.versionRows().isEmpty {
            let before = try p.versionRows()
            let r = try p.migc("downgrade", "-1", "--quiet")
            if r.status != 0 {
                #expect(r.status == 1 && r.stderr.contains("MIG101"), "\(r.stderr)")
                #expect(try p.versionRows() == before)
                break
            }
            undone += 1
            try expectNoDrift(p, "after undoing to \(try p.versionRows())")
        }
        #expect(undone >= 2)
        // A fresh database folded straight to the head has the same schema.
        let fresh = try Self.project(example)
        defer { fresh.remove() }
        #expect(try fresh.migc("upgrade", "heads", "--quiet").status == 0)
        try expectNoDrift(fresh, "folded")
        #expect(try p.migc("upgrade", "heads", "--quiet").status == 0)
        #expect(try p.structure() == fresh.structure())
    }
}
