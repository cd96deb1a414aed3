import Foundation
import MigCore
import Testing
@testable import MigRunner

/// `migc squash` on real databases: after squashing from the base up to a revision
/// in the middle, a fresh database, one stopped at the squashed revision and one
/// stopped earlier inside the range all upgrade to the same schema as without the
/// squash, and all record the same heads.
@Suite struct SquashTests {
    static let histories = ["examples/blog", "examples/shop", "generated"]

    struct Case: CustomStringConvertible, Sendable {
        var history: String
        var engine: Engine
        var description: String { "\(history) on \(engine)" }
    }

    static let cases = histories.flatMap { h in Engine.transactional.map { Case(history: h, engine: $0) } }

    /// Squashes `dir` up to `last` as migc squash does: the plan, the originals
    /// moved aside, the squash written.
    static func squash(_ dir: String, to last: String) throws -> String {
        let graph = try Project.open(directory: dir).graph
        let header = RevisionHeader(revision: Identifier("5a5a5a5a5a5a"), message: StringLiteral("squash"))
        let plan = try Squash.plan(graph, to: last, header: header, path: dir + "/5a5a5a5a5a5a_squash.mig", lint: nil)
        #expect(!plan.revision.diagnostics.hasErrors)
        let aside = Migrator.replacedDirectory(dir, squash: "5a5a5a5a5a5a")
        try FileManager.default.createDirectory(atPath: aside, withIntermediateDirectories: true)
        for id in plan.replaced {
            let path = graph.revisions[id]!.file.path
            try FileManager.default.moveItem(atPath: path, toPath: aside + "/" + (path as NSString).lastPathComponent)
        }
        try plan.revision.text.write(toFile: plan.revision.file.path, atomically: true, encoding: .utf8)
        return "5a5a5a5a5a5a"
    }

    @Test(arguments: cases)
    func everyDatabaseUpgradesAcrossTheSquash(_ c: Case) throws {
        let dir = try AdoptionHistories.copy(c.history)
        let original = try Project.open(directory: dir)
        let order = original.graph.topologicalOrder
        // The last revision before the first branch point or merge, and one before it.
        let linear = order.prefix { original.graph.revisions[$0]!.parents.count <= 1 && original.graph.revisions[$0]!.children.count <= 1 }
        let last = linear[min(linear.count - 1, max(2, order.count * 2 / 3))]
        let early = linear[linear.index(linear.startIndex, offsetBy: 1)]
        let reference = try AdoptionHistories.upgrade(original, try c.engine.freshDatabase())
        let atLast = try AdoptionHistories.upgrade(original, try c.engine.freshDatabase(), to: last)
        let atEarly = try AdoptionHistories.upgrade(original, try c.engine.freshDatabase(), to: early)
        let squash = try Self.squash(dir, to: last)
        let squashed = try Project.open(directory: dir)
        #expect(!squashed.hasErrors, "\(squashed.diagnostics.map(\.message))")
        #expect(squashed.graph.count == original.graph.count - (order.firstIndex(of: last)! + 1) + 1)
        let expected = try Introspector.schema(of: reference.driver)
        let heads = try reference.appliedHeads()
        for (name, url) in [("fresh", try c.engine.freshDatabase()), ("at \(last)", atLast.url), ("at \(early)", atEarly.url)] {
            let m = try AdoptionHistories.upgrade(squashed, url)
            #expect(AdoptionHistories.differences(expected, try Introspector.schema(of: m.driver)) == [], "\(name)")
            #expect(try m.appliedHeads() == heads, "\(name)")
            #expect(try m.drift().differences.isEmpty, "\(name)")
        }
        #expect(try Migrator(project: squashed, url: atLast.url).graph.replacedBy[last] == squash)
    }

    @Test func rangesWithRawSQLAreRefused() throws {
        let graph = try AdoptionHistories.project("examples/saas").graph
        let header = RevisionHeader(revision: Identifier("5a5a5a5a5a5a"), message: StringLiteral("squash"))
        #expect(throws: SquashRefusal.self) {
            try Squash.plan(graph, to: graph.heads[0], header: header, path: "x.mig", lint: nil)
        }
    }
}
