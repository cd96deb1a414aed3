// Listing and reading the `.mig` files of a migrations directory with plain POSIX
// calls: FileManager's listing, `fileExists` and `contents(atPath:)` cost several
// times more per file, which shows on 10,000-revision histories.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What says whether a file changed since it was last read: device, inode, size,
/// modification and status-change times (nanoseconds since 1970). A rewrite, a
/// replacement by rename, a `touch`, a `chmod` all change at least one of them.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: Int64
    public var changed: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// Whether the file was last touched at least `margin` before `time`. A file
    /// touched later may change again within the same (coarse) clock tick without
    /// its stamp changing, so only settled files are trusted from a cache (git's
    /// "racy clean" problem).
    public func isSettled(before time: Int64, margin: Int64 = FileStamp.settleMargin) -> Bool {
        max(modified, changed) < time - margin
    }

    /// Three seconds: more than any file system's timestamp granularity (FAT: 2 s).
    public static let settleMargin: Int64 = 3_000_000_000
}

/// One `.mig` file found under a directory.
public struct FoundFile: Sendable {
    /// `sub/dir/name.mig`, relative to the walked directory.
    public var relative: String
    public var stamp: FileStamp
}

enum DirectoryWalk {
    /// The `.mig` files under `root` (recursively, following symbolic links, each
    /// directory once), skipping names that start with a dot; sorted by relative path
    /// (byte order, see `precedes`).
    static func migFiles(root: String) throws(ProjectLoader.LoadError) -> [FoundFile] {
        var skipped: [String] = []
        return try migFiles(root: root, skipped: &skipped)
    }

    /// The same, and in `skipped` the `.mig` names that are no regular file (a
    /// dangling link, a FIFO, a device): the loader warns about them.
    static func migFiles(root: String, skipped: inout [String]) throws(ProjectLoader.LoadError) -> [FoundFile] {
        guard let rootStat = fileInfo(root.isEmpty ? "/" : root) else { throw .missing(root) }
        guard isDirectory(rootStat) else { throw .notADirectory(root) }
        var found: [FoundFile] = []
        var seen: Set<[UInt64]> = [[UInt64(rootStat.st_dev), UInt64(rootStat.st_ino)]]
        try collect(root, relative: "", seen: &seen, into: &found, skipped: &skipped)
        skipped.sort(by: precedes)
        return sorted(found)
    }

    /// `files` by relative path in byte order. The names are copied into one buffer
    /// and an index array is sorted: no reference counting in the comparisons, which
    /// made sorting 10,000 `String`s cost as much as the rest of the walk.
    private static func sorted(_ files: [FoundFile]) -> [FoundFile] {
        var pool: [UInt8] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(files.count)
        for file in files {
            let start = pool.count
            pool += file.relative.utf8
            ranges.append(start..<pool.count)
        }
        var order = Array(files.indices)
        pool.withUnsafeBufferPointer { bytes in
            order.sort { compare(bytes, ranges[$0], ranges[$1]) < 0 }
        }
        return order.map { files[$0] }
    }

    private static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int32 {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, common)
        return order != 0 ? order : Int32(a.count - b.count).signum()
    }

    /// Depth-first; `relative` is "" or "sub/dir/".
    private static func collect(
        _ root: String, relative: String, seen: inout Set<[UInt64]>, into found: inout [FoundFile], skipped: inout [String]
    ) throws(ProjectLoader.LoadError) {
        let here = root + "/" + relative
        guard let dir = opendir(here) else { throw .unreadable(relative.isEmpty ? root : root + "/" + relative.dropLast()) }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            let isMig = name.hasSuffix(".mig")
            // A plain file that is not a .mig file needs no stat.
            if entry.pointee.d_type == UInt8(DT_REG), !isMig { continue }
            // Relative to the open directory: no path to build and resolve.
            var info = stat()
            guard fstatat(dirfd(dir), name, &info, 0) == 0 else {
                if isMig { skipped.append(relative + name) }
                continue
            }
            if isDirectory(info) {
                guard seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { continue }
                try collect(root, relative: relative + name + "/", seen: &seen, into: &found, skipped: &skipped)
            } else if isMig, (info.st_mode & S_IFMT) == S_IFREG {
                found.append(FoundFile(relative: relative + name, stamp: stamp(info)))
            } else if isMig {
                skipped.append(relative + name)
            }
        }
    }

    /// Byte-wise (UTF-8) order: the same as `<` for ASCII and NFC names, and several
    /// times cheaper than `String`'s Unicode-aware comparison.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `stat` (following links), or nil when the path does not exist or cannot be read.
    static func fileInfo(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }

    static func stamp(_ info: stat) -> FileStamp {
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        return FileStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: nanoseconds(modified), changed: nanoseconds(changed))
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }

    /// The wall clock, in nanoseconds since 1970 (the clock file times come from).
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    /// The whole file, or nil when it cannot be opened or read, or is not a regular
    /// file (a FIFO or device swapped in after the listing): opened non-blocking, so
    /// a FIFO never waits for a writer. One read for a file of the size `fstat` gave;
    /// more only if it grew meanwhile.
    static func read(path: String) -> [UInt8]? {
        readRegularFile(path: path, followLinks: true, limit: Int.max)
    }

    /// A regular file of at most `limit` bytes, never through a link unless
    /// `followLinks`; nil for anything else (the header cache: `/dev/zero` or a FIFO
    /// planted there must neither fill memory nor block).
    static func readRegularFile(path: String, followLinks: Bool = false, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= limit else { return nil }
        var bytes: [UInt8] = []
        var chunk = max(Int(info.st_size), 0) + 1
        while true {
            guard let got = append(from: fd, upTo: chunk, to: &bytes), bytes.count <= limit else { return nil }
            if got < chunk { return bytes }
            chunk = 64 * 1024
        }
    }

    /// Reads up to `count` bytes onto the end of `bytes`; how many, or nil on error.
    private static func append(from fd: Int32, upTo count: Int, to bytes: inout [UInt8]) -> Int? {
        var failed = false
        let chunk = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let n = systemRead(fd, buffer.baseAddress! + filled, count - filled)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failed = true }
                if n <= 0 { return }
                filled += n
            }
        }
        if failed { return nil }
        bytes += chunk
        return chunk.count
    }
}

/// `read(2)` under a name `DirectoryWalk.read(path:)` does not shadow.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
