/// A file's bytes and where its lines start, for rendering source lines under
/// diagnostics. Bytes, not `String`: invalid UTF-8 must still be shown, not crash.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    public init(path: String, text: String) { self.init(path: path, bytes: Array(text.utf8)) }

    /// The text of 1-based `line` without its newline; invalid UTF-8 shown as U+FFFD.
    public func line(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The raw bytes of 1-based `line`, without its newline.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        return bytes[start..<max(start, end)]
    }
}

/// The files a run has read, by path, so diagnostics can quote them.
public struct SourceStore: Sendable {
    private var files: [String: SourceFile] = [:]
    public init() {}
    public mutating func add(_ file: SourceFile) { files[file.path] = file }
    public subscript(path: String) -> SourceFile? { files[path] }
}
