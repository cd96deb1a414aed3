/// Every code migc reports, by pipeline stage, each with its title, explanation,
/// example and fix. docs/diagnostics.md is generated from it, and
/// `DiagnosticRegistryTests` runs every example: a code missing here fails a test.
public enum DiagnosticRegistry {
    /// A stage's codes, as docs/diagnostics.md groups them.
    public struct Section: Sendable {
        public var title: String
        public var intro: String
        public var entries: [DiagnosticEntry]
        /// A doc (beside docs/diagnostics.md) that describes these codes in full; the
        /// registry then holds only their titles.
        public var detailsPage: String?
    }

    public static let sections: [Section] = [
        Section(
            title: "Syntax errors (E0xx)",
            intro: """
                The parser reports these, one per mistake: after an error it skips to the next \
                line it understands, so a typo does not bury the rest of the file in errors.
                """,
            entries: (lexical + header + fileBlocks + operations + tables + expressions + safeFormSyntax + dataSyntax + enumSyntax + viewSyntax).sorted { $0.code < $1.code }),
        Section(
            title: "Checker errors (E1xx, E2xx, E350)",
            intro: """
                The checker folds every revision into a schema model and reports ops that \
                cannot apply to the schema before them, downgrades that do not restore it, and \
                branches that conflict at a merge. These are errors: they cannot be silenced.
                """,
            entries: (checker + reversibility + safeForms + dataChecker + enumChecker + viewChecker).sorted { $0.code < $1.code }),
        Section(
            title: "Revision graph errors (E3xx)",
            intro: """
                Reported while finding the files and linking revisions by `parent`, `depends` \
                and `label` (see docs/revisions.md).
                """,
            entries: graph + replaces),
        Section(
            title: "Lints (MIG1xx)",
            intro: """
                Warnings about revisions that are valid but risky to run. They can be silenced \
                with `-- migc:allow CODE` or in migc.toml; [lints.md](lints.md) has each rule's rationale, \
                examples and fix.
                """,
            entries: (lints + dataLints + parityLints).sorted { $0.code < $1.code }, detailsPage: "lints.md"),
        Section(
            title: "Backend warnings (MIG8xx)",
            intro: """
                `migc build`, `upgrade --sql` and the runner report these when a dialect cannot \
                do exactly what a revision says.
                """,
            entries: (backends + safeFormBackends + dataBackends + [arrayBackend] + viewBackends).sorted { $0.code < $1.code }),
    ]

    /// Every entry, in code order.
    public static let all: [DiagnosticEntry] = sections.flatMap(\.entries).sorted { $0.code < $1.code }

    private static let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    public static func entry(_ code: DiagnosticCode) -> DiagnosticEntry? { byCode[code] }
}
