/// A small project: its revision files, oldest first, and the dialect the example
/// is about (nil: any). Registry entries and lint rules use them as docs and tests.
public struct DiagnosticExample: Sendable {
    public var files: [String]
    /// "sqlite", "postgres" or "mysql" when the diagnostic comes from `migc build
    /// --dialect D` (backend warnings).
    public var dialect: String?

    public init(_ files: String...) { self.files = files }

    public init(dialect: String, _ files: String...) {
        self.files = files
        self.dialect = dialect
    }
}

/// What the registry knows about one code. The examples are docs/diagnostics.md and
/// a test: checked as `migc lint` checks (lints aside), `example` raises `code` and
/// nothing else, `fixed` raises nothing.
public struct DiagnosticEntry: Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    /// One line, lowercase, as a table cell.
    public var title: String
    public var explanation: String
    /// A project that raises the code; nil when no revision file can (file-system
    /// trouble, or a guard the parser always reports first), said in `explanation`.
    public var example: DiagnosticExample?
    /// The same project, fixed.
    public var fixed: DiagnosticExample?

    public init(
        _ code: DiagnosticCode, _ title: String, severity: Severity = .error, explanation: String,
        example: DiagnosticExample? = nil, fixed: DiagnosticExample? = nil
    ) {
        self.code = code
        self.severity = severity
        self.title = title
        self.explanation = explanation
        self.example = example
        self.fixed = fixed
    }
}
