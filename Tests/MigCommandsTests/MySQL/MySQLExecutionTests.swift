import Foundation
import MigTestSupport
import Testing

/// `migc build --dialect mysql` scripts run on a real MariaDB: every revision up to
/// the head, the version table at the head, the tables the migrations create, then
/// the downgrade script back to an empty schema. (saas is left out: it uses the
/// postgres-only `"tsvector"` type on purpose.)
@Suite struct MySQLExecutionTests {
    static let examples = ["blog", "shop"]

    func build(_ example: String, down: Bool, into dir: URL) throws -> String {
        let path = dir.appendingPathComponent("\(example).\(down ? "down" : "up").sql").path
        let args = ["build", "--dialect", "mysql", "--dir", CLI.packageRoot.appendingPathComponent("examples/\(example)").path, "-o", path]
        let result = try CLI.run(args + (down ? ["--down"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test(arguments: examples)
    func upThenDownOnMariaDB(_ example: String) throws {
        let server = try MariaDBServer.shared.get()
        let database = try server.freshDatabase()
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }

        let up = try server.client([], database: database, input: try build(example, down: false, into: dir))
        #expect(up.status == 0, "upgrade script failed: \(up.output)")
        let heads = try CLI.run(["heads", "--dir", CLI.packageRoot.appendingPathComponent("examples/\(example)").path])
        let head = String(heads.stdout.prefix(12))
        let version = try server.client(["-e", "SELECT revision FROM migc_version"], database: database)
        #expect(version.output.trimmingCharacters(in: .whitespacesAndNewlines) == head)
        let tables = try server.client(["-e", "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"], database: database)
        #expect((Int(tables.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 4, "\(tables.output)")

        let down = try server.client([], database: database, input: try build(example, down: true, into: dir))
        #expect(down.status == 0, "downgrade script failed: \(down.output)")
        let left = try server.client(["-e", "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1"], database: database)
        #expect(left.output.split(separator: "\n").map(String.init) == ["migc_history", "migc_version"])
        let empty = try server.client(["-e", "SELECT count(*) FROM migc_version"], database: database)
        #expect(empty.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
