import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test func createsConfigAndDirectoryThenRefusesToOverwrite() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CLI.run(["init"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let toml = try String(contentsOf: dir.appendingPathComponent("migc.toml"), encoding: .utf8)
        #expect(toml.contains("database = \"sqlite:app.db\""))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("migrations").path, isDirectory: &isDirectory) && isDirectory.boolValue)
        let second = try CLI.run(["init"], in: dir)
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exists"))
    }
}
