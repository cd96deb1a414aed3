import Foundation
import Testing

/// A failure report stays short however long the run was, and says where the
/// database is afterwards (issue 11, bug 7).
@Suite struct FailureReportTests {
    /// A history of `count` revisions creating tables `t1`..`tN`; revision `failAt`
    /// (if any) fails on its upgrade.
    static func history(_ p: RunnerProject, count: Int, failAt: Int? = nil) throws {
        for i in 1...count {
            let ops = i == failAt
                ? "  sql \"\"\"INSERT INTO nowhere VALUES (1)\"\"\" reverse \"\"\"SELECT 1\"\"\""
                : "  create table t\(i) {\n    id int primary key\n  }"
            try p.write(String(format: "r%03d.mig", i), Mig.revision(
                String(format: "r%03d", i), parent: i == 1 ? nil : String(format: "r%03d", i - 1), message: "step \(i)", upgrade: ops))
        }
    }

    @Test(arguments: ["per-revision", "single"])
    func aLongRunIsSummarised(mode: String) throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try Self.history(p, count: 40, failAt: 40)
        let r = try p.migc("upgrade", "--transaction", mode, "--no-fold")
        #expect(r.status == 1)
        #expect(r.stderr.contains("39 earlier revisions of this run stay applied: r001 … r039 (39 revisions)"), "\(r.stderr)")
        #expect(!r.stderr.contains("r017"), "\(r.stderr)")
        #expect(r.stderr.contains("the database is now at r039"), "\(r.stderr)")
        #expect(r.stderr.contains("the database stays at the revision before it"), "\(r.stderr)")
        #expect(try p.versionRows() == ["r039"])
    }

    /// A failed downgrade leaves the database at the revision itself, and says so.
    @Test func aFailedDowngradeStaysAtTheRevision() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try Self.history(p, count: 2)
        try p.write("r003.mig", Mig.revision(
            "r003", parent: "r002", message: "step 3", upgrade: "  create table t3 {\n    id int primary key\n  }",
            downgrade: "  sql \"\"\"DELETE FROM nowhere\"\"\" reverse \"\"\"SELECT 1\"\"\"\n  drop table t3"))
        #expect(try p.migc("upgrade").status == 0)
        let r = try p.migc("downgrade", "base")
        #expect(r.status == 1)
        #expect(r.stderr.contains("the database stays at this revision (still applied)"), "\(r.stderr)")
        #expect(r.stderr.contains("the database is now at r003"), "\(r.stderr)")
        #expect(try p.versionRows() == ["r003"])
    }
}
