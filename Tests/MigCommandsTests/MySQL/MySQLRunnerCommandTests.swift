import Foundation
import MigTestSupport
import Testing

/// The runner's commands through the built binary on the scratch MariaDB, looked at
/// with the `mariadb` client: the lifecycle on an example history, a revision that
/// fails half-way (resumed after the fix, or undone), and concurrent upgrades.
@Suite struct MySQLRunnerCommandTests {
    /// A project with `fixture`'s files (or none), and a fresh database's URL.
    static func project(example: String? = nil) throws -> (RunnerProject, MariaDBServer, String, String) {
        let p = try RunnerProject()
        if let example {
            let source = CLI.packageRoot.appendingPathComponent("examples/\(example)/migrations")
            let dir = FileManager.default.fileExists(atPath: source.path) ? source : CLI.packageRoot.appendingPathComponent("examples/\(example)")
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".mig") {
                try FileManager.default.copyItem(at: dir.appendingPathComponent(name), to: p.migrations.appendingPathComponent(name))
            }
        }
        let server = try MariaDBServer.shared.get()
        let database = try server.freshDatabase()
        return (p, server, database, server.url(database: database))
    }

    static func tables(_ server: MariaDBServer, _ database: String) throws -> [String] {
        let out = try server.client(["-e", "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1"], database: database)
        return out.output.split(separator: "\n").map(String.init)
    }

    static func value(_ server: MariaDBServer, _ database: String, _ sql: String) throws -> String {
        try server.client(["-e", sql], database: database).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: ["fold", "no-fold"])
    func lifecycleOnTheBlogExample(mode: String) throws {
        let (p, server, database, url) = try Self.project(example: "blog")
        defer { p.remove() }
        let head = String(try p.migc("heads").stdout.prefix(12))
        let up = try p.migc(["upgrade", "--database", url] + (mode == "no-fold" ? ["--no-fold"] : []))
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.contains("the database is at \(head)"), "\(up.stdout)")
        #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == head)

        let current = try p.migc("current", "--database", url)
        #expect(current.status == 0 && current.stdout.hasPrefix(head), "\(current.stdout)\(current.stderr)")
        let check = try p.migc("check", "--database", url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("no drift"), "\(check.stdout)")

        // Drift is seen: a column added by hand.
        _ = try server.client(["-e", "ALTER TABLE users ADD COLUMN nickname VARCHAR(10)"], database: database)
        let drifted = try p.migc("check", "--database", url)
        #expect(drifted.status == 1 && drifted.stdout.contains("nickname"), "\(drifted.stdout)")
        _ = try server.client(["-e", "ALTER TABLE users DROP COLUMN nickname"], database: database)

        let down = try p.migc("downgrade", "base", "--database", url)
        #expect(down.status == 0, "\(down.stderr)")
        #expect(try Self.tables(server, database) == ["migc_history", "migc_progress", "migc_version"])
        #expect(try Self.value(server, database, "SELECT count(*) FROM migc_version") == "0")

        let stamp = try p.migc("stamp", head, "--database", url)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == head)
        // --sql starts from the database's revision and changes nothing.
        let script = try p.migc("downgrade", "-1", "--sql", "--database", url)
        #expect(script.status == 0 && script.stdout.contains("DELETE FROM `migc_version` WHERE `revision` = '\(head)'"), "\(script.stdout)\(script.stderr)")
        #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == head)
    }

    /// r2's third statement fails (a duplicate key): the report lists what ran and what did not, the
    /// version table stays at r1, and `migc upgrade` after the fix resumes there.
    @Test func failureHalfWayThenResume() throws {
        let (p, server, database, url) = try Self.project()
        defer { p.remove() }
        try Self.writeFailingHistory(p)
        let failed = try p.migc("upgrade", "--database", url)
        #expect(failed.status == 1)
        let err = failed.stderr
        #expect(err.contains("r2_bcd.mig:"), "\(err)")
        #expect(err.contains("failed to apply at statement 3 of 3: mysql commits each DDL statement, so statements 1-2 stay applied"), "\(err)")
        #expect(err.contains("ran and stay applied: 1. CREATE TABLE `b`"), "\(err)")
        #expect(err.contains("the version table still says the revision before it (r1)"), "\(err)")
        #expect(err.contains("it resumes at statement 3"), "\(err)")
        #expect(err.contains("`migc upgrade --undo-partial` to undo the statements that ran: 1. DROP TABLE `c`; 2. DROP TABLE `b`"), "\(err)")
        #expect(!err.contains("secret"))
        #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == "r1")

        // Something else than finishing r2 is refused.
        let down = try p.migc("downgrade", "base", "--database", url)
        #expect(down.status == 2 && down.stderr.contains("revision r2 stopped after 2 statements of its upgrade"), "\(down.stderr)")

        try p.write("r2_bcd.mig", try p.read("r2_bcd.mig").replacingOccurrences(of: "(1), (1)", with: "(1), (2)"))
        let resumed = try p.migc("upgrade", "--database", url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == "r2")
        #expect(try Self.value(server, database, "SELECT count(*) FROM migc_progress") == "0")
        #expect(try Self.value(server, database, "SELECT count(*) FROM c") == "2")
        let check = try p.migc("check", "--database", url)
        #expect(check.status == 0 && check.stdout.contains("no drift"), "\(check.stdout)")
    }

    @Test func failureHalfWayThenUndo() throws {
        let (p, server, database, url) = try Self.project()
        defer { p.remove() }
        try Self.writeFailingHistory(p)
        #expect(try p.migc("upgrade", "--database", url).status == 1)
        let undo = try p.migc("upgrade", "--undo-partial", "--database", url)
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.contains("undid the 2 statements revision r2 had run of its upgrade"), "\(undo.stdout)")
        #expect(try Self.tables(server, database) == ["a", "migc_history", "migc_progress", "migc_version"])
        let check = try p.migc("check", "--database", url)
        #expect(check.status == 0 && check.stdout.contains("no drift"), "\(check.stdout)")
    }

    /// The other direction: r2's downgrade fails at its third statement (its `sql`
    /// reverse), after dropping `c` and `b`. The version table stays at r2; after
    /// the fix (an edit of an applied revision, so --allow-edited), `migc downgrade`
    /// resumes; or `--undo-partial` re-creates what the downgrade dropped.
    @Test(arguments: ["resume", "undo"])
    func downgradeFailureHalfWay(way: String) throws {
        let (p, server, database, url) = try Self.project()
        defer { p.remove() }
        try p.write("r1_a.mig", "revision r1\nmessage \"a\"\n\nupgrade {\n  create table a {\n    id int primary key\n  }\n}\n")
        try p.write("r2_bc.mig", """
            revision r2
            parent r1
            message "b c"

            upgrade {
              sql "INSERT INTO a (id) VALUES (1)" reverse "DELETE FROM nowhere"
              create table b {
                id int primary key
              }
              create table c {
                id int primary key
              }
            }

            """)
        #expect(try p.migc("upgrade", "--database", url).status == 0)
        let failed = try p.migc("downgrade", "base", "--database", url)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("failed to undo at statement 3 of 3: mysql commits each DDL statement, so statements 1-2 stay applied"), "\(failed.stderr)")
        #expect(failed.stderr.contains("the version table still says this revision (still applied) (r2)"), "\(failed.stderr)")
        #expect(failed.stderr.contains("`migc downgrade --undo-partial` to undo the statements that ran: 1. CREATE TABLE `b`"), "\(failed.stderr)")
        #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == "r2")
        #expect(try Self.tables(server, database) == ["a", "migc_history", "migc_progress", "migc_version"])
        if way == "resume" {
            try p.write("r2_bc.mig", try p.read("r2_bc.mig").replacingOccurrences(of: "DELETE FROM nowhere", with: "DELETE FROM a"))
            let refused = try p.migc("downgrade", "base", "--database", url)
            #expect(refused.status == 1 && refused.stderr.contains("r2"), "\(refused.stderr)")  // edited since applied
            let resumed = try p.migc("downgrade", "base", "--allow-edited", "--database", url)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(try Self.value(server, database, "SELECT count(*) FROM migc_version") == "0")
            #expect(try Self.tables(server, database) == ["migc_history", "migc_progress", "migc_version"])
        } else {
            let undo = try p.migc("downgrade", "base", "--undo-partial", "--database", url)
            #expect(undo.status == 0, "\(undo.stderr)")
            #expect(undo.stdout.contains("undid the 2 statements revision r2 had run of its downgrade"), "\(undo.stdout)")
            #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == "r2")
            let check = try p.migc("check", "--database", url)
            #expect(check.status == 0 && check.stdout.contains("no drift"), "\(check.stdout)")
        }
    }

    static func writeFailingHistory(_ p: RunnerProject) throws {
        try p.write("r1_a.mig", "revision r1\nmessage \"a\"\n\nupgrade {\n  create table a {\n    id int primary key\n  }\n}\n")
        try p.write("r2_bcd.mig", """
            revision r2
            parent r1
            message "b c d"

            upgrade {
              create table b {
                id int primary key
              }
              create table c {
                id int primary key
              }
              sql "INSERT INTO c (id) VALUES (1), (1)" reverse "DELETE FROM c"
            }

            """)
    }

    /// Four `migc upgrade` processes at once: GET_LOCK makes them take turns, each
    /// revision is applied (and recorded) exactly once.
    @Test func concurrentUpgradesApplyEachRevisionOnce() throws {
        let (p, server, database, url) = try Self.project()
        defer { p.remove() }
        let ids = try p.generateHistory(40)
        let processes = try (0..<4).map { _ in try p.start(["upgrade", "--quiet", "--no-fold", "--database", url, "--migc-lock-timeout", "120"]) }
        for process in processes { #expect(Wait.exit(process) == 0) }
        #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == ids.last!)
        let twice = try Self.value(server, database, "SELECT revision FROM migc_history WHERE direction = 'up' GROUP BY revision HAVING count(*) <> 1")
        #expect(twice.isEmpty, "applied more than once: \(twice)")
        #expect(try Self.value(server, database, "SELECT count(*) FROM migc_history WHERE direction = 'up'") == "\(ids.count)")
    }

    /// kill -9 in the middle of `migc upgrade --no-fold`: the next `migc upgrade`
    /// finishes the run, either at once or, when the kill came while a statement
    /// ran (and it took effect), after marking that statement run as its report
    /// says. Each revision is applied once, and `check` finds no drift.
    @Test func killDuringUpgradeThenUpgradeAgain() throws {
        let (p, server, database, url) = try Self.project()
        defer { p.remove() }
        let ids = try p.generateHistory(150)
        let process = try p.start(["upgrade", "--quiet", "--no-fold", "--database", url])
        #expect(try Wait.until(seconds: 120) {
            (Int(try Self.value(server, database, "SELECT count(*) FROM migc_history")) ?? 0) >= 20
        })
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var again = try p.migc("upgrade", "--database", url)
        if again.status == 1, let start = again.stderr.range(of: "after marking it run: "),
           let end = again.stderr[start.upperBound...].firstIndex(of: "\n") {
            let mark = String(again.stderr[start.upperBound..<end])
            #expect(mark.hasPrefix("UPDATE `migc_progress` SET `finished` = 1"))
            _ = try server.client(["-e", mark], database: database)
            again = try p.migc("upgrade", "--database", url)
        }
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.value(server, database, "SELECT revision FROM migc_version") == ids.last!)
        let twice = try Self.value(server, database, "SELECT revision FROM migc_history WHERE direction = 'up' GROUP BY revision HAVING count(*) <> 1")
        #expect(twice.isEmpty, "applied more than once: \(twice)")
        let check = try p.migc("check", "--database", url)
        #expect(check.status == 0 && check.stdout.contains("no drift"), "\(check.stdout)")
    }

    @Test func passwordNeverPrinted() throws {
        let (p, server, _, _) = try Self.project(example: "blog")
        defer { p.remove() }
        let result = try p.migc("current", "--database", "mysql://nobody:hunter2xyz@/nope?socket=\(server.socket)")
        #expect(result.status == 2)
        #expect(result.stderr.contains("mysql://nobody:***@/nope"), "\(result.stderr)")
        #expect(!result.stderr.contains("hunter2xyz"))
    }
}
