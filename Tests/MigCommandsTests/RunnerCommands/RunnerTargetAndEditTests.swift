import Foundation
import Testing

/// Upgrade targets behind the database, and `--allow-edited` being needed once.
@Suite struct RunnerTargetAndEditTests {
    static let blog = CLI.packageRoot.appendingPathComponent("examples/blog").path

    func copyOfBlog() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let migrations = dir.appendingPathComponent("migrations")
        try FileManager.default.copyItem(atPath: Self.blog, toPath: migrations.path)
        return dir
    }

    @Test func upgradeToARevisionBehindTheDatabaseIsRefused() throws {
        let dir = try copyOfBlog()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = ["--database", "sqlite:" + dir.appendingPathComponent("app.db").path]
        #expect(try CLI.run(["upgrade", "-q"] + db, in: dir).status == 0)
        let behind = try CLI.run(["upgrade", "a4c1"] + db, in: dir)
        #expect(behind.status == 2)
        #expect(behind.stderr.contains("is behind the database"))
        #expect(behind.stderr.contains("migc downgrade a4c1"))
        // At the target already: nothing to do, exit 0.
        let same = try CLI.run(["upgrade", "head"] + db, in: dir)
        #expect(same.status == 0)
        #expect(same.stdout.contains("nothing to do"))
    }

    @Test func allowEditedIsNeededOnceThenTheNewTextIsAccepted() throws {
        let dir = try copyOfBlog()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = ["--database", "sqlite:" + dir.appendingPathComponent("app.db").path]
        #expect(try CLI.run(["upgrade", "-q"] + db, in: dir).status == 0)
        let file = dir.appendingPathComponent("migrations/a4c123b1612d_create_users.mig")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "message  \"create users\"", with: "message  \"create the users table\"")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let refused = try CLI.run(["upgrade"] + db, in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("a4c123b1612d"))
        #expect(try CLI.run(["upgrade", "--allow-edited"] + db, in: dir).status == 0)
        let again = try CLI.run(["upgrade"] + db, in: dir)
        #expect(again.status == 0, "the accepted text needs no flag again: \(again.stderr)")
    }
}
