/// Renders diagnostics as swiftc/rustc do:
///
///     migrations/a.mig:3:7: error: unknown type `varchr` [E057]
///       |
///     3 |   name varchr(20)
///       |        ^~~~~~ expected a type
///       = note: ...
///       = help: did you mean `varchar`?
///
/// Colour (ANSI) only when asked; the CLI asks on a terminal without `NO_COLOR`.
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceStore
    public var colour: Bool

    public init(sources: SourceStore, colour: Bool = false) {
        self.sources = sources
        self.colour = colour
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ d: Diagnostic) -> String {
        var out = header(location(d.span), d.severity, d.message, code: d.code?.rawValue)
        out += snippet(d.span, label: d.label, severity: d.severity)
        for note in d.notes {
            if let span = note.span, !span.isSynthesized {
                out += "  = " + paint("note", .note) + ": " + note.message + " (at \(location(span)))\n"
                out += snippet(span, label: nil, severity: .note)
            } else {
                out += "  = " + paint("note", .note) + ": " + note.message + "\n"
            }
        }
        if let help = d.help { out += "  = " + paint("help", .help) + ": " + help + "\n" }
        return out
    }

    private func location(_ span: SourceSpan) -> String {
        span.isSynthesized ? span.file : "\(span.file):\(span.start.line):\(span.start.column)"
    }

    private func header(_ location: String, _ severity: Severity, _ message: String, code: String?) -> String {
        let tag = paint(severity.rawValue, Style(severity))
        let suffix = code.map { " [\($0)]" } ?? ""
        return paint(location + ":", .bold) + " " + tag + ": " + paint(message + suffix, .bold) + "\n"
    }

    /// The source line with a caret under the first byte of the span and tildes
    /// under the rest of it on that line.
    private func snippet(_ span: SourceSpan, label: String?, severity: Severity) -> String {
        guard !span.isSynthesized, let file = sources[span.file],
              let lineText = file.line(span.start.line) else { return "" }
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let lineBytes = file.lineBytes(span.start.line)
        // Columns count bytes; the caret line must line up in characters.
        let prefixBytes = Array(lineBytes.prefix(max(0, span.start.column - 1)))
        let pad = String(decoding: prefixBytes, as: UTF8.self).map { $0 == "\t" ? "\t" : " " }.joined()
        let lineEndColumn = lineBytes.count + 1
        let endColumn = span.end.line == span.start.line ? span.end.column : lineEndColumn
        let spanBytes = Array(lineBytes.dropFirst(prefixBytes.count).prefix(max(0, endColumn - span.start.column)))
        let width = max(1, String(decoding: spanBytes, as: UTF8.self).count)
        let marks = "^" + String(repeating: "~", count: width - 1)
        var out = "\(gutter) |\n"
        out += "\(number) | \(expandTabs(lineText))\n"
        out += "\(gutter) | \(pad)" + paint(marks, Style(severity))
        if let label { out += " " + paint(label, Style(severity)) }
        return out + "\n"
    }

    private func expandTabs(_ s: String) -> String { s }

    private enum Style {
        case error, warning, note, help, bold
        init(_ s: Severity) {
            switch s {
            case .error: self = .error
            case .warning: self = .warning
            case .note: self = .note
            }
        }
        var code: String {
            switch self {
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;33m"
            case .note: "\u{1B}[1;36m"
            case .help: "\u{1B}[1;32m"
            case .bold: "\u{1B}[1m"
            }
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        colour ? style.code + text + "\u{1B}[0m" : text
    }
}
