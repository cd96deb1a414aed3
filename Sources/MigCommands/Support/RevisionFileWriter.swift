import Foundation
import MigCore

/// Creates revision files for `migc new` and `migc merge`.
enum RevisionFileWriter {
    /// Writes a new revision into `directory` and returns its path.
    static func write(
        directory: String, graph: RevisionGraph, parents: [String], message: String,
        labels: [String] = [], depends: [String] = []
    ) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let id = NewRevision.freshID(taken: Set(graph.revisions.keys), using: &generator)
        let created = ISO8601DateFormatter().string(from: Date())
        let text = NewRevision.text(id: id, parents: parents, message: message, created: created, labels: labels, depends: depends)
        let path = (directory as NSString).appendingPathComponent(NewRevision.fileName(id: id, message: message))
        // The file must read back as written: a label with a newline or a space would
        // otherwise leave an unparseable revision behind and exit 0.
        if let problem = Parser.parse(source: text, path: path).diagnostics.first(where: { $0.severity == .error }) {
            throw UsageFailure(message: "error: nothing written: the new revision would not parse: \(DiagnosticRenderer.escaped(problem.message)); check --label and -m")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw UsageFailure(message: "error: cannot write \(path): \(error.localizedDescription)")
        }
        do {
            // Created whole or not at all, never over an existing file or a link.
            try FileOutput.create(text, at: path)
        } catch where error.code == EEXIST {
            throw UsageFailure(message: "error: \(path) already exists; nothing written")
        } catch {
            throw UsageFailure(message: "error: \(error)")
        }
        return path
    }

    /// A message is one line: it lands in a `message "..."` header and in history output.
    static func validate(message: String) throws {
        if message.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageFailure(message: "error: the message is empty; say what the revision does, e.g. -m \"add accounts\"")
        }
        if message.contains("\n") {
            throw UsageFailure(message: "error: the message must be one line")
        }
    }
}
