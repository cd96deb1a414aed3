import Foundation
import Testing

/// Issue 10 #9, #11 and the escape-code item through the binary: bad input gives
/// bounded, inert output and runs nothing.
@Suite struct InputSafetyCommandTests {
    /// #9: a 4 MB random file gives one short diagnostic, quickly.
    @Test func randomFileGivesBoundedOutputQuickly() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<(4 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: p.migrations.appendingPathComponent("random.mig"))
        for command in [["lint"], ["heads"], ["build"]] {
            let started = Date()
            let r = try p.migc(command)
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr.contains("[E082]"), "\(command): \(r.stderr.prefix(500))")
            #expect(r.stderr.utf8.count < 4_000, "\(command): \(r.stderr.utf8.count) bytes")
            #expect(Date().timeIntervalSince(started) < 15, "\(command)")
        }
    }

    /// #11: SQL after a NUL used to be cut off silently (1 of 2 rows inserted, exit 0).
    @Test func nulInSQLIsRejectedAndNothingRuns() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let text = Mig.revision("a", parent: nil, message: "rows", upgrade: """
              create table t {
                id int primary key
              }
              sql \"\"\"
                INSERT INTO t VALUES (1);\u{0}
                INSERT INTO t VALUES (2);
              \"\"\"
            """)
        try p.write("a.mig", text)
        let r = try p.migc("upgrade", "head")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("NUL byte (U+0000) in source [E009]"), "\(r.stderr)")
        #expect(!r.stderr.utf8.contains(0))
        #expect(try p.versionRows().isEmpty)
        #expect(try p.sqlite("SELECT count(*) FROM sqlite_master WHERE name = 't'").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// Terminal escape codes in a file reach the terminal escaped: a message, a
    /// name and the source line shown under a diagnostic.
    @Test func escapeCodesAreNotPrintedRaw() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        try p.write("a.mig", "revision a\nmessage \"\u{1B}]0;pwned\u{07}\"\nupgrade {\n  drop table `x\u{1B}[2J`\n}\n")
        for command in [["lint"], ["history"], ["history", "--verbose"], ["heads"], ["branches"]] {
            let r = try p.migc(command)
            #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"), "\(command): \(r.stdout) \(r.stderr)")
        }
    }
}
