#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileOutput {
    /// Gives `temporary` (from `temporaryFile(beside:)`, already written and closed)
    /// the name `path`, which must not exist: link(2) fails with EEXIST where
    /// rename(2) would replace a file, a device or a symlink. The temporary name is
    /// removed either way. For files written by other programs (backups).
    public static func publish(_ temporary: String, at path: String) throws(FileOutputError) {
        let linked = link(temporary, path) == 0
        let code = errno
        unlink(temporary)
        guard linked else { throw FileOutputError(path, errno: code) }
    }

    /// Whether anything (a file, a directory, a device, a dangling symlink) has this name.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
