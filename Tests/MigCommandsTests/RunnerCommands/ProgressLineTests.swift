import Foundation
import Testing

/// The progress line of `upgrade`, `downgrade` and `test`: on a terminal (a pty
/// from script(1)) it counts revisions; in a pipe or with --quiet it never appears.
@Suite struct ProgressLineTests {
    static let blog = CLI.packageRoot.appendingPathComponent("examples/blog").path

    /// `migc ARGS` under a pseudo-terminal; everything it wrote, as the terminal got it.
    static func onTerminal(_ args: [String], in dir: URL) throws -> String {
        let command = ([CLI.binary.path] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func onATerminalOnly() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let up = try Self.onTerminal(["upgrade", "head", "--no-fold", "--dir", Self.blog, "--database", "sqlite:a.db"], in: dir)
        #expect(up.contains("\r\u{1B}[Krevision 2 of 10 (d272d1371c17), "), "\(up)")
        #expect(up.contains(" left"))
        let quiet = try Self.onTerminal(["downgrade", "base", "--quiet", "--dir", Self.blog, "--database", "sqlite:a.db"], in: dir)
        #expect(!quiet.contains("revision 2 of"))
        let test = try Self.onTerminal(["test", "--dir", Self.blog, "--rows", "2"], in: dir)
        #expect(test.contains("revision 3 of 10 ("))
        // Not a terminal: no line, no escape codes.
        let piped = try CLI.run(["upgrade", "head", "--no-fold", "--dir", Self.blog, "--database", "sqlite:b.db"], in: dir)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("revision 1 of") && !piped.stderr.contains("\u{1B}"))
    }
}
