import Foundation
import Testing

/// `migc heads`, `history` and `branches` end to end, on the graph fixtures.
@Suite struct GraphCommandsTests {
    static func fixture(_ name: String) -> String {
        CLI.packageRoot.appendingPathComponent("Tests/Fixtures/graph/\(name)").path
    }

    @Test func headsOnADiamond() throws {
        let r = try CLI.run(["heads", "--dir", Self.fixture("ok/diamond")])
        #expect(r.status == 0)
        #expect(r.stdout == "dd04 (head) (mergepoint)\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func headsAsJSON() throws {
        let r = try CLI.run(["heads", "--dir", Self.fixture("ok/depends"), "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("[\n  {\"revision\": \"a2\""))
        #expect(r.stdout.contains("{\"revision\": \"n2\""))
    }

    @Test func historyNewestFirstWithRange() throws {
        let dir = Self.fixture("ok/linear")
        let all = try CLI.run(["history", "--dir", dir])
        #expect(all.status == 0)
        #expect(all.stdout == """
            7c1e9a20b4d3 -> 0b5d2e7f9a11 (head), add orders
            a41f0c9e2b17 -> 7c1e9a20b4d3, add accounts
            <base> -> a41f0c9e2b17, create users

            """)
        let some = try CLI.run(["history", "--dir", dir, "-r", "7c1e:head"])
        #expect(some.stdout.split(separator: "\n").count == 2)
        let older = try CLI.run(["history", "--dir", dir, "-r", ":head-1"])
        #expect(older.stdout.split(separator: "\n").count == 2)
    }

    @Test func historyAsJSONIsNewestFirst() throws {
        let r = try CLI.run(["history", "--dir", Self.fixture("ok/linear"), "--format", "json", "-r", ":7c1e"])
        #expect(r.status == 0)
        let objects = r.stdout.split(separator: "\n").filter { $0.hasPrefix("  {") }
        #expect(objects.count == 2)
        #expect(objects.first?.hasPrefix("  {\"revision\": \"7c1e9a20b4d3\"") == true)
    }

    @Test func historyRangeErrorsAreUsageErrors() throws {
        let dir = Self.fixture("ok/diamond")
        let unknown = try CLI.run(["history", "--dir", dir, "-r", "zz:"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no revision, label or id prefix matches `zz`"))
        let current = try CLI.run(["history", "--dir", dir, "-r", "current:"])
        #expect(current.status == 2)
        let malformed = try CLI.run(["history", "--dir", dir, "-r", "aa01"])
        #expect(malformed.status == 2)
    }

    @Test func branchesListsBranchPoints() throws {
        let r = try CLI.run(["branches", "--dir", Self.fixture("ok/diamond")])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<base> -> aa01 (branchpoint), create users\n"))
    }

    @Test func graphErrorsExitOne() throws {
        let r = try CLI.run(["heads", "--dir", Self.fixture("err/cycle")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("[E307]"))
    }

    @Test func missingDirectoryExitsTwo() throws {
        let r = try CLI.run(["history", "--dir", "/nonexistent/migc/migrations"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("migrations directory `/nonexistent/migc/migrations` does not exist [E311]"))
    }
}
