import Foundation
import Testing

@Suite struct ExitCodeTests {
    @Test func helpExitsZero() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: migc"))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let r = try CLI.run(["frobnicate"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("frobnicate"))
    }
}
