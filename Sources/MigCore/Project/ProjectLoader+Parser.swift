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
            var skipped: [String] = []
            found = try DirectoryWalk.migFiles(root: root, skipped: &skipped)
            project.diagnostics += skipped.map { notRegular(root + "/" + $0) }
        } catch {
            project.directoryFound = false
            project.diagnostics.append(error.diagnostic)
            return project
        }
        let old = cache ? HeaderCache.read(root: root) : nil
        // What the cache should hold afterwards, in file order: entries of `old`
        // that were used (by index) and headers parsed now. Built only if it changed.
        var kept: [Kept] = []
        var parsed = 0
        var cursor = 0
        project.files.reserveCapacity(found.count)
        for file in found {
            if let old, let i = old.entry(for: file, cursor: &cursor) {
                project.files.append(headerFile(old.entries[i].path, old.entries[i].header))
                kept.append(.old(i))
                continue
            }
            let path = root + "/" + file.relative
            guard let bytes = DirectoryWalk.read(path: path) else {
                project.diagnostics.append(unreadable(path))
                continue
            }
            project.sources.add(SourceFile(path: path, bytes: bytes))
            let (header, diagnostics) = Parser.parseHeader(bytes: bytes, path: path)
            project.files.append(headerFile(path, header))
            project.diagnostics += diagnostics
            if cache, diagnostics.isEmpty, file.stamp.isSettled(before: started) {
                kept.append(.new(HeaderCache.Entry(relative: file.relative, path: path, stamp: file.stamp, header: header)))
                parsed += 1
            }
        }
        // Rewritten when it gained entries or holds ones no longer used.
        if cache, parsed > 0 || kept.count != (old?.entries.count ?? 0) {
            var fresh = HeaderCache(writtenAt: started)
            fresh.entries = kept.compactMap { kept in
                switch kept {
                case let .old(i): old?.entries[i]
                case let .new(entry): entry
                }
            }
            fresh.write(root: root)
        }
        return project
    }

    private enum Kept {
        case old(Int)
        indirect case new(HeaderCache.Entry)
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
