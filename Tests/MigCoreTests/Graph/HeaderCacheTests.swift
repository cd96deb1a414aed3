import Foundation
import Testing
@testable import MigCore

/// The header cache must never change an answer: every test compares a cached load
/// with a fresh parse of the same files. `later` moves the clock forward so files
/// just written count as settled (`FileStamp.isSettled`) without sleeping.
@Suite struct HeaderCacheTests {
    private let later = DirectoryWalk.now() + 60_000_000_000

    private func scratch(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migc-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try write(text, to: dir + "/" + name) }
        return dir
    }

    private func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func load(_ dir: String, cache: Bool = true) -> LoadedProject {
        ProjectLoader.loadHeaders(directory: dir, cache: cache, now: later)
    }

    private func cacheFile(_ dir: String) -> String { HeaderCache.path(root: dir) }

    /// Everything a header says, spans and trivia included (`==` ignores spans).
    private func dump(_ project: LoadedProject) -> String {
        project.files.map { file in
            let h = file.header
            let ids = [h.revision].compactMap { $0 } + h.parents + h.labels + h.depends
            let spans = ids.map(\.span) + [h.message?.span, h.created?.span, h.transactionOff, h.span].compactMap { $0 }
            return "\(file.path) \(h) " + spans.map { "\($0.file)@\($0.start.offset)-\($0.end.offset):\($0.start)" }.joined(separator: " ")
        }.joined(separator: "\n") + "\n" + project.diagnostics.map(\.message).joined(separator: "\n")
    }

    private func expectSameAsParsing(_ dir: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let cached = load(dir)
        let parsed = load(dir, cache: false)
        #expect(cached.files == parsed.files, sourceLocation: sourceLocation)
        #expect(dump(cached) == dump(parsed), sourceLocation: sourceLocation)
    }

    static let history = [
        "a.mig": "-- first\nrevision a\nmessage \"create users\"\ncreated 2026-11-25T10:00:00Z\nlabel core\n\nupgrade {\n  create table users { id int }\n}\n",
        "b.mig": "revision b\nparent a -- trailing\nmessage \"b\"\ntransaction off\n",
        "sub/c.mig": "revision c\nparent a\ndepends core\nmessage \"c\"\n",
        "sub/m.mig": "revision m\nparent b, c\nmessage \"merge\"\n",
    ]

    @Test func cachedHeadersEqualParsedOnes() throws {
        let dir = try scratch(Self.history)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = load(dir)
        #expect(FileManager.default.fileExists(atPath: cacheFile(dir)))
        #expect(first.sources[dir + "/a.mig"] != nil)
        let second = load(dir)
        #expect(second.sources[dir + "/a.mig"] == nil, "the second load is served from the cache")
        #expect(second.files == first.files)
        #expect(dump(second) == dump(first))
        #expect(RevisionGraph.build(second.files).0.topologicalOrder == ["a", "b", "c", "m"])
        let ignore = try String(contentsOfFile: HeaderCache.directory(root: dir) + "/.gitignore", encoding: .utf8)
        #expect(ignore.hasSuffix("*\n"))
    }

    @Test func changedFilesAreReadAgain() throws {
        let dir = try scratch(Self.history)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = load(dir)
        // Same size, other parent: only the stamp tells.
        try write("revision m\nparent b, a\nmessage \"merge\"\n", to: dir + "/sub/m.mig")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: dir + "/sub/m.mig")
        let project = load(dir)
        #expect(project.files.last?.header.parents.map(\.name) == ["b", "a"])
        expectSameAsParsing(dir)
    }

    @Test func addedRemovedAndRenamedFiles() throws {
        let dir = try scratch(Self.history)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = load(dir)
        try FileManager.default.removeItem(atPath: dir + "/sub/m.mig")
        try FileManager.default.moveItem(atPath: dir + "/b.mig", toPath: dir + "/sub/b2.mig")
        try write("revision d\nparent c\nmessage \"d\"\n", to: dir + "/d.mig")
        let project = load(dir)
        #expect(project.files.map(\.path) == ["a.mig", "d.mig", "sub/b2.mig", "sub/c.mig"].map { dir + "/" + $0 })
        #expect(project.files[2].header.revision?.span.file == dir + "/sub/b2.mig")
        expectSameAsParsing(dir)
        // The rewritten cache holds exactly the files there are.
        let cache = try #require(HeaderCache.read(root: dir))
        #expect(cache.entries.map(\.relative) == ["a.mig", "d.mig", "sub/b2.mig", "sub/c.mig"])
    }

    @Test(arguments: ["garbage", "truncated", "flipped", "empty"])
    func damagedCacheIsIgnoredAndRewritten(_ damage: String) throws {
        let dir = try scratch(Self.history)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = load(dir)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cacheFile(dir))))
        switch damage {
        case "garbage": bytes = Array("not a cache at all, just some text".utf8)
        case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
        case "flipped": bytes[bytes.count / 2] ^= 0x40
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: cacheFile(dir)))
        #expect(HeaderCache.read(root: dir) == nil)
        expectSameAsParsing(dir)
        #expect(HeaderCache.read(root: dir)?.entries.count == 4, "rewritten whole")
    }

    @Test func unusableCacheDirectoryFallsBackToParsing() throws {
        let dir = try scratch(Self.history)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A file where the cache directory should be: nothing can be read or written.
        try write("in the way\n", to: HeaderCache.directory(root: dir))
        expectSameAsParsing(dir)
        expectSameAsParsing(dir)
        #expect(HeaderCache.read(root: dir) == nil)
    }

    @Test func filesJustWrittenAreNotTrustedYet() throws {
        let dir = try scratch(Self.history)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // At the real time, every file is younger than the settle margin.
        _ = ProjectLoader.loadHeaders(directory: dir)
        #expect((HeaderCache.read(root: dir)?.entries.count ?? 0) == 0)
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 10_000_000_000, changed: 10_000_000_000)
        #expect(stamp.isSettled(before: 14_000_000_000))
        #expect(!stamp.isSettled(before: 12_000_000_000))
    }

    @Test func filesWithDiagnosticsAreNeverCached() throws {
        let dir = try scratch(["a.mig": "revision a\nfrobnicate x\n", "b.mig": "revision b\nparent a\nmessage \"b\"\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = load(dir)
        #expect(!first.diagnostics.isEmpty)
        let second = load(dir)
        #expect(second.diagnostics.map(\.message) == first.diagnostics.map(\.message))
        #expect(second.sources[dir + "/a.mig"] != nil, "re-read, so its lines can be quoted")
        #expect(HeaderCache.read(root: dir)?.entries.map(\.relative) == ["b.mig"])
    }

    /// Graph errors found on cached headers render exactly as on parsed ones once
    /// `readSources(for:)` has fetched the lines they quote.
    @Test(arguments: GraphGoldenTests.cases("err") + GraphGoldenTests.cases("ok"))
    func fixturesRenderTheSameFromTheCache(_ fixture: URL) throws {
        let dir = try scratch([:])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for path in try ProjectLoader.migFiles(in: fixture.path) {
            try write(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self),
                      to: dir + path.dropFirst(fixture.path.count))
        }
        func rendered(_ cache: Bool) -> String {
            var project = load(dir, cache: cache)
            let (graph, diagnostics) = project.buildGraph()
            project.readSources(for: diagnostics)
            return DiagnosticRenderer(sources: project.sources).render(diagnostics.sortedByLocation())
                + GraphListing.history(graph.topologicalOrder, in: graph, verbose: true)
        }
        let parsed = rendered(false)
        _ = rendered(true)
        #expect(rendered(true) == parsed)
        expectSameAsParsing(dir)
    }

    @Test func encodingRoundTripsEveryField() throws {
        let span = SourceSpan(file: "/x/a.mig", start: MigCore.SourceLocation(line: 2, column: 3, offset: 14), end: MigCore.SourceLocation(line: 2, column: 9, offset: 20))
        let other = SourceSpan(file: "elsewhere.mig", start: MigCore.SourceLocation(line: 1, column: 1, offset: 0), end: MigCore.SourceLocation(line: 1, column: 2, offset: 1))
        let header = RevisionHeader(
            revision: Identifier("a", span: span), parents: [Identifier("p", span: other), Identifier("q")],
            message: StringLiteral("héllo \"world\"", span: span), created: StringLiteral("2026-11-25T10:00:00Z"),
            labels: [Identifier("core", span: span)], depends: [Identifier("d")], transactionOff: span,
            trivia: ["": Trivia(leading: ["-- one", "-- two"]), "parent": Trivia(trailing: "-- t")], span: span)
        let stamp = FileStamp(device: .max, inode: 7, size: -1, modified: .min, changed: .max)
        let cache = HeaderCache(writtenAt: 42, entries: [HeaderCache.Entry(relative: "a.mig", path: "/x/a.mig", stamp: stamp, header: header)])
        let decoded = try HeaderCache.decode(cache.encoded(root: "/x"), root: "/x")
        #expect(decoded.writtenAt == 42)
        #expect(decoded.entries.first?.stamp == stamp)
        let back = try #require(decoded.entries.first?.header)
        #expect(back == header)
        #expect(back.parents.map(\.span.file) == ["elsewhere.mig", "<derived>"])
        #expect(back.revision?.span.start == span.start && back.revision?.span.end == span.end)
        #expect(back.revision?.span.file == "/x/a.mig")
    }
}
