/// MIG151: a name that does not match its pattern in migc.toml's `[lint.naming]`.
public struct NamingConvention: LintRule {
    public static let description = LintDescription(
        code: .namingConvention,
        rationale: """
            A project can require a naming convention per kind of object: under `[lint.naming]` in \
            migc.toml, a regular expression for `table`, `column`, `index`, `primary_key`, `unique`, \
            `foreign_key` and `check` names (`default` applies to kinds without one of their own). A name \
            matches when the expression finds a match in it: anchor it (`^...$`) to match the whole name. \
            Every name a revision writes is checked, including the ones migc makes up for unnamed \
            constraints. A policy: it runs only when `[lint.naming]` has a pattern.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text
              }
              create index email_lookup on users (email)
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                email text
              }
              create index users_email_idx on users (email)
            }
            """)],
        exampleSettings: (
            "[lint.naming]\ntable = \"^[a-z][a-z0-9_]*$\"\nindex = \"^[a-z][a-z0-9_]*_idx$\"",
            LintConfig(naming: ["table": "^[a-z][a-z0-9_]*$", "index": "^[a-z][a-z0-9_]*_idx$"])),
        peers: LintPeers(atlas: ["NM102", "NM103", "NM104", "NM105", "NM106"]))

    /// The kinds `[lint.naming]` accepts.
    public static let kinds = ["default", "table", "column", "index", "primary_key", "unique", "foreign_key", "check"]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard !config.naming.isEmpty else { return [] }
        var patterns: [String: Regex<AnyRegexOutput>] = [:]
        for (kind, text) in config.naming { patterns[kind] = try? Regex(text) }
        var out: [LintFinding] = []
        for step in r.upgrade {
            for (kind, name, span) in Self.names(step) {
                guard let text = config.naming[kind] ?? config.naming["default"],
                      let pattern = patterns[kind] ?? patterns["default"], name.firstMatch(of: pattern) == nil else { continue }
                out.append(finding("\(kind.replacingUnderscores) name `\(name)` does not match `\(text)`", at: span, statement: step.statement,
                                   help: "rename it to match the pattern of `\(kind)` in `[lint.naming]`"))
            }
        }
        return out
    }

    /// The names an op writes, by kind: the ones written, and for a new table or
    /// column the constraints migc names itself.
    static func names(_ step: OpStep) -> [(String, String, SourceSpan)] {
        switch step.statement.operation {
        case .createTable(let c):
            var out = [("table", c.name.name, c.name.span)] + c.columns.map { ("column", $0.name.name, $0.name.span) }
            if let t = step.after.tables[c.name.name] { out += constraints(of: t, at: c.name.span) }
            return out
        case .renameTable(let t): return [("table", t.newName.name, t.newName.span)]
        case .addColumn(let a):
            var out = [("column", a.column.name.name, a.column.name.span)]
            if let before = step.before.tables[a.table.name], let after = step.after.tables[a.table.name] {
                out += constraints(of: after, at: a.column.name.span).filter { !before.constraintNames.contains($0.1) }
            }
            return out
        case .renameColumn(let c): return [("column", c.newName.name, c.newName.span)]
        case .createIndex(let c): return [("index", c.name.name, c.name.span)]
        case .addConstraint(let a):
            let kind = switch a.kind {
            case .primaryKey: "primary_key"
            case .unique: "unique"
            case .foreignKey: "foreign_key"
            case .check: "check"
            }
            return [(kind, a.name.name, a.name.span)]
        default: return []
        }
    }

    static func constraints(of t: Table, at span: SourceSpan) -> [(String, String, SourceSpan)] {
        var out: [(String, String, SourceSpan)] = []
        if let pk = t.primaryKey { out.append(("primary_key", pk.name, pk.definedAt.isSynthesized ? span : pk.definedAt)) }
        for u in t.uniques.values.sorted(by: { $0.name < $1.name }) { out.append(("unique", u.name, u.definedAt.isSynthesized ? span : u.definedAt)) }
        for f in t.foreignKeys.values.sorted(by: { $0.name < $1.name }) { out.append(("foreign_key", f.name, f.definedAt.isSynthesized ? span : f.definedAt)) }
        for c in t.checks.values.sorted(by: { $0.name < $1.name }) { out.append(("check", c.name, c.definedAt.isSynthesized ? span : c.definedAt)) }
        return out
    }
}

extension String {
    fileprivate var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
}
