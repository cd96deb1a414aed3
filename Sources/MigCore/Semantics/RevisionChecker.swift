// Checking one revision against the schema before it: every upgrade op by name
// and type, then its downgrade. A written downgrade is checked op by op and must
// bring the schema back exactly; a missing one is derived from the inverses.

public struct CheckedRevision: Sendable {
    public var id: String
    public var file: MigFile
    public var before: Schema
    public var after: Schema
    public var upgrade: [OpStep]
    /// nil = irreversible.
    public var downgrade: [OpStep]?
    public var downgradeIsDerived: Bool
    /// When the downgrade could not be derived: the first upgrade statement without
    /// an inverse (a `sql` block without `reverse`).
    public var irreversibleStatement: Statement?
    /// The revision says `downgrade irreversible`.
    public var declaredIrreversible: Bool { if case .irreversible = file.downgrade { true } else { false } }
}

public enum RevisionChecker {
    /// Checks `file` from `before`. `verify: false` skips the downgrade comparison
    /// (used when replaying a branch at a merge, where only the upgrade matters).
    public static func check(id: String, file: MigFile, before: Schema) -> (CheckedRevision, [Diagnostic]) {
        var checker = OpChecker(schema: before)
        let upgrade = steps(file.upgrade?.statements ?? [], from: &checker)
        let after = checker.schema
        var diagnostics = checker.diagnostics
        let upgradeClean = !diagnostics.hasErrors
        var revision = CheckedRevision(id: id, file: file, before: before, after: after, upgrade: upgrade,
                                       downgrade: nil, downgradeIsDerived: false)
        switch file.downgrade {
        case .irreversible:
            break
        case .block(let block):
            var down = OpChecker(schema: after)
            revision.downgrade = steps(block.statements, from: &down)
            diagnostics += down.diagnostics
            if upgradeClean, !down.diagnostics.hasErrors,
               let first = SchemaDiff.between(expected: before, actual: down.schema).first {
                diagnostics.append(mismatch(first, at: block.span, file: file.path, code: CheckCode.downgradeMismatch, downgrade: block.statements))
            }
        case nil:
            revision.downgradeIsDerived = true
            let (statements, irreversible) = Inverse.downgrade(of: file.upgrade?.statements ?? [], from: before)
            revision.irreversibleStatement = irreversible
            if let statements {
                var schema = after
                revision.downgrade = statements.map { s in
                    let next = schema.applying(s.operation)
                    defer { schema = next }
                    return OpStep(statement: s, before: schema, after: next)
                }
                if upgradeClean, let first = SchemaDiff.between(expected: before, actual: schema).first {
                    diagnostics.append(mismatch(first, at: file.upgrade?.span ?? file.span, file: file.path, code: CheckCode.derivedDowngradeMismatch, downgrade: []))
                }
            }
        }
        return (revision, diagnostics)
    }

    static func steps(_ statements: [Statement], from checker: inout OpChecker) -> [OpStep] {
        let out = statements.map { s in
            let before = checker.schema
            checker.check(s)
            return OpStep(statement: s, before: before, after: checker.schema)
        }
        checker.finish()
        return out
    }

    /// "downgrade does not restore the schema: column `accounts.name` (added at 12:5) is still present",
    /// with notes at the object's definition and at the downgrade op that last
    /// touched its table (`downgrade` is empty for a derived one).
    static func mismatch(_ d: SchemaDifference, at span: SourceSpan, file: String, code: String, downgrade: [Statement]) -> Diagnostic {
        func at(_ s: SourceSpan?) -> String {
            guard let s, !s.isSynthesized else { return "" }
            return s.file == file ? " (\(verb(d)) at \(s.start.line):\(s.start.column))" : " (\(verb(d)) at \(s))"
        }
        let phrase: String
        var notes: [DiagnosticNote] = []
        switch d.kind {
        case .unexpected:
            phrase = "\(d.object)\(at(d.actualAt)) is still present"
            if let a = d.actualAt, !a.isSynthesized { notes.append(DiagnosticNote("it was added here", at: a)) }
        case .missing:
            phrase = "\(d.object)\(at(d.expectedAt)) is not restored"
            if let e = d.expectedAt, !e.isSynthesized { notes.append(DiagnosticNote("it was defined here", at: e)) }
        case .changed:
            phrase = "\(d.object) \(d.detail ?? "differs")"
            if let e = d.expectedAt, !e.isSynthesized { notes.append(DiagnosticNote("it was defined here", at: e)) }
        }
        if d.kind != .unexpected, let last = downgrade.last(where: { $0.operation.tableNames.contains(d.table) }) {
            notes.append(DiagnosticNote("the downgrade last changes table `\(d.table)` here", at: last.span))
        }
        let derived = code == CheckCode.derivedDowngradeMismatch
        return .error("\(derived ? "derived downgrade" : "downgrade") does not restore the schema: \(phrase)", at: span, code: code, notes: notes,
                      help: derived ? "this is a migc bug; write the downgrade block by hand" : nil)
    }

    static func verb(_ d: SchemaDifference) -> String {
        switch d.kind {
        case .unexpected: "added"
        case .missing, .changed: "defined"
        }
    }
}
