import Foundation
import Testing

@Suite struct NewAndMergeTests {
    func migrations(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("migrations").path).sorted()
    }

    func revisionID(in dir: URL, named suffix: String) throws -> String {
        String(try migrations(dir).first { $0.hasSuffix(suffix) }!.prefix(12))
    }

    @Test func newChainsOnTheHeadAndRefusesOnMultipleHeadsUntilMerged() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try CLI.run(["init"], in: dir)
        #expect(try CLI.run(["new", "-m", "create users"], in: dir).status == 0)
        #expect(try CLI.run(["new", "-m", "add email!"], in: dir).status == 0)
        let users = try revisionID(in: dir, named: "_create_users.mig")
        let email = try revisionID(in: dir, named: "_add_email.mig")
        let emailText = try String(contentsOf: dir.appendingPathComponent("migrations/\(email)_add_email.mig"), encoding: .utf8)
        #expect(emailText.contains("parent   \(users)\n"))
        #expect(emailText.contains("message  \"add email!\"\n"))

        #expect(try CLI.run(["new", "-m", "side", "--head", users], in: dir).status == 0)
        let refused = try CLI.run(["new", "-m", "ambiguous"], in: dir)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("multiple heads"))
        #expect(refused.stderr.contains("migc merge heads"))

        let merged = try CLI.run(["merge", "heads", "-m", "merge branches"], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        let heads = try CLI.run(["heads"], in: dir)
        #expect(heads.stdout.split(separator: "\n").count == 1)
        #expect(try CLI.run(["new", "-m", "after merge"], in: dir).status == 0)
        // Every generated file is already in canonical form.
        #expect(try CLI.run(["fmt", "--check"], in: dir).status == 0)
    }

    @Test func emptyMessageIsAUsageError() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["new", "-m", "  "], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("message is empty"))
    }
}
