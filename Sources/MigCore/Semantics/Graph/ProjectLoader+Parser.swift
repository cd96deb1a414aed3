extension ProjectLoader {
    /// Every `.mig` file under `directory`, fully parsed.
    public static func load(directory: String) -> LoadedProject {
        load(directory: directory) { bytes, path in
            let result = Parser.parse(bytes: bytes, path: path)
            return (result.file, result.diagnostics)
        }
    }

    /// Headers only (the parser stops at the first block): enough for `heads`,
    /// `history`, `branches` and `current`. With `cache` (the default), headers of
    /// unchanged files come from `<directory>/.migc-cache/headers.bin` (see
    /// `HeaderCache`) and the cache is brought up to date; files that are read get
    /// their sources kept as `load` does, cached ones do not: call
    /// `LoadedProject.readSources(for:)` before rendering diagnostics.
    public static func loadHeaders(directory: String, cache: Bool = true) -> LoadedProject {
        loadHeaders(directory: directory, cache: cache, now: DirectoryWalk.now())
    }

    /// `now` is when the run started (tests move it forward to let files settle).
    static func loadHeaders(directory: String, cache: Bool, now started: Int64) -> LoadedProject {
        let root = rootPath(directory)
        var project = LoadedProject()
        let found: [FoundFile]
        do {
            found = try DirectoryWalk.migFiles(root: root)
        } catch {
            project.directoryFound = false
            project.diagnostics.append(error.diagnostic)
            return project
        }
        let old = cache ? HeaderCache.read(root: root) : nil
        var fresh = HeaderCache(writtenAt: started)
        var added = false
        var cursor = 0
        project.files.reserveCapacity(found.count)
        for file in found {
            let path = root + "/" + file.relative
            if let header = old?.header(for: file, cursor: &cursor) {
                project.files.append(headerFile(path, header))
                if cache { fresh.entries.append(HeaderCache.Entry(relative: file.relative, stamp: file.stamp, header: header)) }
                continue
            }
            guard let bytes = DirectoryWalk.read(path: path) else {
                project.diagnostics.append(unreadable(path))
                continue
            }
            project.sources.add(SourceFile(path: path, bytes: bytes))
            let (header, diagnostics) = Parser.parseHeader(bytes: bytes, path: path)
            project.files.append(headerFile(path, header))
            project.diagnostics += diagnostics
            if diagnostics.isEmpty, file.stamp.isSettled(before: started) {
                fresh.entries.append(HeaderCache.Entry(relative: file.relative, stamp: file.stamp, header: header))
                added = true
            }
        }
        // Rewritten when it gained entries or holds ones no longer used.
        if cache, added || (old.map { $0.entries.count != fresh.entries.count } ?? false) {
            fresh.write(root: root)
        }
        return project
    }

    private static func headerFile(_ path: String, _ header: RevisionHeader) -> MigFile {
        MigFile(path: path, header: header, upgrade: nil, downgrade: nil, span: header.span)
    }
}

extension LoadedProject {
    /// Reads the files `diagnostics` point at that are not in `sources` yet (headers
    /// from the cache come without their bytes), so the renderer can quote them.
    public mutating func readSources(for diagnostics: [Diagnostic]) {
        for d in diagnostics {
            for span in [d.span] + d.notes.compactMap(\.span) where !span.isSynthesized && sources[span.file] == nil {
                if let bytes = DirectoryWalk.read(path: span.file) {
                    sources.add(SourceFile(path: span.file, bytes: bytes))
                }
            }
        }
    }
}
