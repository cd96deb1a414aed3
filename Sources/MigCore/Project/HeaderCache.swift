// The header cache: `heads`, `history`, `branches` and `current` need only the
// header lines of each file, and reading plus parsing 10,000 files costs more than
// everything else they do. So the headers are remembered in
// `<dir>/.migc-cache/headers.bin`, one entry per file with its `FileStamp`.
//
// Safe by construction:
// - an entry is used only when the file's device, inode, size, mtime and ctime are
//   all unchanged, and the file had settled before the cache was written (see
//   `FileStamp.isSettled`); anything else is read and parsed again;
// - files whose header has diagnostics are never cached (they are parsed every run,
//   so their diagnostics and source lines are always fresh);
// - the cache carries a format version, the identity of the migc binary that wrote
//   it and a checksum: a cache from another build, a damaged, truncated or unreadable
//   one is ignored and rewritten, never an error;
// - it is written to a temporary file (created exclusively, never through a planted
//   link) and renamed into place, so readers see the old or the new cache, never half
//   of one; only a regular file of bounded size is ever read back.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct HeaderCache {
    struct Entry {
        /// The path relative to the migrations directory.
        var relative: String
        /// `root/relative` (not stored: rebuilt from the directory being read).
        var path: String
        var stamp: FileStamp
        var header: RevisionHeader
    }

    /// When the run that wrote this cache started (nanoseconds since 1970).
    var writtenAt: Int64
    /// Sorted by `relative` as `DirectoryWalk` sorts files, so the loader matches
    /// the two lists in one pass, without hashing 10,000 paths.
    var entries: [Entry] = []

    static let directoryName = ".migc-cache"
    static let fileName = "headers.bin"
    private static let magic = Array("MIGCHDR1".utf8)
    /// Bump when the encoding changes.
    private static let formatVersion: UInt64 = 3

    static func directory(root: String) -> String { root + "/" + directoryName }
    static func path(root: String) -> String { directory(root: root) + "/" + fileName }

    /// The index of the entry for `file` when its stamp is unchanged and it had
    /// settled when the cache was written. `cursor` walks `entries`: files must be
    /// asked for in `DirectoryWalk` order.
    func entry(for file: FoundFile, cursor: inout Int) -> Int? {
        while cursor < entries.count, DirectoryWalk.precedes(entries[cursor].relative, file.relative) {
            cursor += 1
        }
        guard cursor < entries.count else { return nil }
        let entry = entries[cursor]
        guard entry.relative == file.relative, entry.stamp == file.stamp,
              entry.stamp.isSettled(before: writtenAt) else { return nil }
        return cursor
    }

    /// The cache of `root`, or nil when there is none or it cannot be trusted. Only
    /// a regular file of bounded size is read: a link, `/dev/zero` or a FIFO planted
    /// at the path is ignored (and replaced by the next write), never read or waited on.
    static func read(root: String) -> HeaderCache? {
        guard let bytes = DirectoryWalk.readRegularFile(path: path(root: root), limit: maximumSize) else { return nil }
        return try? decode(bytes, root: root)
    }

    /// 256 MiB: about a million revisions' headers; anything larger is not a cache.
    static let maximumSize = 256 << 20

    /// Writes the cache atomically; false when it could not (a read-only directory,
    /// a full disk): the cache is an optimisation, so that is never an error. The
    /// temporary file is created exclusively, never through a link (`FileOutput`),
    /// and nothing is written unless `.migc-cache` is a real directory.
    @discardableResult
    func write(root: String) -> Bool {
        let folder = Self.directory(root: root)
        if mkdir(folder, 0o755) == 0 {
            // Keeps the cache out of version control in any repository.
            try? FileOutput.create("# created by migc\n*\n", at: folder + "/.gitignore")
        } else if errno != EEXIST {
            return false
        }
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        do {
            try FileOutput.replace(Self.path(root: root), with: encoded(root: root), mode: nil)
            return true
        } catch {
            return false
        }
    }

    func encoded(root: String) -> [UInt8] {
        var w = ByteWriter()
        w.bytes = Self.magic
        w.unsigned(Self.formatVersion)
        w.string(Self.toolStamp)
        w.signed(writtenAt)
        w.unsigned(UInt64(entries.count))
        for entry in entries {
            w.string(entry.relative)
            w.unsigned(entry.stamp.device)
            w.unsigned(entry.stamp.inode)
            w.signed(entry.stamp.size)
            w.signed(entry.stamp.modified)
            w.signed(entry.stamp.changed)
            w.header(entry.header, path: root + "/" + entry.relative)
        }
        let sum = fnv1a(w.bytes[...])
        for shift in stride(from: 0, to: 64, by: 8) { w.bytes.append(UInt8(truncatingIfNeeded: sum >> UInt64(shift))) }
        return w.bytes
    }

    static func decode(_ bytes: [UInt8], root: String) throws(CacheCorrupt) -> HeaderCache {
        let end = bytes.count - 8
        guard end >= magic.count, bytes[..<magic.count].elementsEqual(magic) else { throw CacheCorrupt() }
        var sum: UInt64 = 0
        for (i, b) in bytes[end...].enumerated() { sum |= UInt64(b) << UInt64(8 * i) }
        guard sum == fnv1a(bytes[..<end]) else { throw CacheCorrupt() }
        var r = ByteReader(bytes, end: end)
        r.position = magic.count
        guard try r.unsigned() == formatVersion, try r.string() == toolStamp else { throw CacheCorrupt() }
        var cache = HeaderCache(writtenAt: try r.signed())
        let count = try r.count()
        cache.entries.reserveCapacity(count)
        for _ in 0..<count {
            let relative = try r.string()
            let path = root + "/" + relative
            let stamp = try FileStamp(
                device: r.unsigned(), inode: r.unsigned(), size: r.signed(), modified: r.signed(), changed: r.signed())
            cache.entries.append(Entry(relative: relative, path: path, stamp: stamp, header: try r.header(path: path)))
        }
        guard r.atEnd else { throw CacheCorrupt() }
        return cache
    }

    /// Which migc build wrote a cache: the size and mtime of the running executable,
    /// so a rebuilt parser never reads headers an older one cached.
    static let toolStamp: String = {
        guard let info = DirectoryWalk.fileInfo("/proc/self/exe") else { return "unknown" }
        let stamp = DirectoryWalk.stamp(info)
        return "\(stamp.size)-\(stamp.modified)"
    }()
}
