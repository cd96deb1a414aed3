import Foundation
import Testing
@testable import MigCore

@Suite struct ProjectLoaderTests {
    private func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("migc-graph-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/sub/deeper", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path + "/.hidden", withIntermediateDirectories: true)
        for name in ["b.mig", "a.mig", "sub/c.mig", "sub/deeper/0.mig", ".hidden/x.mig", ".y.mig", "notes.txt"] {
            try Data("revision x\n".utf8).write(to: URL(fileURLWithPath: path + "/" + name))
        }
        return path
    }

    @Test func findsMigFilesRecursivelySortedSkippingHidden() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try ProjectLoader.migFiles(in: dir) == ["a.mig", "b.mig", "sub/c.mig", "sub/deeper/0.mig"].map { dir + "/" + $0 })
        #expect(try ProjectLoader.migFiles(in: dir + "/") == ["a.mig", "b.mig", "sub/c.mig", "sub/deeper/0.mig"].map { dir + "/" + $0 })
    }

    @Test func loadKeepsSourcesAndParserDiagnostics() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let project = ProjectLoader.load(directory: dir) { bytes, path in
            (revision(nil, path: path), [.warning("w", at: .file(path))])
        }
        #expect(project.directoryFound)
        #expect(project.files.map(\.path) == ["a.mig", "b.mig", "sub/c.mig", "sub/deeper/0.mig"].map { dir + "/" + $0 })
        #expect(project.diagnostics.count == 4)
        #expect(project.sources[dir + "/a.mig"]?.line(1) == "revision x")
    }

    @Test func missingDirectoryIsADiagnostic() {
        let project = ProjectLoader.load(directory: "/nonexistent/migrations") { _, path in (revision(nil, path: path), []) }
        #expect(!project.directoryFound)
        #expect(project.diagnostics.map(\.code) == ["E311"])
        #expect(project.diagnostics[0].span.file == "/nonexistent/migrations")
        let rendered = DiagnosticRenderer(sources: project.sources).render(project.diagnostics)
        #expect(rendered.hasPrefix("/nonexistent/migrations: error: migrations directory `/nonexistent/migrations` does not exist [E311]\n"))
    }
}
