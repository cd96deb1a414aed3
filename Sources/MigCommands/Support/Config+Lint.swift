import MigCore

// The `[lint.severity]` and `[lint.naming]` tables of migc.toml, and the
// `LintConfig` every linting command builds from the `[lint]` settings.
//
//     [lint.severity]
//     MIG102 = "error"       # "error", "warning", "note" or "off"
//     MIG147 = "warning"     # turns a policy rule on
//     [lint.naming]
//     index = "^[a-z0-9_]+_idx$"

extension ProjectConfig {
    /// Keys of the two tables, whose names are lint codes and object kinds.
    static func isLintTableKey(_ key: String) -> Bool {
        key.hasPrefix("lint.severity.") || key.hasPrefix("lint.naming.")
    }

    mutating func readLintTables(_ toml: TOMLDocument, path: String) throws(LoadError) {
        let lintCodes = LintRegistry.descriptions.map(\.code.rawValue)
        for key in toml.values.keys.sorted() where key.hasPrefix("lint.severity.") {
            let code = String(key.dropFirst("lint.severity.".count))
            guard lintCodes.contains(code) else {
                let hint = Suggest.closest(to: code, in: lintCodes).map { "; did you mean `\($0)`?" } ?? ""
                throw LoadError(description: "\(Self.location(path, toml, key)): error: unknown lint code `\(code)`\(hint)")
            }
            let word = toml.values[key]?.string
            if word == "off" {
                lintOff.insert(DiagnosticCode(code))
            } else if let word, let severity = Severity(rawValue: word) {
                lintSeverities[DiagnosticCode(code)] = severity
            } else {
                throw Self.typeError(path, toml, key, "\"error\", \"warning\", \"note\" or \"off\"")
            }
        }
        for key in toml.values.keys.sorted() where key.hasPrefix("lint.naming.") {
            let kind = String(key.dropFirst("lint.naming.".count))
            guard NamingConvention.kinds.contains(kind) else {
                let hint = Suggest.closest(to: kind, in: NamingConvention.kinds).map { "; did you mean `\($0)`?" } ?? ""
                throw LoadError(description: "\(Self.location(path, toml, key)): error: unknown object kind `\(kind)` in [lint.naming]\(hint)")
            }
            guard let pattern = toml.values[key]?.string else { throw Self.typeError(path, toml, key, "a regular expression in a string") }
            do {
                _ = try Regex(pattern)
            } catch {
                throw LoadError(description: "\(Self.location(path, toml, key)): error: invalid regular expression `\(pattern)`: \(error)")
            }
            lintNaming[kind] = pattern
        }
    }

    /// The lint settings: `disable`, `[lint.severity]`, `[lint.naming]` and the dialect.
    var lintConfig: LintConfig {
        LintConfig(disabled: Set(lintDisabled.map { DiagnosticCode($0) }).union(lintOff), severities: lintSeverities,
                   dialect: dialect, naming: lintNaming)
    }
}
