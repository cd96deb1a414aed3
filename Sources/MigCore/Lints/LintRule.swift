// A lint is a warning with a stable code (MIGnnn) about a revision that checks
// cleanly but is risky to run. One rule = one file = one type; its description's
// examples are both the documentation (docs/lints.md is generated from them) and
// the tests (every triggering example must trigger exactly its code, every
// non-triggering one must not).

/// One example: the revision files of a small project, oldest first.
public typealias LintExample = DiagnosticExample

/// A rule's documentation and tests. Its title and default severity are the
/// registry's (`DiagnosticRegistry`), so each is written once.
public struct LintDescription: Sendable {
    public var code: DiagnosticCode
    public var rationale: String
    /// Projects that trigger the rule (the last file is the one it reports in).
    public var triggering: [LintExample]
    /// The same projects, fixed.
    public var nonTriggering: [LintExample]
    /// Policy rules run only when migc.toml asks for them (`[lint.severity]`).
    public var enabledByDefault: Bool
    /// The migc.toml settings the examples are linted with, as written in the file
    /// (shown in docs/lints.md), and as the `LintConfig` they read as (a test checks both agree).
    public var exampleSettings: (toml: String, config: LintConfig)?
    /// The peers' names for the rule: docs/lints.md's parity table.
    public var peers: LintPeers

    public init(
        code: DiagnosticCode, rationale: String, triggering: [LintExample], nonTriggering: [LintExample],
        enabledByDefault: Bool = true, exampleSettings: (toml: String, config: LintConfig)? = nil, peers: LintPeers = LintPeers()
    ) {
        self.code = code
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.enabledByDefault = enabledByDefault
        self.exampleSettings = exampleSettings
        self.peers = peers
    }

    public var title: String { DiagnosticRegistry.entry(code)?.title ?? code.rawValue }
    public var defaultSeverity: Severity { DiagnosticRegistry.entry(code)?.severity ?? .warning }
}

/// The rules of Atlas's analyzers, squawk and strong_migrations a migc rule covers.
public struct LintPeers: Sendable {
    public var atlas: [String]
    public var squawk: [String]
    public var strongMigrations: [String]
    public init(atlas: [String] = [], squawk: [String] = [], strongMigrations: [String] = []) {
        self.atlas = atlas
        self.squawk = squawk
        self.strongMigrations = strongMigrations
    }
}

/// A warning and the statement it is about (whose `-- migc:allow` can silence it;
/// nil for revision-level findings, silenced in the revision's header comments).
public struct LintFinding: Sendable {
    public var diagnostic: Diagnostic
    public var statement: Statement?
    public init(_ diagnostic: Diagnostic, statement: Statement?) {
        self.diagnostic = diagnostic
        self.statement = statement
    }
}

/// The graph-level facts graph lints look at.
public struct GraphFacts: Sendable {
    public var heads: [String]
    public var bases: [String]
    /// Revision files by id.
    public var files: [String: MigFile]
    public init(heads: [String], bases: [String], files: [String: MigFile]) {
        self.heads = heads
        self.bases = bases
        self.files = files
    }
}

public protocol LintRule: Sendable {
    static var description: LintDescription { get }
    /// The upgrade operations the rule looks at; nil: it looks at the whole
    /// revision. The linter skips a revision that has none of them.
    static var operations: Set<OpKind>? { get }
    init()
    /// Findings in one checked revision.
    func check(_ revision: CheckedRevision, config: LintConfig) -> [LintFinding]
    /// Findings about the graph as a whole.
    func check(graph: GraphFacts, config: LintConfig) -> [LintFinding]
}

extension LintRule {
    public static var operations: Set<OpKind>? { nil }
    public func check(_ revision: CheckedRevision, config: LintConfig) -> [LintFinding] { [] }
    public func check(graph: GraphFacts, config: LintConfig) -> [LintFinding] { [] }

    var code: DiagnosticCode { Self.description.code }

    /// A warning with this rule's code.
    func finding(_ message: String, at span: SourceSpan, statement: Statement?, notes: [DiagnosticNote] = [], help: String? = nil) -> LintFinding {
        LintFinding(Diagnostic(Self.description.defaultSeverity, message, at: span, code: code, notes: notes, help: help), statement: statement)
    }
}

/// Project-wide lint settings (the `[lint]` section of migc.toml).
public struct LintConfig: Sendable, Hashable {
    /// Codes never reported.
    public var disabled: Set<DiagnosticCode>
    /// Severity overrides by code (e.g. make MIG102 an error).
    public var severities: [DiagnosticCode: Severity]
    /// The target dialect ("sqlite", "postgres", "mysql"); nil = portable: every
    /// dialect-specific lint applies.
    public var dialect: String?
    /// Name patterns (regular expressions) by object kind, for MIG151: `table`,
    /// `column`, `index`, `primary_key`, `unique`, `foreign_key`, `check`.
    public var naming: [String: String]

    public init(disabled: Set<DiagnosticCode> = [], severities: [DiagnosticCode: Severity] = [:], dialect: String? = nil, naming: [String: String] = [:]) {
        self.disabled = disabled
        self.severities = severities
        self.dialect = dialect
        self.naming = naming
    }

    /// Whether `rule` runs: not disabled, and on by default or given a severity.
    public func runs(_ rule: LintDescription) -> Bool {
        !disabled.contains(rule.code) && (rule.enabledByDefault || severities[rule.code] != nil)
    }

    public static let `default` = LintConfig()

    /// Whether lints about `dialect` apply to this project.
    public func targets(_ dialect: String) -> Bool { self.dialect == nil || self.dialect == dialect }
}
