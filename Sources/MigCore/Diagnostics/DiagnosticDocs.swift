// docs/diagnostics.md, generated from the registry (a test fails when the file is
// stale; `MIGC_RECORD=1 swift test` regenerates it).

public enum DiagnosticDocs {
    public static func markdown() -> String {
        var out = preamble
        for section in DiagnosticRegistry.sections {
            out += "\n# \(section.title)\n\n\(section.intro)\n\n"
            out += table(section)
            guard section.detailsPage == nil else { continue }
            for entry in section.entries { out += "\n" + render(entry) }
        }
        return out
    }

    /// The section's codes; for codes described on another page, with their
    /// explanations, since that page has the rest.
    static func table(_ section: DiagnosticRegistry.Section) -> String {
        guard let page = section.detailsPage else {
            return "| code | severity | title |\n|---|---|---|\n" + section.entries.map {
                "| [\($0.code)](#\($0.code.anchor)) | \($0.severity.rawValue) | \($0.title) |\n"
            }.joined()
        }
        return "| code | default | title | what |\n|---|---|---|---|\n" + section.entries.map {
            "| [\($0.code)](\(page)#\($0.code.anchor)) | \($0.severity.rawValue) | \($0.title) | \($0.explanation) |\n"
        }.joined()
    }

    static func render(_ entry: DiagnosticEntry) -> String {
        var out = "## \(entry.code)\n\n**\(entry.title)** (\(entry.severity.rawValue))\n\n\(entry.explanation)\n"
        if let example = entry.example { out += "\n" + heading("Triggers", example) + "\n\n" + render(example) }
        if let fixed = entry.fixed { out += "\n" + heading("Fixed", fixed) + "\n\n" + render(fixed) }
        return out
    }

    static func heading(_ word: String, _ example: DiagnosticExample) -> String {
        example.dialect.map { "\(word) (`migc build --dialect \($0)`):" } ?? "\(word):"
    }

    static func render(_ example: DiagnosticExample) -> String {
        example.files.map { "```mig\n\($0)\n```\n" }.joined(separator: "\n")
    }

    static let preamble = """
        <!-- Generated from Sources/MigCore/Diagnostics (DiagnosticRegistry). Do not edit: run `MIGC_RECORD=1 swift test`. -->
        # migc diagnostics

        Every error and warning migc reports has a stable code, printed after the message:

            migrations/a1_users.mig:7:9: error: unknown type `integer` [E057]

        Errors make `migc lint`, `build`, `upgrade` and `downgrade` fail (exit 1); warnings
        do so only under `migc lint --strict`. Below, each code has its explanation, a small
        project that triggers it (one block per revision file, oldest first) and the same
        project fixed. The lints (MIG1xx) are described in full in [lints.md](lints.md).

        """
}
