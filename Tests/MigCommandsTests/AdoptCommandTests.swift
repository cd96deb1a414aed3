import Foundation
import Testing

/// The adoption commands through the binary, on SQLite files: `show --schema`,
/// `init --from-database`, `new --autogenerate`, `squash` (the PostgreSQL round
/// trips are in MigRunnerTests/Adoption).
@Suite struct AdoptCommandTests {
    static let blog = CLI.packageRoot.appendingPathComponent("examples/blog").path

    /// A copy of examples/blog as `migrations/` of a project on `app.db`.
    static func blogProject() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(atPath: blog, toPath: dir.appendingPathComponent("migrations").path)
        try "database = \"sqlite:app.db\"\ndir = \"migrations\"\n".write(to: dir.appendingPathComponent("migc.toml"), atomically: true, encoding: .utf8)
        return dir
    }

    static func sqlite(_ db: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    static func migFiles(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".mig") }.sorted()
    }

    @Test func showSchemaReadsBackAsNoChange() throws {
        let dir = try Self.blogProject()
        defer { try? FileManager.default.removeItem(at: dir) }
        let shown = try CLI.run(["show", "head", "--schema"], in: dir)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("-- schema after revision "))
        #expect(shown.stdout.contains("create table users {"))
        try shown.stdout.write(to: dir.appendingPathComponent("schema.mig"), atomically: true, encoding: .utf8)
        let same = try CLI.run(["new", "-m", "nothing", "--autogenerate", "--to-schema", "schema.mig"], in: dir)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.hasPrefix("no changes"))
        let ddl = try CLI.run(["show", "head", "--schema", "--dialect", "postgres"], in: dir)
        #expect(ddl.status == 0 && ddl.stdout.contains("CREATE TABLE \"users\""), "\(ddl.stderr)")
        let bad = try CLI.run(["show", "head", "--schema", "--dialect", "oracle"], in: dir)
        #expect(bad.status == 2 && bad.stderr.contains("unknown dialect"))
    }

    @Test func toSchemaWritesTheDifferenceWithHints() throws {
        let dir = try Self.blogProject()
        defer { try? FileManager.default.removeItem(at: dir) }
        var schema = try CLI.run(["show", "head", "--schema"], in: dir).stdout
        schema = schema.replacingOccurrences(of: "  display_name ", with: "  shown_name   ")
        schema += "create table badges {\n  id bigint primary key\n  user_id bigint references users (id)\n}\n"
        try schema.write(to: dir.appendingPathComponent("schema.mig"), atomically: true, encoding: .utf8)
        let guessed = try CLI.run(["new", "-m", "badges", "--autogenerate", "--to-schema", "schema.mig"], in: dir)
        #expect(guessed.status == 0, "\(guessed.stderr)")
        #expect(guessed.stderr.contains("--rename users.display_name:shown_name"))
        let firstFiles = try Self.migFiles(dir.appendingPathComponent("migrations"))
        let written = firstFiles.first { $0.hasSuffix("_badges.mig") }!
        let text = try String(contentsOfFile: dir.appendingPathComponent("migrations/" + written).path, encoding: .utf8)
        #expect(text.contains("drop column users.display_name") && text.contains("create table badges"))
        try FileManager.default.removeItem(atPath: dir.appendingPathComponent("migrations/" + written).path)
        let hinted = try CLI.run(["new", "-m", "badges", "--autogenerate", "--to-schema", "schema.mig", "--rename", "users.display_name:shown_name"], in: dir)
        #expect(hinted.status == 0 && !hinted.stderr.contains("warning: column"), "\(hinted.stderr)")
        let renamed = try Self.migFiles(dir.appendingPathComponent("migrations")).first { $0.hasSuffix("_badges.mig") }!
        let again = try String(contentsOfFile: dir.appendingPathComponent("migrations/" + renamed).path, encoding: .utf8)
        #expect(again.contains("rename column users.display_name to shown_name"))
        #expect(try CLI.run(["lint"], in: dir).status == 0)
        let upgrade = try CLI.run(["upgrade", "head"], in: dir)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(try CLI.run(["check"], in: dir).status == 0)
        let usage = try CLI.run(["new", "-m", "x", "--autogenerate", "--to-schema", "schema.mig", "--rename", "display_name"], in: dir)
        #expect(usage.status == 2 && usage.stderr.contains("TABLE.OLD:NEW"))
        let noTarget = try CLI.run(["new", "-m", "x", "--autogenerate"], in: dir)
        #expect(noTarget.status == 2 && noTarget.stderr.contains("needs one target"))
    }

    @Test func baselineThenAutogenerateFromTheDatabase() throws {
        let source = try Self.blogProject()
        defer { try? FileManager.default.removeItem(at: source) }
        #expect(try CLI.run(["upgrade", "head"], in: source).status == 0)
        // The database without migc's tables: a database migc has never seen.
        let db = source.appendingPathComponent("app.db").path
        try Self.sqlite(db, "DROP TABLE migc_version; DROP TABLE migc_history; CREATE VIEW recent_posts AS SELECT id FROM posts;")
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let adopted = try CLI.run(["init", "--from-database", "sqlite:" + db, "--stamp"], in: dir)
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(adopted.stderr.contains("warning: view `recent_posts`"))
        #expect(adopted.stdout.contains("stamped"))
        let check = try CLI.run(["check"], in: dir)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try CLI.run(["lint"], in: dir).status == 0)
        // A change by hand comes back as a revision; applied by stamp, check is clean.
        try Self.sqlite(db, "ALTER TABLE users ADD COLUMN nickname varchar(40);")
        let drift = try CLI.run(["check"], in: dir)
        #expect(drift.status == 1)
        let generated = try CLI.run(["new", "-m", "nicknames", "--autogenerate", "--from-database"], in: dir)
        #expect(generated.status == 0, "\(generated.stderr)")
        let file = try Self.migFiles(dir.appendingPathComponent("migrations")).first { $0.hasSuffix("_nicknames.mig") }!
        let text = try String(contentsOfFile: dir.appendingPathComponent("migrations/" + file).path, encoding: .utf8)
        #expect(text.contains("add column users.nickname varchar(40)"))
        #expect(try CLI.run(["stamp", "head"], in: dir).status == 0)
        #expect(try CLI.run(["check"], in: dir).status == 0)
        let none = try CLI.run(["new", "-m", "again", "--autogenerate", "--from-database"], in: dir)
        #expect(none.status == 0 && none.stdout.hasPrefix("no changes"), "\(none.stdout)\(none.stderr)")
        // A second init refuses; a managed database is refused too.
        let twice = try CLI.run(["init", "--from-database", "sqlite:" + db], in: dir)
        #expect(twice.status == 2 && twice.stderr.contains("already exists"))
        let other = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        let managed = try CLI.run(["init", "--from-database", "sqlite:" + db, "--no-stamp"], in: other)
        #expect(managed.status == 2 && managed.stderr.contains("already managed"), "\(managed.stderr)")
    }

    @Test func squashKeepsEveryDatabaseUpgradable() throws {
        let dir = try Self.blogProject()
        defer { try? FileManager.default.removeItem(at: dir) }
        let history = try CLI.run(["history"], in: dir).stdout
        // `PARENT -> ID (head), message`, newest first.
        let ids: [String] = history.split(separator: "\n").compactMap { line -> String? in
            guard let arrow = line.range(of: " -> ") else { return nil }
            return String(line[arrow.upperBound...].prefix(12))
        }
        #expect(ids.count >= 6, "\(history)")
        let order = Array(ids.reversed())
        let early = order[1], last = order[4]
        #expect(try CLI.run(["upgrade", early], in: dir).status == 0)
        let squash = try CLI.run(["squash", "--to", last, "-m", "squash old history"], in: dir)
        #expect(squash.status == 0, "\(squash.stderr)")
        #expect(squash.stdout.contains("replaces 5 revisions"))
        // Stopped inside the range: current says so, check asks for an upgrade.
        let current = try CLI.run(["current"], in: dir)
        #expect(current.status == 0 && current.stdout.contains("\(early) (replaced by squash"), "\(current.stdout)\(current.stderr)")
        let halfway = try CLI.run(["check"], in: dir)
        #expect(halfway.status == 1 && halfway.stderr.contains("run `migc upgrade` first"), "\(halfway.stderr)")
        // A script cannot run the originals from `.replaced/`: refused, saying what to do.
        let script = try CLI.run(["upgrade", "head", "--sql"], in: dir)
        #expect(script.status == 1 && script.stderr.contains("inside the range squash") && script.stderr.contains("run `migc upgrade`"), "\(script.stderr)")
        let files = try Self.migFiles(dir.appendingPathComponent("migrations"))
        #expect(files.count == order.count - 5 + 1)
        #expect(try CLI.run(["lint"], in: dir).status == 0)
        let upgrade = try CLI.run(["upgrade", "head"], in: dir)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        let check = try CLI.run(["check"], in: dir)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let fresh = try CLI.run(["upgrade", "head", "--database", "sqlite:fresh.db"], in: dir)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try CLI.run(["check", "--database", "sqlite:fresh.db"], in: dir).status == 0)
    }

    @Test func squashRefusesRawSQL() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saas = CLI.packageRoot.appendingPathComponent("examples/saas").path
        let refused = try CLI.run(["squash", "--dir", saas, "--to", "head", "-m", "all"], in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("runs a `sql` block") && refused.stderr.contains("nothing changed"))
        // saas also inserts reference rows with typed data changes: refused the same way.
        #expect(refused.stderr.contains("changes rows"), "\(refused.stderr)")
    }

    @Test func helpNamesEveryOption() throws {
        let expectations: [(String, [String])] = [
            ("init", ["--from-database", "--stamp", "--no-stamp", "--message"]),
            ("new", ["--autogenerate", "--from-database", "--to-schema", "--rename", "--rename-table", "--database"]),
            ("show", ["--schema", "--dialect"]),
            ("squash", ["--to", "--message", "--delete"]),
        ]
        for (command, options) in expectations {
            let help = try CLI.run([command, "--help"])
            #expect(help.status == 0)
            for option in options { #expect(help.stdout.contains(option), "\(command) --help lacks \(option)") }
        }
    }
}
