// Every file migc writes goes through here (`build -o`, `fmt` in place, `new`,
// `merge`, `init`, the header cache), so one rule holds everywhere:
// - a regular file, or a path that does not exist yet, is replaced atomically: a
//   temporary file created with O_CREAT|O_EXCL|O_NOFOLLOW in the same directory
//   (a planted file or symlink at that name is never opened), written, then renamed
//   over the path; an existing file keeps its permissions;
// - a symbolic link, a device (`/dev/null`), a FIFO or a socket is written through:
//   opened for writing, never renamed over, so `-o /dev/null` stays a device and a
//   link stays a link.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileOutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// The `errno` of the failed call.
    public var code: Int32
    public var description: String { "cannot write `\(path)`: \(String(cString: strerror(code)))" }

    init(_ path: String, errno code: Int32 = errno) {
        self.path = path
        self.code = code
    }
}

public enum FileOutput {
    /// Replaces the contents of `path` (see the rule above).
    public static func write(_ bytes: [UInt8], to path: String) throws(FileOutputError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return try replace(path, with: bytes, mode: nil) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return try writeThrough(bytes, to: path) }
        try replace(path, with: bytes, mode: info.st_mode & 0o7777)
    }

    /// Creates `path`, which must not exist (not even as a dangling link): the file
    /// appears whole or not at all, and a file created meanwhile is never replaced.
    public static func create(_ bytes: [UInt8], at path: String) throws(FileOutputError) {
        let (fd, temporary) = try temporaryFile(beside: path)
        guard fill(fd, bytes) else {
            let code = errno
            unlink(temporary)
            throw FileOutputError(path, errno: code)
        }
        // link(2) fails with EEXIST where rename(2) would replace.
        let linked = link(temporary, path) == 0
        let code = errno
        unlink(temporary)
        guard linked else { throw FileOutputError(path, errno: code) }
    }

    public static func write(_ text: String, to path: String) throws(FileOutputError) {
        try write(Array(text.utf8), to: path)
    }

    public static func create(_ text: String, at path: String) throws(FileOutputError) {
        try create(Array(text.utf8), at: path)
    }

    /// A special file or a link: opened (following the link) and written in place.
    static func writeThrough(_ bytes: [UInt8], to path: String) throws(FileOutputError) {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw FileOutputError(path) }
        let ok = writeAll(fd, bytes)
        let code = errno
        let closed = close(fd) == 0
        guard ok else { throw FileOutputError(path, errno: code) }
        guard closed else { throw FileOutputError(path) }
    }

    /// Temporary file, written, renamed over `path`.
    static func replace(_ path: String, with bytes: [UInt8], mode: mode_t?) throws(FileOutputError) {
        let (fd, temporary) = try temporaryFile(beside: path, mode: mode)
        guard fill(fd, bytes) else {
            let code = errno
            unlink(temporary)
            throw FileOutputError(path, errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileOutputError(path, errno: code)
        }
    }

    /// Writes and closes `fd`; false (errno set) on any failure.
    private static func fill(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        let ok = writeAll(fd, bytes)
        let code = errno
        let closed = close(fd) == 0
        if !ok { errno = code }
        return ok && closed
    }

    /// `.NAME.migc-XXXXXXXX.tmp` beside `path`, created exclusively and never through
    /// a link. With `mode`, the new file gets it (a replaced file keeps its mode);
    /// else 0666 less the umask, as any new file.
    public static func temporaryFile(beside path: String, mode: mode_t? = nil) throws(FileOutputError) -> (Int32, String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let suffix = String(generator.next() as UInt64, radix: 36)
            let temporary = directory + "." + name + ".migc-" + suffix + ".tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd >= 0 {
                if let mode { _ = fchmod(fd, mode) }
                return (fd, temporary)
            }
            if errno != EEXIST { throw FileOutputError(path) }
        }
        throw FileOutputError(path, errno: EEXIST)
    }

    /// Writes every byte, retrying on EINTR and short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                written += n
            }
            return true
        }
    }
}

/// `write(2)` under a name the `write` functions above do not shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
