import Foundation
import Testing

/// `migc test` end to end on temporary SQLite files (PostgreSQL and MariaDB are
/// covered by MigRunnerTests' RoundTripTests).
@Suite struct TestCommandTests {
    static func fixture(_ name: String) -> String {
        CLI.packageRoot.appendingPathComponent("Tests/Fixtures/migc-test/\(name)").path
    }

    @Test func anExamplePasses() throws {
        let r = try CLI.run(["test", "--dir", CLI.packageRoot.appendingPathComponent("examples/shop").path, "--seed", "5"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasPrefix("testing 10 revisions on a temporary SQLite file, 10 rows per table, seed 5\n"))
        #expect(r.stdout.contains("passed: 10 of 10 revisions passed"))
        #expect(r.stdout.contains("replay with --seed 5 --rows 10"))
        #expect(r.stdout.contains("upgrade again"))
    }

    /// A view a `sql` block creates and its `reverse` drops belongs to the
    /// migrations, as for `migc check` (a baseline keeps views so): not drift.
    @Test func objectsOfARawSQLBlockWithItsReverseAreNotDrift() throws {
        let r = try CLI.run(["test", "--dir", Self.fixture("raw_sql_view")])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("passed: 1 of 1 revisions passed"), "\(r.stdout)")
    }

    @Test func aFailureExitsOneAndNamesTheOp() throws {
        let r = try CLI.run(["test", "--dir", Self.fixture("not_null_without_default")])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL a10000000002 require skus"))
        #expect(r.stdout.contains("upgrade failed: "))
        #expect(r.stdout.contains("a10000000002_require_skus.mig:"))
        // No rows, no failure: the rows are what this history cannot take.
        let empty = try CLI.run(["test", "--dir", Self.fixture("not_null_without_default"), "--rows", "0"])
        #expect(empty.status == 0, "\(empty.stdout)")
    }

    @Test func jsonAndGithubFormats() throws {
        let dir = Self.fixture("downgrade_readds_not_null")
        let json = try CLI.run(["test", "--dir", dir, "--format", "json", "--seed", "3"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["seed"] as? Int == 3 && object["failed"] as? Int == 1)
        let revisions = try #require(object["revisions"] as? [[String: Any]])
        let failure = try #require(revisions.last?["failure"] as? [String: Any])
        #expect(failure["step"] as? String == "downgrade")
        let github = try CLI.run(["test", "--dir", dir, "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error "))
        #expect(github.stdout.contains("title=migc test%3A d10000000002 downgrade::"))
    }

    @Test func stopsAtTheFirstFailureUnlessKeepGoing() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let source = Self.fixture("unique_on_duplicates")
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: p.migrations.appendingPathComponent(name).path)
        }
        try p.write("b10000000003_later.mig", Mig.revision("b10000000003", parent: "b10000000002", message: "later", upgrade: "create table later { id bigint primary key }"))
        let stopped = try p.migc("test")
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("1 of 3 revisions passed, 1 failed, 1 not run"))
        let all = try p.migc("test", "--keep-going")
        #expect(all.status == 1)
        #expect(all.stdout.contains("FAIL b10000000003 later"))
    }

    @Test func fixtureFilesRunBeforeAndAfter() throws {
        let ok = try CLI.run(["test", "--dir", Self.fixture("data_migration")])
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(ok.stdout.contains("before "), "\(ok.stdout)")
        let bad = try CLI.run(["test", "--dir", Self.fixture("failing_expectation")])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("after failed: expectation failed: `SELECT display_name = 'ada@example.com'"))
        #expect(bad.stdout.contains("tests/e10000000002.sql:6"))
    }

    @Test func usageErrors() throws {
        let dir = Self.fixture("data_migration")
        #expect(try CLI.run(["test", "--dir", dir, "--database", "sqlite:x.db"]).status == 2)
        #expect(try CLI.run(["test", "--dir", dir, "--rows", "-1"]).status == 2)
        #expect(try CLI.run(["test", "--dir", dir, "zz:"]).status == 2)
        let one = try CLI.run(["test", "--dir", dir, "e10000000001"])
        #expect(one.status == 0 && one.stdout.contains("passed: 1 of 1"))
    }

    @Test func tablesItCannotFillAreNamed() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a1_pairs.mig", Mig.revision("a1", parent: nil, message: "pairs", upgrade: """
            create table pairs {
              id bigint primary key autoincrement
              a  int not null
              b  int not null
              check pairs_offset (a = b * 7 + 13)
            }
            create table kinds {
              id   bigint primary key autoincrement
              kind "citext" not null
            }
            """))
        try p.write("a2_more.mig", Mig.revision("a2", parent: "a1", message: "more", upgrade: "add column pairs.note text null"))
        let r = try p.migc("test", "--seed", "1")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("table `pairs`: no generated row satisfies check `pairs_offset`"), "\(r.stdout)")
        #expect(r.stdout.contains("table `kinds`: column `kind` has type \"citext\", for which migc generates no values"))
    }
}
