import Foundation
import Testing
@testable import MigCommands

@Suite struct ConfigTests {
    @Test func readsTheSettingsMigcUses() throws {
        let toml = try TOMLDocument(parsing: """
            # project settings
            database = "sqlite:app.db"   # trailing comment
            dir = 'db/migrations'
            [lint]
            disable = ["MIG106", "MIG108"]
            strict = true
            [runner]
            lock_timeout = 30
            """)
        #expect(toml.values["database"]?.string == "sqlite:app.db")
        #expect(toml.values["dir"]?.string == "db/migrations")
        #expect(toml.values["lint.disable"]?.array?.map(\.string) == ["MIG106", "MIG108"])
        #expect(toml.values["lint.strict"]?.bool == true)
        #expect(toml.values["runner.lock_timeout"]?.int == 30)
    }

    /// Where toml++ stops: the end of the unterminated string, the second value of `dir`.
    @Test func reportsLineAndColumnOfBadSyntax() {
        #expect(throws: TOMLDocument.ParseError(line: 2, column: 21, message: "invalid string: encountered end-of-file")) {
            try TOMLDocument(parsing: "dir = \"a\"\ndatabase = \"sqlite:x")
        }
        #expect(throws: TOMLDocument.ParseError(line: 2, column: 7, message: "invalid key-value pair: cannot redefine existing string 'dir'")) {
            try TOMLDocument(parsing: "dir = \"a\"\ndir = \"b\"")
        }
    }

    /// TOML allows an array to span lines; the hand-written reader that came before
    /// TOMLKit rejected this with `expected a value`.
    @Test func readsAMultiLineArray() throws {
        let config = try load("[lint]\ndisable = [\n  \"MIG106\",\n  \"MIG108\",  # noisy\n]\n")
        #expect(config.lintDisabled == ["MIG106", "MIG108"])
    }

    @Test func readsDottedKeysAndInlineTables() throws {
        #expect(try load("lint.strict = true\n").lintStrict)
        #expect(try load("runner = { lock_timeout = 5 }\n").lockTimeout?.milliseconds == 5_000)
    }

    @Test func pointsAtTheFileLineAndKey() {
        #expect(loadError("dir = \"a\"\ndatabase = \"sqlite:x") == "migc.toml:2:21: error: invalid string: encountered end-of-file")
        #expect(loadError("database = \"x\"\n[lint]\nstrict = \"yes\"\n") == "migc.toml:3:1: error: `lint.strict` must be true or false")
        #expect(loadError("[runner]\n  lock_timout = 3\n")
            == "migc.toml:2:3: error: unknown setting `runner.lock_timout`; did you mean `runner.lock_timeout`?")
        #expect(loadError("[lint]\ndisable = [\n  \"MIG106\",\n  7,\n]\n") == "migc.toml:2:1: error: `lint.disable` must be an array of strings")
        #expect(loadError("dir = \"a\"\nlint.strict = 1\n") == "migc.toml:2:1: error: `lint.strict` must be true or false")
        #expect(loadError("dir = 'a'\nrunner = { lock_timeout = -1 }\n") == "migc.toml:2:1: error: `runner.lock_timeout` must be a duration: seconds, or a string such as \"5s\", \"200ms\", \"off\"")
    }

    /// Writes `text` to a scratch migc.toml and loads it as the commands do.
    private func load(_ text: String) throws -> ProjectConfig {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migc-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("migc.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ProjectConfig.load(path: path)
    }

    /// The error `migc` prints for `text` in ./migc.toml.
    private func loadError(_ text: String) -> String? {
        do { _ = try ProjectConfig(parsing: text, path: "migc.toml") } catch { return error.description }
        return nil
    }
}
