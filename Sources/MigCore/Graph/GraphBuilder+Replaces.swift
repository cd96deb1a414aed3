// `replaces ID, ...`: a squash revision (`migc squash`) stands for the revisions it
// replaces, whose files were moved aside. A `parent` or `depends` naming one of them
// links to the squash instead, and the runner treats a database recorded at one as
// being on the way to the squash (see Migrator+Replaced.swift).

extension GraphBuilder {
    mutating func collectReplaced() {
        var firstSpans: [String: Identifier] = [:]
        for (i, file) in files.enumerated() {
            for name in file.header.replaces {
                if let present = indexOf[name.name] {
                    diagnostics.append(.error(
                        "revision `\(name.name)` is replaced by `\(ids[i])` but its file is still here", at: name.span,
                        code: .replacedRevisionPresent, label: "replaced here",
                        notes: [DiagnosticNote("`\(name.name)` is defined here", at: files[present].header.revision?.span ?? .file(files[present].path))],
                        help: "move the replaced files out of the migrations directory (`migc squash` does), or drop `\(name.name)` from `replaces`"))
                    continue
                }
                if let owner = replacedOwner[name.name], let first = firstSpans[name.name] {
                    diagnostics.append(.error(
                        "revision `\(name.name)` is replaced by both `\(ids[owner])` and `\(ids[i])`", at: name.span,
                        code: .replacedTwice, label: "replaced again here",
                        notes: [DiagnosticNote("first replaced here", at: first.span)],
                        help: "a revision is replaced by one squash; remove it from one `replaces` line"))
                    continue
                }
                replacedOwner[name.name] = i
                firstSpans[name.name] = name
            }
        }
    }
}
