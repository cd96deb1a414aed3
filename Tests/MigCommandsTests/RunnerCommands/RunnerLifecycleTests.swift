import Foundation
import Testing

/// Every database command end to end on a SQLite file, with the `basic` history:
/// 1000aaaa create users (label core) -> 2000bbbb add email -> 3000cccc create posts
/// -> 4000dddd post body.
@Suite struct RunnerLifecycleTests {
    /// The schema each revision leaves, reached by upgrading a fresh database to it.
    static func structures(_ ids: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for id in ids {
            let project = try RunnerProject(fixture: "basic")
            defer { project.remove() }
            if id != "base" {
                let r = try project.migc("upgrade", id)
                #expect(r.status == 0, "\(r.stderr)")
            }
            out[id] = try project.structure()
        }
        return out
    }

    @Test func initNewUpgradeCurrent() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["init"], in: dir).status == 0)
        let created = try CLI.run(["new", "-m", "create users"], in: dir)
        #expect(created.status == 0, "\(created.stderr)")
        let path = created.stdout.replacingOccurrences(of: "created ", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        let file = dir.appendingPathComponent(path)
        var text = try String(contentsOf: file, encoding: .utf8)
        let id = try #require(text.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        // `new` writes an empty upgrade block: fill it in, as a user would.
        let emptyBlock = try #require(text.range(of: "upgrade {"))
        text.replaceSubrange(emptyBlock, with: "upgrade {\n  create table users {\n    id int primary key\n  }\n")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let up = try CLI.run(["upgrade"], in: dir)
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.contains("applied \(id)"))
        #expect(up.stdout.contains("applied 1 revision"))
        // migc.toml from `init` names sqlite:app.db, relative to the project.
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("app.db").path))
        let current = try CLI.run(["current"], in: dir)
        #expect(current.status == 0)
        #expect(current.stdout.contains(id))
        #expect(current.stdout.contains("(head)"))
    }

    @Test func upgradeTargets() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        let expected = try Self.structures(["base", "1000aaaa", "2000bbbb", "3000cccc", "4000dddd"])

        // A database migc never touched: `current` prints nothing, exit 0.
        let fresh = try p.migc("current")
        #expect(fresh.status == 0)
        #expect(fresh.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)

        var r = try p.migc("upgrade", "+1")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["1000aaaa"])
        #expect(try p.rows("SELECT id, name FROM users ORDER BY id") == ["1|ann", "2|bob"])

        r = try p.migc("upgrade", "20")  // a unique prefix
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["2000bbbb"])
        #expect(try p.structure() == expected["2000bbbb"])

        r = try p.migc("upgrade", "3000cccc")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["3000cccc"])
        #expect(try p.structure() == expected["3000cccc"])

        r = try p.migc("upgrade", "core@head")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("applied 4000dddd"))
        #expect(try p.versionRows() == ["4000dddd"])
        #expect(try p.structure() == expected["4000dddd"])

        r = try p.migc("upgrade", "head")
        #expect(r.status == 0)
        #expect(r.stdout.contains("nothing to do"))
        r = try p.migc("upgrade", "heads")
        #expect(r.status == 0)
        #expect(r.stdout.contains("nothing to do"))
        for id in ["1000aaaa", "2000bbbb", "3000cccc", "4000dddd"] {
            #expect(try p.historyCount(id) == 1, "\(id)")
        }
        // Rows written before later revisions are still there.
        #expect(try p.rows("SELECT id, name, email FROM users ORDER BY id") == ["1|ann|", "2|bob|"])
    }

    @Test func upgradeHeadsAndPlusTwoFromBase() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        var r = try p.migc("upgrade", "+2")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["2000bbbb"])
        r = try p.migc("upgrade", "heads")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["4000dddd"])
        #expect(r.stdout.contains("applied 2 revisions"))
    }

    @Test func downgradeTargets() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        let expected = try Self.structures(["base", "1000aaaa", "2000bbbb", "3000cccc"])
        #expect(try p.migc("upgrade", "head").status == 0)
        try p.sqlite("INSERT INTO users (id, name, email) VALUES (3, 'cy', 'cy@example.com')")

        var r = try p.migc("downgrade", "-1")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("undid 4000dddd"))
        #expect(try p.versionRows() == ["3000cccc"])
        #expect(try p.structure() == expected["3000cccc"])

        r = try p.migc("downgrade", "1000aaaa")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["1000aaaa"])
        #expect(try p.structure() == expected["1000aaaa"])
        // Rows survive the derived downgrades (drop column keeps the others).
        #expect(try p.rows("SELECT id, name FROM users ORDER BY id") == ["1|ann", "2|bob", "3|cy"])

        r = try p.migc("downgrade", "base")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == [])
        #expect(try p.structure() == expected["base"])
        for id in ["1000aaaa", "2000bbbb", "3000cccc", "4000dddd"] {
            #expect(try p.historyCount(id, "down") == 1, "\(id)")
        }
        // Up again after down: the same schema as the first time.
        r = try p.migc("upgrade", "head")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows() == ["4000dddd"])
    }

    @Test func currentFormats() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        #expect(try p.migc("upgrade", "2000bbbb").status == 0)
        let text = try p.migc("current")
        #expect(text.status == 0)
        #expect(text.stdout.contains("2000bbbb"))
        #expect(!text.stdout.contains("(head)"))

        let verbose = try p.migc("current", "--verbose")
        #expect(verbose.status == 0)
        #expect(verbose.stdout.contains("2000bbbb"))
        #expect(verbose.stdout.contains("add email"))
        #expect(verbose.stdout.contains("1000aaaa"))  // the parent
        #expect(verbose.stdout.contains("2000bbbb_add_email.mig"))

        let json = try p.migc("current", "--format", "json")
        #expect(json.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
        let items = try #require(parsed as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["revision"] as? String == "2000bbbb" || items.first?["id"] as? String == "2000bbbb", "\(json.stdout)")
    }

    @Test func stampMovesOnlyTheVersionTable() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        let r = try p.migc("stamp", "2000bbbb")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("base -> 2000bbbb"))
        #expect(r.stderr.contains("warning"))
        #expect(r.stderr.contains("migc check"))
        #expect(try p.versionRows() == ["2000bbbb"])
        #expect(try p.master().isEmpty)  // no table was created
        #expect(try p.historyCount("2000bbbb", "stamp") == 1)
        #expect(try p.historyCount("2000bbbb", "up") == 0)

        // Create what 1000aaaa and 2000bbbb would have, by hand; upgrade continues from there.
        try p.sqlite("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email VARCHAR(320)); CREATE INDEX users_email_idx ON users (email)")
        let up = try p.migc("upgrade")
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.contains("applied 2 revisions"))
        #expect(try p.versionRows() == ["4000dddd"])

        let back = try p.migc("stamp", "base")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try p.versionRows() == [])
        #expect(try p.rows("SELECT name FROM sqlite_master WHERE name = 'posts'") == ["posts"])
    }

    @Test func historyAndHeadsNeedNoDatabase() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        let history = try p.migc("history")
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.first?.contains("4000dddd") == true)
        #expect(lines.last?.contains("1000aaaa") == true)
        #expect(history.stdout.contains("create posts"))
        let heads = try p.migc("heads")
        #expect(heads.status == 0)
        #expect(heads.stdout.contains("4000dddd"))
        #expect(!heads.stdout.contains("3000cccc"))
        #expect(!FileManager.default.fileExists(atPath: p.databasePath))
    }

    @Test func exitCodes() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        // 2: usage.
        var r = try p.migc("upgrade", "nosuchrevision")
        #expect(r.status == 2)
        #expect(r.stderr.contains("nosuchrevision"))
        r = try p.migc("downgrade")
        #expect(r.status == 2)
        r = try p.migc("upgrade", "--transaction", "sometimes")
        #expect(r.status == 2)
        r = try p.migc("upgrade", "--database", "mysql://nowhere/db")
        #expect(r.status == 2)
        r = try p.migc("upgrade", "--dir", "no-such-dir")
        #expect(r.status == 2)
        // 0: clean.
        #expect(try p.migc("upgrade", "--quiet").status == 0)
        // 1: the data is wrong (a revision no file defines).
        try p.sqlite("INSERT INTO migc_version VALUES ('ffff0000')")
        r = try p.migc("current")
        #expect(r.status == 1)
        #expect(r.stderr.contains("ffff0000"))
        // 1: the migrations have errors (nothing runs).
        try p.write("5000eeee_broken.mig", Mig.revision("5000eeee", parent: "4000dddd", message: "broken", upgrade: "drop table nosuchtable"))
        try p.sqlite("DELETE FROM migc_version WHERE revision = 'ffff0000'")
        r = try p.migc("upgrade")
        #expect(r.status == 1)
        #expect(r.stderr.contains("nosuchtable"))
        #expect(try p.versionRows() == ["4000dddd"])
    }

    @Test func quietPrintsNothing() throws {
        let p = try RunnerProject(fixture: "basic")
        defer { p.remove() }
        let r = try p.migc("upgrade", "--quiet")
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let d = try p.migc("downgrade", "-2", "--quiet")
        #expect(d.status == 0, "\(d.stderr)")
        #expect(d.stdout.isEmpty)
        #expect(try p.versionRows() == ["2000bbbb"])
    }
}
