// A revision file migc writes itself (autogenerate, baseline, squash): its text in
// canonical `fmt` form, read back, checked against the schema before it and linted,
// all before anything is written. A generated file that would not read back as the
// operations meant is a migc bug, reported rather than written.

public struct GeneratedRevision: Sendable {
    /// The canonical file text.
    public var text: String
    public var file: MigFile
    /// The checker's and the lints' findings, in the file (quote it through `sources`).
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
    /// The schema after the revision.
    public var after: Schema

    /// Prints, re-parses, checks and lints a revision of `statements` on top of `before`.
    public static func make(
        header: RevisionHeader, statements: [Statement], before: Schema, path: String, lint: LintConfig?
    ) -> GeneratedRevision {
        let file = MigFile(path: path, header: header, upgrade: Block(statements: statements), downgrade: nil, span: .synthesized)
        let text = Printer.print(file)
        let parsed = Parser.parse(source: text, path: path)
        var sources = SourceStore()
        sources.add(SourceFile(path: path, text: text))
        var diagnostics = parsed.diagnostics
        var after = before
        if !diagnostics.hasErrors {
            let id = header.revision?.name ?? ""
            let (checked, found) = RevisionChecker.check(id: id, file: parsed.file, before: before)
            diagnostics += found
            after = checked.after
            if let lint, !found.hasErrors { diagnostics += Linter(config: lint).lint(checked) }
        }
        return GeneratedRevision(text: text, file: parsed.file, diagnostics: diagnostics, sources: sources, after: after)
    }
}

/// A schema file (`--to-schema`), parsed and checked from the empty schema.
public struct DesiredSchema: Sendable {
    public var schema: Schema
    public var statements: [Statement]
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore

    public static func read(source: String, path: String) -> DesiredSchema {
        var sources = SourceStore()
        sources.add(SourceFile(path: path, text: source))
        let parsed = Parser.parseSchemaFile(source: source, path: path)
        guard !parsed.diagnostics.hasErrors else {
            return DesiredSchema(schema: .empty, statements: parsed.statements, diagnostics: parsed.diagnostics, sources: sources)
        }
        let file = MigFile(path: path, header: RevisionHeader(), upgrade: Block(statements: parsed.statements), downgrade: nil, span: .synthesized)
        let (checked, found) = RevisionChecker.check(id: "schema", file: file, before: .empty)
        // A schema file is a state, not a step: only what it declares matters.
        let errors = found.filter { $0.severity == .error }
        return DesiredSchema(schema: checked.after, statements: parsed.statements, diagnostics: parsed.diagnostics + errors, sources: sources)
    }
}
