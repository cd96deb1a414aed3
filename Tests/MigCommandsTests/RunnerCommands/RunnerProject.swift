import Foundation
import Testing

/// A temporary project (migc.toml, migrations/, a SQLite file `app.db`) driven
/// through the built `migc` binary, inspected with the `sqlite3` CLI: the database
/// is looked at from outside, the way a user would check it.
struct RunnerProject {
    let dir: URL
    var migrations: URL { dir.appendingPathComponent("migrations") }
    var databasePath: String { dir.appendingPathComponent("app.db").path }

    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/runner")

    /// An empty project; `fixture` copies `Tests/Fixtures/runner/<fixture>/*.mig` in.
    init(fixture: String? = nil, runner: String = "") throws {
        dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        let toml = "database = \"sqlite:app.db\"\ndir = \"migrations\"\n" + (runner.isEmpty ? "" : "[runner]\n\(runner)\n")
        try toml.write(to: dir.appendingPathComponent("migc.toml"), atomically: true, encoding: .utf8)
        if let fixture {
            let source = Self.fixtures.appendingPathComponent(fixture)
            for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".mig") {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: migrations.appendingPathComponent(name))
            }
        }
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Runs `migc ARGS` in the project directory.
    @discardableResult
    func migc(_ args: String...) throws -> CLI.Result { try CLI.run(args, in: dir) }

    @discardableResult
    func migc(_ args: [String]) throws -> CLI.Result { try CLI.run(args, in: dir) }

    /// Writes `migrations/NAME`.
    func write(_ name: String, _ text: String) throws {
        try text.write(to: migrations.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: migrations.appendingPathComponent(name), encoding: .utf8)
    }

    /// Starts `migc ARGS` without waiting (kill and concurrency tests).
    func start(_ args: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = args
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["MIGC_DATABASE_URL"] = nil
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    // MARK: Looking at the database with sqlite3

    /// Runs `sqlite3 app.db SQL` (list mode, `|` separated) and returns stdout.
    @discardableResult
    func sqlite(_ sql: String) throws -> String {
        let result = try Subprocess.run("/usr/bin/sqlite3", ["-batch", "-cmd", ".timeout 10000", databasePath, sql])
        guard result.status == 0 else { throw SubprocessError(message: "sqlite3 failed: \(result.stderr) for \(sql)") }
        return result.stdout
    }

    func rows(_ sql: String) throws -> [String] {
        try sqlite(sql).split(separator: "\n").map(String.init)
    }

    /// `sqlite_master` as SQLite stores it (exact CREATE texts), without migc's own
    /// tables: the strictest "schema unchanged" comparison.
    func master() throws -> String {
        try sqlite("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'migc_%' AND name NOT LIKE 'sqlite_autoindex_migc%' AND name <> 'sqlite_sequence' ORDER BY type, name")
    }

    /// The schema as SQLite understands it (columns, indexes, foreign keys), independent
    /// of how the CREATE text was spelled: compares databases reached by different paths.
    func structure() throws -> String {
        let tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'migc_%' AND name NOT LIKE 'sqlite_%'"
        let columns = try sqlite("""
            SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk FROM (\(tables)) m, pragma_table_info(m.name) p ORDER BY m.name, p.cid
            """)
        let indexes = try sqlite("""
            SELECT m.name, l.name, l."unique", l.origin, l.partial, group_concat(i.name, ',') FROM (\(tables)) m, pragma_index_list(m.name) l, pragma_index_info(l.name) i
            GROUP BY m.name, l.name ORDER BY m.name, l.name
            """)
        let keys = try sqlite("""
            SELECT m.name, f."table", f."from", f."to", f.on_update, f.on_delete FROM (\(tables)) m, pragma_foreign_key_list(m.name) f ORDER BY m.name, f.id, f.seq
            """)
        let others = try sqlite("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') ORDER BY name")
        return "columns:\n\(columns)indexes:\n\(indexes)foreign keys:\n\(keys)views/triggers:\n\(others)"
    }

    /// `migc_version`, sorted (empty before migc touched the database).
    func versionRows() throws -> [String] {
        let exists = try sqlite("SELECT count(*) FROM sqlite_master WHERE name = 'migc_version'").trimmingCharacters(in: .whitespacesAndNewlines)
        guard exists == "1" else { return [] }
        return try rows("SELECT revision FROM migc_version ORDER BY revision")
    }

    /// How many `migc_history` rows say `direction` for `revision`.
    func historyCount(_ revision: String, _ direction: String = "up") throws -> Int {
        Int(try sqlite("SELECT count(*) FROM migc_history WHERE revision = '\(revision)' AND direction = '\(direction)'")
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}

/// A revision file's text.
enum Mig {
    static func revision(_ id: String, parent: String?, message: String, header: String = "", upgrade: String, downgrade: String? = nil) -> String {
        var text = "revision \(id)\n"
        if let parent { text += "parent \(parent)\n" }
        text += "message \"\(message)\"\n\(header)\nupgrade {\n\(upgrade)\n}\n"
        if let downgrade { text += "\ndowngrade {\n\(downgrade)\n}\n" }
        return text
    }
}

struct SubprocessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs a program to completion, output captured through files (no pipe can fill up).
enum Subprocess {
    static func run(_ executable: String, _ args: [String], in directory: URL? = nil) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        if let directory { process.currentDirectoryURL = directory }
        let scratch = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
