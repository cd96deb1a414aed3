import Foundation
import Testing

@Suite struct ParseCommandTests {
    @Test func dumpsATreeAndExitsZeroOnACleanFile() throws {
        let file = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/syntax/ok/design_example.mig")
        let result = try CLI.run(["parse", "--dump", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("create-table accounts"))
        #expect(result.stderr.isEmpty)
    }

    @Test func reportsEveryErrorOfEveryFileAndExitsOne() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "revision a1\nmessage \"m\"\nupgrade {\n  crate table t\n  drop tabel u\n}\n".write(
            to: dir.appendingPathComponent("a.mig"), atomically: true, encoding: .utf8)
        try "revison b1\nmessage \"m\"\n".write(to: dir.appendingPathComponent("b.mig"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["parse", "a.mig", "b.mig"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("a.mig:4:3: error: unknown operation `crate` [E030]"))
        #expect(result.stderr.contains("a.mig:5:8: error:"))
        #expect(result.stderr.contains("b.mig:1:1: error: unknown header line `revison` [E013]"))
        #expect(result.stderr.contains("3 errors generated."))
    }

    @Test func unreadableFileIsAUsageError() throws {
        let result = try CLI.run(["parse", "/nonexistent/x.mig"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read"))
    }
}
