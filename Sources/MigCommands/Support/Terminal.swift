import Foundation
import MigCore

/// Where human output goes, and whether it may be coloured.
enum Terminal {
    /// Colour only on a terminal, never with NO_COLOR set (https://no-color.org).
    static func colourEnabled(noColorFlag: Bool = false, fileDescriptor: Int32 = STDERR_FILENO) -> Bool {
        if noColorFlag { return false }
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(fileDescriptor) != 0
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Renders diagnostics to stderr; returns whether any was an error.
    @discardableResult
    static func report(_ diagnostics: [Diagnostic], sources: SourceStore, noColor: Bool = false) -> Bool {
        guard !diagnostics.isEmpty else { return false }
        let renderer = DiagnosticRenderer(sources: sources, colour: colourEnabled(noColorFlag: noColor))
        writeError(renderer.render(diagnostics.sortedByLocation()))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        if !parts.isEmpty { writeError(parts.joined(separator: ", ") + " generated.\n") }
        return errors > 0
    }
}
