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
        var out = header(location(d.span), d.severity, Self.escaped(d.message), code: d.code?.rawValue)
        out += snippet(d.span, label: d.label.map { Self.escaped($0) }, severity: d.severity)
        for note in d.notes {
            if let span = note.span, !span.isSynthesized {
                out += "  = " + paint("note", .note) + ": " + Self.escaped(note.message) + " (at \(location(span)))\n"
                out += snippet(span, label: nil, severity: .note)
            } else {
                out += "  = " + paint("note", .note) + ": " + Self.escaped(note.message) + "\n"
            }
        }
        if let help = d.help { out += "  = " + paint("help", .help) + ": " + Self.escaped(help) + "\n" }
        return out
    }

    private func location(_ span: SourceSpan) -> String {
        let file = Self.escaped(span.file)
        return span.isSynthesized ? file : "\(file):\(span.start.line):\(span.start.column)"
    }

    /// `text` with control characters (ESC, BEL, CR, C1 codes...) written as
    /// `\u{1B}`: a name or message from a file must not drive the terminal.
    /// Without `keepingLineBreaks` (one-line listings), `\n` and tabs are escaped too.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
        let escapes = { (s: Unicode.Scalar) in isControl(s) || (!keepingLineBreaks && (s == "\n" || s == "\t")) }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls and DEL, but not a tab or a line break (messages span lines).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 9 && v != 10) || (v >= 0x7F && v < 0xA0)
    }

    /// Characters of a source line shown at most.
    static let maximumLineWidth = 160

    /// A source line as shown: each control character (a tab aside) becomes one
    /// U+FFFD, so the line cannot drive the terminal and the caret still lines up.
    static func visibleLine(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { isControl($0) || $0 == "\n" }) else { return line }
        return String(String.UnicodeScalarView(line.unicodeScalars.map { isControl($0) || $0 == "\n" ? "\u{FFFD}" : $0 }))
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
        var prefix = Array(String(decoding: prefixBytes, as: UTF8.self))
        let lineEndColumn = lineBytes.count + 1
        let endColumn = span.end.line == span.start.line ? span.end.column : lineEndColumn
        let spanBytes = Array(lineBytes.dropFirst(prefixBytes.count).prefix(max(0, endColumn - span.start.column)))
        var width = max(1, String(decoding: spanBytes, as: UTF8.self).count)
        // A long line (a minified or binary file) is cut around the caret, so one
        // diagnostic stays a few lines long.
        var shown = Array(Self.visibleLine(lineText))
        if shown.count > Self.maximumLineWidth {
            let from = max(0, min(prefix.count - 40, shown.count - Self.maximumLineWidth))
            let to = min(shown.count, from + Self.maximumLineWidth)
            let head: [Character] = from > 0 ? ["…"] : []
            shown = head + shown[from..<to] + (to < shown.count ? ["…"] : [])
            prefix = head + prefix.dropFirst(from)
            width = min(width, max(1, head.count + (to - from) - prefix.count))
        }
        let pad = prefix.map { $0 == "\t" ? "\t" : " " }.joined()
        let marks = "^" + String(repeating: "~", count: width - 1)
        var out = "\(gutter) |\n"
        out += "\(number) | \(String(shown))\n"
        out += "\(gutter) | \(pad)" + paint(marks, Style(severity))
        if let label { out += " " + paint(label, Style(severity)) }
        return out + "\n"
    }

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
