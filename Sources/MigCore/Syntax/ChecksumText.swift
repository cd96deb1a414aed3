// What a revision's checksum is taken over. Kept apart from `Checksum` (how the
// digest is computed) so either can change without the other.

extension Checksum {
    /// `text` with CRLF and lone CR line endings written as LF. A `sql """..."""`
    /// block keeps its text's bytes, so without this a CRLF checkout (git's
    /// `core.autocrlf` on Windows) of an applied revision would count as an edit.
    /// Text that has no CR is returned as is, so LF files keep their checksums.
    public static func canonicalLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 13 {
                out.append(10)
            } else if !(byte == 10 && previousCR) {
                out.append(byte)
            }
            previousCR = byte == 13
        }
        return String(decoding: out, as: UTF8.self)
    }
}
