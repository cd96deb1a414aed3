// Bounds on what one bad file can produce. A 4 MB random file used to give 456 MB
// of diagnostics; now a file that is not text gets one diagnostic, and any file
// stops after `MigParser.errorLimit` errors (like clang's -ferror-limit).

enum TextCheck {
    /// More bytes than this that cannot be in a text file (invalid UTF-8, NUL and
    /// other control characters) mean the file is not text at all: a few stray
    /// Latin-1 letters still get their own E001 at each place.
    static let tolerated = 8

    /// The offset of the first non-text byte and how many there are, when there are
    /// more than `tolerated`; nil for a text file.
    static func nonText(_ bytes: [UInt8]) -> (first: Int, count: Int)? {
        bytes.withUnsafeBufferPointer { p in
            var first = -1
            var count = 0
            var i = 0
            while i < p.count {
                let b = p[i]
                if b >= 0x20 && b < 0x7F || b == 9 || b == 10 || b == 13 || b == 12 || b == 11 { i += 1; continue }
                if b >= 0x80, let length = utf8SequenceLength(p, i) { i += length; continue }
                if first < 0 { first = i }
                count += 1
                i += 1
            }
            return count > tolerated ? (first, count) : nil
        }
    }
}

extension MigParser {
    /// Errors reported for one file before the parser stops.
    static let errorLimit = 50

    /// Called once the limit is reached: the cursor jumps to the end of the file, so
    /// every loop finishes, and one last error says so.
    mutating func stopAtErrorLimit() {
        stoppedAtLimit = true
        index = tokens.count - 1
        let at = lines.span(tokens[index].start, tokens[index].end)
        let more = lexicalErrorsNotShown > 0 ? "; \(lexicalErrorsNotShown) more lexical errors were not shown" : ""
        diagnostics.append(.error(
            SyntaxError.tooManyErrors(Self.errorLimit).message, at: at, code: SyntaxError.tooManyErrors(0).code,
            notes: [DiagnosticNote("the rest of the file was not checked\(more)")],
            help: "fix the errors above and run again"))
    }
}
