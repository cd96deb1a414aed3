import Foundation
@testable import MigCore

/// A generated history as text: one revision per file, each op one line of `.mig`
/// (so shrinking can drop ops and a failing case can be written as a fixture).
struct OracleHistory: Sendable, CustomStringConvertible {
    struct Revision: Sendable {
        var id: String
        var parents: [String]
        var upgrade: [String]
        /// A written downgrade (nil: derived).
        var downgrade: [String]?
        /// `transaction off` (the generator puts only `concurrently` indexes there).
        var transactionOff = false
    }

    var revisions: [Revision]

    var hasSQL: Bool { revisions.contains { $0.upgrade.contains { $0.hasPrefix("sql ") } } }
    var opCount: Int { revisions.reduce(0) { $0 + $1.upgrade.count } }

    static func fileText(_ r: Revision) -> String {
        var text = "revision \(r.id)\n"
        if !r.parents.isEmpty { text += "parent \(r.parents.joined(separator: ", "))\n" }
        text += "message \"oracle \(r.id)\"\n"
        if r.transactionOff { text += "transaction off\n" }
        text += "\nupgrade {\n"
        text += r.upgrade.map { "  " + $0 + "\n" }.joined()
        text += "}\n"
        if let down = r.downgrade {
            text += "\ndowngrade {\n" + down.map { "  " + $0 + "\n" }.joined() + "}\n"
        }
        return text
    }

    /// Writes `<id>.mig` files into `directory` (created; emptied first).
    func write(to directory: String) throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: directory)
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for r in revisions {
            try Self.fileText(r).write(toFile: directory + "/\(r.id).mig", atomically: true, encoding: .utf8)
        }
    }

    /// Reads the files `write` wrote (a fixture), in file-name order.
    static func read(from directory: String) throws -> OracleHistory {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mig") }.sorted()
        var revisions: [Revision] = []
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            var r = Revision(id: "", parents: [], upgrade: [], downgrade: nil)
            var block: String?
            for line in text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
                if line.hasPrefix("revision ") { r.id = String(line.dropFirst(9)) }
                else if line.hasPrefix("parent ") { r.parents = line.dropFirst(7).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                else if line == "transaction off" { r.transactionOff = true }
                else if line == "upgrade {" { block = "up" }
                else if line == "downgrade {" { block = "down"; r.downgrade = [] }
                else if line == "}" { block = nil }
                else if block == "up" { r.upgrade.append(String(line.dropFirst(2))) }
                else if block == "down" { r.downgrade?.append(String(line.dropFirst(2))) }
            }
            revisions.append(r)
        }
        return OracleHistory(revisions: revisions)
    }

    var description: String { revisions.map(Self.fileText).joined(separator: "\n") }

    /// Parses one revision's ops (nil with the first error).
    static func statements(_ ops: [String]) -> [Statement]? {
        let text = "revision x\nmessage \"m\"\nupgrade {\n" + ops.map { $0 + "\n" }.joined() + "}\n"
        let parsed = Parser.parse(source: text, path: "oracle.mig")
        guard !parsed.diagnostics.hasErrors else { return nil }
        return parsed.file.upgrade?.statements ?? []
    }
}
