extension ProjectLoader {
    /// Every `.mig` file under `directory`, fully parsed.
    public static func load(directory: String) -> LoadedProject {
        load(directory: directory) { bytes, path in
            let result = Parser.parse(bytes: bytes, path: path)
            return (result.file, result.diagnostics)
        }
    }

    /// Headers only (the parser stops at the first block): enough for `heads`,
    /// `history`, `branches` and `current`, and much faster on long histories.
    public static func loadHeaders(directory: String) -> LoadedProject {
        load(directory: directory) { bytes, path in
            let (header, diagnostics) = Parser.parseHeader(bytes: bytes, path: path)
            return (MigFile(path: path, header: header, upgrade: nil, downgrade: nil, span: header.span), diagnostics)
        }
    }
}
