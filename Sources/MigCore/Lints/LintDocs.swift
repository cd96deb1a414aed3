// docs/lints.md, generated from the registry (a test fails when the file is
// stale; `MIGC_RECORD=1 swift test` regenerates it).

public enum LintDocs {
    public static func markdown() -> String {
        var out = preamble
        out += "| code | title |\n|---|---|\n"
        for d in LintRegistry.descriptions { out += "| [\(d.code)](#\(d.code.anchor)) | \(d.title) |\n" }
        out += PeerRules.markdown()
        for d in LintRegistry.descriptions { out += "\n" + section(d) }
        return out + checkerSection
    }

    /// One rule's docs: title, default severity, rationale, examples.
    static func section(_ d: LintDescription) -> String {
        let severity = d.enabledByDefault ? d.defaultSeverity.rawValue : "off"
        var out = "## \(d.code)\n\n**\(d.title)** (default: \(severity))\n\n\(d.rationale)\n"
        if let settings = d.exampleSettings {
            out += "\nThe examples are linted with this in migc.toml:\n\n```toml\n\(settings.toml)\n```\n"
        }
        for (i, example) in d.triggering.enumerated() {
            out += "\n" + (d.triggering.count > 1 ? "Triggers (\(i + 1)):" : "Triggers:") + "\n\n" + DiagnosticDocs.render(example)
        }
        for (i, example) in d.nonTriggering.enumerated() {
            out += "\n" + (d.nonTriggering.count > 1 ? "Fixed (\(i + 1)):" : "Fixed:") + "\n\n" + DiagnosticDocs.render(example)
        }
        return out
    }

    /// `migc lint --explain CODE`: a lint's section of docs/lints.md, or a
    /// diagnostic's entry of docs/diagnostics.md; nil for an unknown code.
    public static func explain(_ code: DiagnosticCode) -> String? {
        if let rule = LintRegistry.rule(code) { return section(rule.description) }
        return DiagnosticRegistry.entry(code).map { DiagnosticDocs.render($0) }
    }

    static let preamble = """
        <!-- Generated from Sources/MigCore/Lints (LintRegistry). Do not edit: run `MIGC_RECORD=1 swift test`. -->
        # migc lints

        `migc lint` checks every revision (errors, below) and then reports *lints*: warnings
        about revisions that are valid but risky to run. Each has a stable code.

        - Silence one statement with a comment before it, at the end of its line, or on a
          line inside its `create table` body: `-- migc:allow MIG102 - reason`. Several codes
          may be listed (`-- migc:allow MIG102, MIG107`); text after ` - ` is a free reason.
        - Silence a whole revision with the same comment among its header lines.
        - Silence a code for the project in `migc.toml`: `[lint] disable = ["MIG106"]`.
        - Set a code's severity in `migc.toml`: `"error"`, `"warning"`, `"note"` or `"off"`
          under `[lint.severity]` (`MIG102 = "error"`). Policy rules (default: off) run only
          once given a severity; MIG151 runs when `[lint.naming]` has a pattern.
        - `migc lint --strict` (or `strict = true`) makes warnings fail the run (exit 1).
        - `migc lint --explain CODE` prints a code's section of this page (or of
          diagnostics.md for an error code).
        - Locking rules (PostgreSQL locks, table rewrites and scans) skip tables created in
          the same revision: they hold no rows yet.

        An allow naming an unknown code is MIG111; one that silences nothing is MIG112.


        """

    static let checkerSection = """

        # Checker errors

        These are errors, not lints: they cannot be silenced. Every one of them (the
        checker's E1xx, E2xx and E350, the parser's E0xx and the revision graph's E3xx) is
        listed with an example and its fix in [diagnostics.md](diagnostics.md).

        ## Schema model decisions

        - Column modifiers `primary key`, `unique`, `references` and `check` become named
          table constraints: `T_pkey`, `T_c_key`, `T_c_fkey`, `T_c_check` (PostgreSQL's names).
          `primary key` (column or table level, or added) makes its columns not null.
        - `drop column` also drops the single-column indexes and constraints on the column;
          a multi-column one, or a foreign key pointing at the column, is an error (E117):
          drop it first, so nothing disappears silently. The derived downgrade restores
          the column with its full definition and everything dropped with it.
        - `drop table` also drops its indexes; its derived downgrade recreates both.
        - A revision's downgrade restores the schema when every table, column (type,
          nullability, default, autoincrement), constraint and index is back. Column order
          is not compared: no dialect can put a column back in its old position.
        - `sql` blocks do not change the model (MIG108). Without `reverse`, a revision
          with no `downgrade` block is irreversible (MIG101).
        - A merge (and a revision with `depends`) starts from its first parent's schema and
          replays the revisions only the other parents have, as a database that took the
          branches one after the other would; an op that fails there is E350.

        """
}
