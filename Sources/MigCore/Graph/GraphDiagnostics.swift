// The graph phase's diagnostics, in one catalogue so wording stays stable (the codes
// and their explanations are in the registry, Diagnostics/DiagnosticCodes.swift).

enum GraphDiagnostics {
    static func missingRevision(path: String, at span: SourceSpan) -> Diagnostic {
        .error(
            "file has no `revision` line", at: span, code: .noRevisionLine,
            help: "start the file with `revision ID`, e.g. `revision \(exampleID(path))`")
    }

    static func invalidID(_ id: Identifier) -> Diagnostic {
        let fixed = String(id.name.lowercased().map { isIDCharacter($0) ? $0 : "_" })
        return .error(
            "revision id `\(id.name)` is not valid", at: id.span, code: .badRevisionID,
            label: "ids use only a-z, 0-9 and _",
            help: fixed.isEmpty ? nil : "did you mean `\(fixed)`?")
    }

    static func duplicateID(_ id: Identifier, first: Identifier) -> Diagnostic {
        .error(
            "revision `\(id.name)` is defined twice", at: id.span, code: .duplicateRevisionID,
            label: "second definition", notes: [DiagnosticNote("first defined here", at: first.span)],
            help: "give one of them a new id (`migc new` makes unique ids)")
    }

    static func unknownParent(_ name: Identifier, of id: String, suggestion: String?) -> Diagnostic {
        .error(
            "parent revision `\(name.name)` of `\(id)` does not exist", at: name.span, code: .unknownParent,
            label: "no revision has this id", help: suggestion.map { "did you mean `\($0)`?" })
    }

    static func unknownDependency(_ name: Identifier, of id: String, suggestion: String?) -> Diagnostic {
        .error(
            "dependency `\(name.name)` of `\(id)` does not exist", at: name.span, code: .unknownDependency,
            label: "no revision or label has this name", help: suggestion.map { "did you mean `\($0)`?" })
    }

    static func listedTwice(_ name: Identifier, kind: String, first: Identifier) -> Diagnostic {
        .error(
            "\(kind) `\(name.name)` is listed twice", at: name.span, code: .listedTwice,
            label: "listed again here", notes: [DiagnosticNote("first listed here", at: first.span)])
    }

    static func selfReference(_ name: Identifier, kind: String) -> Diagnostic {
        .error(
            "revision `\(name.name)` names itself as a \(kind)", at: name.span, code: .selfReference,
            label: "a revision cannot follow itself")
    }

    static func cycle(_ path: [String], at span: SourceSpan, notes: [DiagnosticNote]) -> Diagnostic {
        .error(
            "revisions form a cycle: " + path.map { "`\($0)`" }.joined(separator: " -> "), at: span,
            code: .revisionCycle, label: "this edge closes the cycle", notes: notes,
            help: "a revision must come after its parents; remove one of these edges")
    }

    static func labelTwice(_ label: Identifier, owner: String, first: Identifier, firstOwner: String) -> Diagnostic {
        .error(
            "label `\(label.name)` is used by two revisions, `\(firstOwner)` and `\(owner)`", at: label.span,
            code: .labelOnTwoRevisions, label: "second use",
            notes: [DiagnosticNote("label `\(label.name)` first used by `\(firstOwner)` here", at: first.span)],
            help: "a label names one branch; rename one of them")
    }

    static func labelIsID(_ label: Identifier, revision: Identifier) -> Diagnostic {
        .error(
            "label `\(label.name)` is also a revision id", at: label.span, code: .labelIsRevisionID,
            label: "ambiguous in `migc upgrade \(label.name)`",
            notes: [DiagnosticNote("revision `\(revision.name)` defined here", at: revision.span)])
    }

    static func reservedLabel(_ label: Identifier) -> Diagnostic {
        .error(
            "label `\(label.name)` is reserved", at: label.span, code: .reservedLabel,
            label: "`head`, `heads`, `base` and `current` are revision specifiers")
    }

    static func isIDCharacter(_ c: Character) -> Bool {
        c.utf8.count == 1 && isIDByte(c.utf8.first!)
    }

    /// Whether `id` is a valid revision id (a-z, 0-9, _). Bytes, not Characters:
    /// this runs once per revision on every command.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy(isIDByte)
    }

    private static func isIDByte(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }

    /// A plausible id from a file name like `7c1e9a20b4d3_add_accounts.mig`.
    private static func exampleID(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        let stem = name.split(separator: "_").first.map(String.init) ?? ""
        return !stem.isEmpty && stem.allSatisfy(isIDCharacter) ? stem : "0a1b2c3d4e5f"
    }
}

extension SourceSpan {
    /// A span that names a file but no position (rendered as just the path).
    static func file(_ path: String) -> SourceSpan {
        let zero = SourceLocation(line: 0, column: 0, offset: 0)
        return SourceSpan(file: path, start: zero, end: zero)
    }

    /// The empty span at the start of `self`.
    var startPoint: SourceSpan { SourceSpan(file: file, start: start, end: start) }
}
