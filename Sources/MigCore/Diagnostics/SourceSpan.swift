/// A position in a source file. `line` and `column` are 1-based; `column` counts
/// UTF-8 bytes from the start of the line (as swiftc and rustc do); `offset` is the
/// 0-based byte offset into the file.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
    public var description: String { "\(line):\(column)" }
}

/// A half-open byte range `[start, end)` in one file.
///
/// Spans are metadata, not meaning: two spans always compare equal and hash alike,
/// so two AST nodes (or schema objects) are equal when they *say* the same thing,
/// wherever they were written. That is what makes `parse(print(ast)) == ast` and
/// "the downgrade restores the exact schema" plain `==` checks. Compare `start`/`end`
/// explicitly when the position itself matters.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A span for things that have no source (derived ops, introspected objects).
    public static let synthesized = SourceSpan(
        file: "<derived>", start: SourceLocation(line: 0, column: 0, offset: 0),
        end: SourceLocation(line: 0, column: 0, offset: 0))

    public var isSynthesized: Bool { start.line == 0 }

    /// The span from the start of `self` to the end of `other`.
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(file: file, start: start, end: other.end)
    }

    public static func == (_: SourceSpan, _: SourceSpan) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    public var description: String { "\(file):\(start.line):\(start.column)" }
}
