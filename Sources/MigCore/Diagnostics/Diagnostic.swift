/// How bad a diagnostic is. Errors fail the run; warnings fail it under `--strict`.
public enum Severity: String, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A secondary message with its own location ("table `users` created here").
public struct DiagnosticNote: Hashable, Sendable {
    public var message: String
    public var span: SourceSpan?

    public init(_ message: String, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

/// A suggested edit: replace the text under `span` with `replacement`.
public struct FixIt: Hashable, Sendable {
    public var span: SourceSpan
    public var replacement: String

    public init(replace span: SourceSpan, with replacement: String) {
        self.span = span
        self.replacement = replacement
    }
}

/// One finding of any phase. A diagnostic is data: phases produce them, only the CLI
/// renders them (see `DiagnosticRenderer`).
///
/// `code` is a stable identifier from the registry (`DiagnosticRegistry`): `E0xx` for
/// syntax errors, `E1xx`..`E3xx` for checker and graph errors, `MIGxxx` for lints and
/// backend warnings. Messages are lowercase and name the kind of object.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var code: DiagnosticCode?
    public var message: String
    public var span: SourceSpan
    /// A short label printed after the caret line ("expected a type here").
    public var label: String?
    public var notes: [DiagnosticNote]
    /// One `help:` line, e.g. "did you mean `varchar`?".
    public var help: String?
    public var fixIts: [FixIt]

    public init(
        _ severity: Severity, _ message: String, at span: SourceSpan, code: DiagnosticCode? = nil,
        label: String? = nil, notes: [DiagnosticNote] = [], help: String? = nil,
        fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.label = label
        self.notes = notes
        self.help = help
        self.fixIts = fixIts
    }

    public static func error(
        _ message: String, at span: SourceSpan, code: DiagnosticCode? = nil, label: String? = nil,
        notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.error, message, at: span, code: code, label: label, notes: notes, help: help, fixIts: fixIts)
    }

    public static func warning(
        _ message: String, at span: SourceSpan, code: DiagnosticCode? = nil, label: String? = nil,
        notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(.warning, message, at: span, code: code, label: label, notes: notes, help: help, fixIts: fixIts)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, then severity (stable for goldens).
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.span.file != y.span.file { return x.span.file < y.span.file }
            if x.span.start.offset != y.span.start.offset { return x.span.start.offset < y.span.start.offset }
            return a.offset < b.offset
        }.map(\.element)
    }
}
