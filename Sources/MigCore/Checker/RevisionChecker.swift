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
    /// Checks `file` from `before`. `verifyDerived` also compares the result of a
    /// derived downgrade with `before` (E202): a check of migc itself, which the
    /// property tests run on thousands of random histories; off by default.
    public static func check(id: String, file: MigFile, before: Schema, verifyDerived: Bool = false) -> (CheckedRevision, [Diagnostic]) {
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
            let touched = scope(file.upgrade?.statements ?? [], block.statements, in: [before, after, down.schema])
            if upgradeClean, !down.diagnostics.hasErrors,
               let first = SchemaDiff.between(expected: before, actual: down.schema, tables: touched.tables, indexNames: touched.indexNames).first {
                diagnostics.append(mismatch(first, at: block.span, file: file.path, code: .downgradeMismatch, downgrade: block.statements))
            }
        case nil:
            revision.downgradeIsDerived = true
            // Inverses from the schema before each op: the upgrade steps have them.
            var parts: [[Statement]] = []
            for step in upgrade {
                guard let inverse = Inverse.of(step.statement, in: step.before) else {
                    revision.irreversibleStatement = step.statement
                    break
                }
                parts.append(inverse)
            }
            if revision.irreversibleStatement == nil {
                let statements = Array(parts.reversed().joined())
                if verifyDerived || !upgradeClean {
                    var schema = after
                    revision.downgrade = statements.map { s in
                        let next = schema.applying(s.operation)
                        defer { schema = next }
                        return OpStep(statement: s, before: schema, after: next)
                    }
                    let touched = scope(file.upgrade?.statements ?? [], statements, in: [before, after, schema])
                    if verifyDerived, upgradeClean, let first = SchemaDiff.between(expected: before, actual: schema, tables: touched.tables, indexNames: touched.indexNames).first {
                        diagnostics.append(mismatch(first, at: file.upgrade?.span ?? file.span, file: file.path, code: .derivedDowngradeMismatch, downgrade: []))
                    }
                } else {
                    revision.downgrade = sharedSteps(undoing: upgrade, with: Array(parts))
                }
            }
        }
        return (revision, diagnostics)
    }

    /// What a revision can have changed: the tables its ops name (an index's table
    /// for index ops) and those whose foreign keys point at them (renames rewrite
    /// those); and the indexes it names, or nil when an op (a drop or rename of a
    /// table or column) changes indexes it does not name. Everything else is shared,
    /// untouched, between the schemas, so the comparison stays small.
    struct Scope {
        var tables: Set<String> = []
        var indexNames: Set<String>? = []
    }

    static func scope(_ up: [Statement], _ down: [Statement], in schemas: [Schema]) -> Scope {
        var scope = Scope()
        for s in up + down {
            scope.tables.formUnion(s.operation.tableNames)
            switch s.operation {
            case .createIndex(let c): scope.indexNames?.insert(c.name.name)
            case .dropIndex(let d):
                scope.indexNames?.insert(d.name.name)
                for schema in schemas { if let t = schema.indexes[d.name.name]?.table { scope.tables.insert(t) } }
            case .addConstraint(let a) where a.usingIndex != nil: scope.indexNames?.insert(a.usingIndex!.name)
            case .dropTable, .renameTable, .dropColumn, .renameColumn: scope.indexNames = nil
            default: break
            }
        }
        for schema in schemas {
            for t in schema.tables.values where !t.foreignKeys.isEmpty && t.foreignKeys.values.contains(where: { scope.tables.contains($0.referencedTable) }) {
                scope.tables.insert(t.name)
            }
        }
        return scope
    }

    /// The derived downgrade's steps without folding again: an exact inverse of
    /// upgrade step k goes from k's `after` back to k's `before`, so those snapshots
    /// are reused (only the middle of a multi-statement inverse is folded). Exact
    /// because inverses are (the property tests check it with `verifyDerived`).
    static func sharedSteps(undoing upgrade: [OpStep], with inverses: [[Statement]]) -> [OpStep] {
        var out: [OpStep] = []
        for (step, inverse) in zip(upgrade, inverses).reversed() {
            var schema = step.after
            for (i, s) in inverse.enumerated() {
                let next = i == inverse.count - 1 ? step.before : schema.applying(s.operation)
                out.append(OpStep(statement: s, before: schema, after: next))
                schema = next
            }
        }
        return out
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
    static func mismatch(_ d: SchemaDifference, at span: SourceSpan, file: String, code: DiagnosticCode, downgrade: [Statement]) -> Diagnostic {
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
        let derived = code == DiagnosticCode.derivedDowngradeMismatch
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
