import Foundation
import Testing
@testable import MigCore

/// Issue 10 #4, #5, #14: what migc writes and reads outside the `.mig` files. A
/// planted link is never followed for a temporary file, a cache that is no regular
/// file is ignored (quickly), and special files and links are written through,
/// never replaced.
@Suite struct FileSafetyTests {
    private let later = DirectoryWalk.now() + 60_000_000_000

    private func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migc-safe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/.migc-cache", withIntermediateDirectories: true)
        try "revision a\nmessage \"a\"\n".write(toFile: dir + "/a.mig", atomically: true, encoding: .utf8)
        return dir
    }

    private func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// #4: the temporary name the cache used to write (`headers.bin.<pid>.tmp`) holds
    /// a link to a victim file: writing the cache leaves the victim as it was.
    @Test func plantedTemporaryLinkIsNotFollowed() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let victim = dir + "/victim.sh"
        try "#!/bin/sh\necho untouched\n".write(toFile: victim, atomically: true, encoding: .utf8)
        let planted = HeaderCache.path(root: dir) + ".\(getpid()).tmp"
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)

        let project = ProjectLoader.loadHeaders(directory: dir, cache: true, now: later)
        #expect(project.files.count == 1)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "#!/bin/sh\necho untouched\n")
        #expect(fileType(planted) == S_IFLNK, "the planted link is left alone")
        #expect(fileType(HeaderCache.path(root: dir)) == S_IFREG, "the cache itself was written")
    }

    /// A temporary file is created exclusively and never through a link, wherever the
    /// link points (a dangling one included).
    @Test func temporaryFilesAreCreatedExclusively() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (fd, path) = try FileOutput.temporaryFile(beside: dir + "/out.sql")
        close(fd)
        #expect(path.hasPrefix(dir + "/.out.sql.migc-") && fileType(path) == S_IFREG)
        // `create` refuses an existing name, even a dangling link, and writes nothing there.
        try FileManager.default.createSymbolicLink(atPath: dir + "/new.mig", withDestinationPath: dir + "/elsewhere")
        #expect(throws: FileOutputError.self) { try FileOutput.create("x", at: dir + "/new.mig") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/elsewhere"))
    }

    /// #5: a FIFO at the cache path would block a reader for ever; `/dev/zero` would
    /// fill memory. Both are ignored at once and the headers come from the files.
    @Test(.timeLimit(.minutes(1)), arguments: ["fifo", "zero"])
    func specialCacheFileIsIgnored(kind: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = HeaderCache.path(root: dir)
        if kind == "fifo" {
            #expect(mkfifo(cache, 0o644) == 0)
        } else {
            try FileManager.default.createSymbolicLink(atPath: cache, withDestinationPath: "/dev/zero")
        }
        let started = Date()
        #expect(HeaderCache.read(root: dir) == nil)
        let project = ProjectLoader.loadHeaders(directory: dir, cache: true, now: later)
        #expect(project.files.map(\.header.revision?.name) == ["a"])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(fileType("/dev/zero") == S_IFCHR)
    }

    /// A null device of our own (major 1, minor 3), so a regression replaces it and
    /// not the machine's `/dev/null`. Without the right to make one (not root),
    /// `/dev/null` itself, which then cannot be replaced either.
    static func privateNullDevice(in dir: String) throws -> String {
        let path = dir + "/null"
        if mknod(path, S_IFCHR | 0o666, dev_t(0x103)) == 0 { return path }
        guard getuid() != 0 else { throw DeviceError(errno: errno) }
        return "/dev/null"
    }

    struct DeviceError: Error { var errno: Int32 }

    /// #14: a regular file is replaced (keeping its mode); `/dev/null`, a FIFO and a
    /// link are written through and stay what they were.
    @Test(.timeLimit(.minutes(1))) func specialFilesAndLinksAreWrittenThrough() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let regular = dir + "/out.sql"
        try "old".write(toFile: regular, atomically: true, encoding: .utf8)
        chmod(regular, 0o600)
        try FileOutput.write("new", to: regular)
        #expect(try String(contentsOfFile: regular, encoding: .utf8) == "new")
        var info = stat()
        stat(regular, &info)
        #expect(info.st_mode & 0o777 == 0o600)

        let device = try Self.privateNullDevice(in: dir)
        try FileOutput.write("discarded", to: device)
        #expect(fileType(device) == S_IFCHR)

        let link = dir + "/link.sql"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: regular)
        try FileOutput.write("through the link", to: link)
        #expect(fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: regular, encoding: .utf8) == "through the link")

        let fifo = dir + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = FIFOReader(fifo)
        try FileOutput.write("into the pipe", to: fifo)
        #expect(reader.wait() == "into the pipe")
        #expect(fileType(fifo) == S_IFIFO)
    }
}

/// Reads a FIFO to its end on another thread (Foundation's readers refuse FIFOs):
/// `open` blocks until the writer comes, `wait()` returns what it wrote.
final class FIFOReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var text = ""

    init(_ path: String) {
        Thread.detachNewThread { [self] in
            let fd = open(path, O_RDONLY)
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while fd >= 0 {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                bytes += buffer[0..<n]
            }
            if fd >= 0 { close(fd) }
            text = String(decoding: bytes, as: UTF8.self)
            done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return text
    }
}
