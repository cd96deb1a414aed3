import Foundation
import Testing

/// A project of one revision file in a temporary directory (removed by `remove()`),
/// for tests that run its `migc build --dialect mysql` script on MariaDB.
struct OneRevisionProject {
    let dir: URL

    init(_ revision: String) throws {
        dir = try CLI.temporaryDirectory()
        try revision.write(to: dir.appendingPathComponent("0a1b2c3d4e5f_test.mig"), atomically: true, encoding: .utf8)
    }

    /// Writes the upgrade script for `dialect` and returns its path.
    func buildScript(dialect: String = "mysql") throws -> URL {
        let script = dir.appendingPathComponent("up.sql")
        let build = try CLI.run(["build", "--dialect", dialect, "--dir", dir.path, "-o", script.path])
        #expect(build.status == 0, "\(build.stderr)")
        return script
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}
