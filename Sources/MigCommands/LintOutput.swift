import Foundation
import MigCore

/// Machine-readable renderings of diagnostics for `migc lint --format`.
enum LintOutput {
    /// One JSON array; positions are 1-based lines and byte columns.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let items: [[String: Any]] = diagnostics.map { d in
            var item: [String: Any] = [
                "severity": d.severity.rawValue, "message": d.message, "file": d.span.file,
                "line": d.span.start.line, "column": d.span.start.column,
                "endLine": d.span.end.line, "endColumn": d.span.end.column,
            ]
            if let code = d.code { item["code"] = code.rawValue }
            if let help = d.help { item["help"] = help }
            if !d.notes.isEmpty {
                item["notes"] = d.notes.map { n -> [String: Any] in
                    var note: [String: Any] = ["message": n.message]
                    if let s = n.span, !s.isSynthesized { note["file"] = s.file; note["line"] = s.start.line; note["column"] = s.start.column }
                    return note
                }
            }
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=CODE::message`.
    static func github(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { d in
            let kind = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var props: [String] = []
            if !d.span.isSynthesized {
                props += ["file=\(property(d.span.file))", "line=\(d.span.start.line)", "col=\(d.span.start.column)"]
                if d.span.end.line == d.span.start.line { props.append("endColumn=\(d.span.end.column)") }
            }
            if let code = d.code { props.append("title=\(property(code.rawValue))") }
            var message = d.message
            for n in d.notes { message += "\nnote: " + n.message + (n.span.map { $0.isSynthesized ? "" : " (at \($0))" } ?? "") }
            if let help = d.help { message += "\nhelp: " + help }
            return "::\(kind) \(props.joined(separator: ","))::\(data(message))\n"
        }.joined()
    }

    /// Escapes for the message part of a workflow command.
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes for a property value (also `:` and `,`).
    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
