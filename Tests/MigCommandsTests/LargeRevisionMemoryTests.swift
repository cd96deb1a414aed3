import Foundation
import Testing

/// Issue 10 #8: one revision creating N tables held a schema copy per op (N²/2 table
/// entries: 3,000 tables took 1.75 GB). Peak RSS of `migc lint`, measured from
/// outside with /usr/bin/time, must stay linear.
@Suite struct LargeRevisionMemoryTests {
    static func project(tables: Int) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("migrations"), withIntermediateDirectories: true)
        try "database = \"sqlite:app.db\"\ndir = \"migrations\"\n".write(to: dir.appendingPathComponent("migc.toml"), atomically: true, encoding: .utf8)
        var text = "revision a1\nmessage \"big\"\n\nupgrade {\n"
        for i in 0..<tables { text += "  create table t\(i) {\n    id bigint primary key\n    name text not null\n    v int\n  }\n" }
        text += "}\n"
        try text.write(to: dir.appendingPathComponent("migrations/a1_big.mig"), atomically: true, encoding: .utf8)
        return dir
    }

    /// Peak resident set of `migc ARGS` in KB.
    static func peakKB(_ args: [String], in dir: URL) throws -> Int {
        let result = try Subprocess.run("/usr/bin/time", ["-f", "peak %M", CLI.binary.path] + args, in: dir)
        let line = result.stderr.split(separator: "\n").last { $0.hasPrefix("peak ") } ?? ""
        return Int(line.dropFirst(5)) ?? -1
    }

    @Test func lintOfAThousandTablesStaysSmall() throws {
        let dir = try Self.project(tables: 1_000)
        defer { try? FileManager.default.removeItem(at: dir) }
        let peak = try Self.peakKB(["lint"], in: dir)
        // Quadratic (before): about 200 MB here; linear: under 60 MB.
        #expect(peak > 0 && peak < 120_000, "peak RSS \(peak) KB")
    }
}
