// Runs the lint rules over checked revisions and applies suppressions:
// `-- migc:allow CODE[, CODE...] [- reason]` in a statement's comments (before it,
// at the end of its line, or on any line inside a `create table` body) silences
// that statement; in the header's comments it silences the whole revision. An allow
// naming an unknown code is MIG111; one that silences nothing is MIG112.

/// The `-- migc:allow` codes in a set of comments.
public enum Allow {
    public static func codes(in comments: [String]) -> [DiagnosticCode] {
        comments.flatMap { comment -> [DiagnosticCode] in
            let text = comment.trimmed(" \t")
            guard text.hasPrefix("migc:allow") else { return [] }
            let rest = text.dropFirst("migc:allow".count)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return [] }
            let words = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            // `- reason` ends the list.
            return words.prefix { $0 != "-" }.map { DiagnosticCode(String($0)) }
        }
    }

    /// Comments of a statement and of the columns and constraints inside it.
    static func comments(of statement: Statement) -> [String] {
        var out = statement.trivia.leading + [statement.trivia.trailing].compactMap { $0 }
        if case .createTable(let c) = statement.operation {
            for col in c.columns { out += col.trivia.leading + [col.trivia.trailing].compactMap { $0 } }
            for k in c.constraints { out += k.trivia.leading + [k.trivia.trailing].compactMap { $0 } }
            out += c.trailingComments
        }
        return out
    }

    static func headerComments(of file: MigFile) -> [String] {
        file.header.trivia.keys.sorted().flatMap { key in
            let t = file.header.trivia[key]!
            return t.leading + [t.trailing].compactMap { $0 }
        }
    }
}

extension String {
    func trimmed(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

public struct Linter: Sendable {
    public var config: LintConfig
    /// The rules that run, each with the operations it looks at (nil: any revision).
    let rules: [(rule: any LintRule, operations: Set<OpKind>?)]

    public init(config: LintConfig = .default, rules: [any LintRule.Type] = LintRegistry.all) {
        self.config = config
        self.rules = rules.filter { config.runs($0.description) }.map { ($0.init(), $0.operations) }
    }

    /// Lint findings for one revision, suppressions applied.
    public func lint(_ revision: CheckedRevision) -> [Diagnostic] {
        let kinds = OpKind.kinds(in: revision)
        let findings = rules.flatMap { r in
            r.operations.map { $0.isDisjoint(with: kinds) } == true ? [] : r.rule.check(revision, config: config)
        }
        // Written downgrade ops take `-- migc:allow` too (MIG114, MIG115 report there).
        var statements = revision.file.upgrade?.statements ?? []
        if case .block(let block) = revision.file.downgrade { statements += block.statements }
        return suppress(findings, in: revision.file, statements: statements)
    }

    /// Graph-level findings (multiple heads, labels), suppressions applied per file.
    public func lint(graph: GraphFacts) -> [Diagnostic] {
        let findings = rules.flatMap { $0.rule.check(graph: graph, config: config) }
        var out: [Diagnostic] = []
        for path in Set(findings.map(\.diagnostic.span.file)).sorted() {
            let mine = findings.filter { $0.diagnostic.span.file == path }
            let allowed = Set(graph.files.values.first { $0.path == path }.map { Allow.codes(in: Allow.headerComments(of: $0)) } ?? [])
            out += mine.filter { $0.diagnostic.code.map { !allowed.contains($0) } ?? true }.map(\.diagnostic).map(applySeverity)
        }
        return out
    }

    func applySeverity(_ d: Diagnostic) -> Diagnostic {
        var d = d
        if let code = d.code, let s = config.severities[code] { d.severity = s }
        return d
    }

    private func suppress(_ findings: [LintFinding], in file: MigFile, statements: [Statement]) -> [Diagnostic] {
        let known = LintRegistry.codes
        // Graph-level codes are honoured in headers by `lint(graph:)`: never "unused" here.
        let graphCodes: Set<DiagnosticCode> = [.multipleHeads, .unusedLabel]
        var out: [Diagnostic] = []
        let headerCodes = Allow.codes(in: Allow.headerComments(of: file))
        var used: Set<String> = []  // "index:code", index -1 = header
        // By offset: one lookup per finding, not a scan (a revision of 3,000 ops has 3,000 findings).
        let byOffset = Dictionary(statements.enumerated().map { ($0.element.span.start.offset, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for f in findings {
            guard let code = f.diagnostic.code else { out.append(applySeverity(f.diagnostic)); continue }
            if let s = f.statement, let i = byOffset[s.span.start.offset], statements[i] == s,
               Allow.codes(in: Allow.comments(of: statements[i])).contains(code) {
                used.insert("\(i):\(code)")
                continue
            }
            if headerCodes.contains(code) { used.insert("-1:\(code)"); continue }
            out.append(applySeverity(f.diagnostic))
        }
        let headerSpan = file.header.revision?.span ?? file.span
        var sites: [(Int, [DiagnosticCode], SourceSpan, Statement?)] = [(-1, headerCodes, headerSpan, nil)]
        for (i, s) in statements.enumerated() { sites.append((i, Allow.codes(in: Allow.comments(of: s)), s.span, s)) }
        for (i, codes, span, _) in sites {
            for code in codes {
                if !known.contains(code) {
                    let help = Suggest.closest(to: code.rawValue, in: known.sorted().map(\.rawValue)).map { "did you mean `\($0)`?" }
                    out += [report(.unknownAllowCode, "unknown lint code `\(code)` in `-- migc:allow`", at: span, help: help)].compactMap { $0 }
                } else if !used.contains("\(i):\(code)"), LintRegistry.rule(code).map({ config.runs($0.description) }) ?? false, !graphCodes.contains(code) {
                    out += [report(.unusedAllow, "`-- migc:allow \(code)` suppresses nothing here", at: span, help: "remove it")].compactMap { $0 }
                }
            }
        }
        return out
    }

    private func report(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, help: String?) -> Diagnostic? {
        config.disabled.contains(code) ? nil : applySeverity(.warning(message, at: span, code: code, help: help))
    }
}
