import Foundation
import Testing
@testable import MigCore

/// Issue 10, low items decided in code (docs/security.md says which were
/// documented instead).
@Suite struct LowItemsTests {
    /// A revision id longer than the version table's `varchar(255)` is an error.
    @Test func revisionIDsFitTheVersionTable() {
        let ok = String(repeating: "a", count: 255), long = String(repeating: "a", count: 256)
        #expect(Parser.parse(source: "revision \(ok)\nmessage \"m\"\n", path: "a.mig").diagnostics.isEmpty)
        let codes = Parser.parse(source: "revision \(long)\nmessage \"m\"\n", path: "a.mig").diagnostics.map(\.code)
        #expect(codes == ["E014"])
    }

    /// Dangling `.mig` links and FIFOs are skipped with a warning (E313), not silently.
    @Test func skippedFilesAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migc-skip-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "revision a\nmessage \"a\"\n".write(toFile: dir + "/a.mig", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/b.mig", withDestinationPath: dir + "/gone.mig")
        #expect(mkfifo(dir + "/c.mig", 0o644) == 0)
        for project in [ProjectLoader.load(directory: dir), ProjectLoader.loadHeaders(directory: dir, cache: false)] {
            #expect(project.files.count == 1)
            let warnings = project.diagnostics.filter { $0.code == "E313" }
            #expect(warnings.map(\.severity) == [.warning, .warning])
            #expect(warnings.map(\.span.file) == [dir + "/b.mig", dir + "/c.mig"])
        }
    }

    /// Decision (docs/security.md): names compare by canonical equivalence, so the
    /// NFC and NFD spellings of one name are one name, and the second definition is
    /// a true "already exists" (PostgreSQL would otherwise hold two tables whose
    /// names print alike).
    @Test func nfcAndNFDSpellingsAreOneName() {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let text = "revision a\nmessage \"m\"\nupgrade {\n  create table `\(nfc)` {\n    id int primary key\n  }\n  create table `\(nfd)` {\n    id int primary key\n  }\n}\n"
        let file = Parser.parse(source: text, path: "a.mig").file
        let (graph, _) = RevisionGraph.build([file])
        let codes = Checker.check(graph, options: CheckOptions()).diagnostics.map(\.code)
        #expect(codes.contains("E101"))
    }
}
