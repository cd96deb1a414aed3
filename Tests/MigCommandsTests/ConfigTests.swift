import Testing
@testable import MigCommands

@Suite struct ConfigTests {
    @Test func readsTheSubsetMigcUses() throws {
        let toml = try TOMLSubset(parsing: """
            # project settings
            database = "sqlite:app.db"   # trailing comment
            dir = 'db/migrations'
            [lint]
            disable = ["MIG106", "MIG108"]
            strict = true
            [runner]
            lock_timeout = 30
            """)
        #expect(toml.values["database"] == .string("sqlite:app.db"))
        #expect(toml.values["dir"] == .string("db/migrations"))
        #expect(toml.values["lint.disable"] == .array([.string("MIG106"), .string("MIG108")]))
        #expect(toml.values["lint.strict"] == .bool(true))
        #expect(toml.values["runner.lock_timeout"] == .integer(30))
    }

    @Test func reportsLineAndColumnOfBadSyntax() {
        #expect(throws: TOMLSubset.ParseError(line: 2, column: 12, message: "unterminated string")) {
            try TOMLSubset(parsing: "dir = \"a\"\ndatabase = \"sqlite:x")
        }
        #expect(throws: TOMLSubset.ParseError(line: 2, column: 1, message: "key `dir` is defined twice")) {
            try TOMLSubset(parsing: "dir = \"a\"\ndir = \"b\"").values
        }
    }
}
