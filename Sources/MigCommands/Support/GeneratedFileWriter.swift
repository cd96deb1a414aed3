import Foundation
import MigCore
import MigRunner

/// Writes a revision migc generated (baseline, autogenerate, squash): shows its
/// lint report first, refuses to write one with errors, writes through FileOutput.
enum GeneratedFileWriter {
    /// A fresh id and the file's path in `directory`.
    static func name(directory: String, taken: Set<String>, message: String) -> (id: String, path: String) {
        var generator = SystemRandomNumberGenerator()
        let id = NewRevision.freshID(taken: taken, using: &generator)
        return (id, (directory as NSString).appendingPathComponent(NewRevision.fileName(id: id, message: message)))
    }

    static func header(id: String, parents: [String], message: String) -> RevisionHeader {
        RevisionHeader(
            revision: Identifier(id), parents: parents.map { Identifier($0) }, message: StringLiteral(message),
            created: StringLiteral(ISO8601DateFormatter().string(from: Date())))
    }

    /// Prints the lint report; with errors nothing is written (exit 1).
    static func write(_ revision: GeneratedRevision, to path: String, noColor: Bool) throws {
        if Terminal.report(revision.diagnostics, sources: revision.sources, noColor: noColor) {
            Terminal.writeError("error: nothing written: the generated revision does not check (a migc bug: please report it with the input)\n")
            throw ErrorsReported()
        }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileOutput.create(revision.text, at: path)
        } catch let error as FileOutputError where error.code == EEXIST {
            throw UsageFailure(message: "error: \(path) already exists; nothing written")
        } catch {
            throw UsageFailure(message: "error: cannot write \(path): \(error)")
        }
    }

    /// --stamp / --no-stamp, else ask on a terminal; no terminal means no.
    static func shouldStamp(_ flag: Bool?, id: String, url: DatabaseURL) -> Bool {
        if let flag { return flag }
        guard isatty(STDIN_FILENO) != 0 else {
            Terminal.writeError("note: not stamped (no terminal to ask); run `migc stamp \(id)` once the database is at this revision\n")
            return false
        }
        Terminal.writeError("stamp \(url.redacted) at \(id) (record the baseline as applied; nothing else changes)? [y/N] ")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
