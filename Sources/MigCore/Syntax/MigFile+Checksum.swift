extension MigFile {
    /// SHA-256 of the revision's canonical text (`migc fmt` form), so reformatting a
    /// file is not an edit but changing what it says is.
    public var checksum: String { Checksum.sha256Hex(Printer.print(self)) }
}

