extension MigFile {
    /// SHA-256 of the revision's canonical text (`migc fmt` form, line endings as
    /// LF), so reformatting a file or checking it out with CRLF is not an edit but
    /// changing what it says is.
    public var checksum: String { Checksum.sha256Hex(Checksum.canonicalLineEndings(Printer.print(self))) }
}
