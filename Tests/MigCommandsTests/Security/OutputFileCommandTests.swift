import Foundation
import Testing

/// Issue 10 #14 through the binary: `migc build -o PATH` writes through a device, a
/// FIFO and a link instead of replacing them with a regular file, and `migc fmt`
/// rewrites a linked revision in place of its target, keeping the link.
@Suite struct OutputFileCommandTests {
    private func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    private func project() throws -> RunnerProject {
        let p = try RunnerProject()
        try p.write("a.mig", Mig.revision("a", parent: nil, message: "users", upgrade: "  create table users {\n    id int primary key\n  }"))
        return p
    }

    /// A character device of our own (the null device's numbers), so a regression
    /// cannot destroy the machine's `/dev/null`; `/dev/null` itself only when we may
    /// not make one (not root: then it cannot be replaced either).
    @Test func buildWritesThroughADevice() throws {
        let p = try project()
        defer { p.remove() }
        var device = p.dir.appendingPathComponent("null").path
        if mknod(device, S_IFCHR | 0o666, dev_t(0x103)) != 0 {
            try #require(getuid() != 0, "root but cannot make a device node (errno \(errno)); refusing to risk /dev/null")
            device = "/dev/null"
        }
        let r = try p.migc("build", "-o", device)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fileType(device) == S_IFCHR)
    }

    @Test(.timeLimit(.minutes(1))) func buildWritesIntoAFIFOWithAReader() throws {
        let p = try project()
        defer { p.remove() }
        let fifo = p.dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // The reader: `cat` copies the FIFO into a file until migc closes it.
        let copy = p.dir.appendingPathComponent("copy.sql")
        FileManager.default.createFile(atPath: copy.path, contents: nil)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        reader.standardOutput = try FileHandle(forWritingTo: copy)
        try reader.run()
        let r = try p.migc("build", "-o", fifo)
        #expect(r.status == 0, "\(r.stderr)")
        reader.waitUntilExit()
        #expect(try String(contentsOf: copy, encoding: .utf8).contains("CREATE TABLE \"users\""))
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func buildAndFmtWriteThroughALink() throws {
        let p = try project()
        defer { p.remove() }
        let target = p.dir.appendingPathComponent("target.sql").path
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        let link = p.dir.appendingPathComponent("out.sql").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try p.migc("build", "-o", "out.sql")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("CREATE TABLE \"users\""))

        // A revision kept elsewhere and linked in: fmt rewrites the target, keeps the link.
        let real = p.dir.appendingPathComponent("b.real").path
        try "revision b\nparent a\nmessage \"b\"\nupgrade {\n  drop   table users\n}\n".write(toFile: real, atomically: true, encoding: .utf8)
        let linked = p.migrations.appendingPathComponent("b.mig").path
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: real)
        let fmt = try p.migc("fmt", "migrations/b.mig")
        #expect(fmt.status == 0, "\(fmt.stderr)")
        #expect(fileType(linked) == S_IFLNK)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("  drop table users\n"))
    }

    /// Low item: `new --label` with a newline wrote an unparseable file and exited 0.
    @Test func newRefusesALabelThatWouldNotParse() throws {
        let p = try project()
        defer { p.remove() }
        let r = try p.migc("new", "-m", "next", "--label", "x\nupgrade {")
        #expect(r.status != 0, "\(r.stdout)")
        #expect(r.stderr.contains("nothing written"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.migrations.path) == ["a.mig"])
    }
}
