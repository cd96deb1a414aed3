import Foundation
import Testing
@testable import MigCore

/// Wrong written downgrades the checker must reject: each single-line statement of
/// a written downgrade removed in turn.
enum OracleMutations {
    /// Checks every mutation of `history`; returns how many changed the schema.
    static func check(_ history: OracleHistory) throws -> Int {
        let directory = NSTemporaryDirectory() + "migc-oracle-mut-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try history.write(to: directory)
        let graph = try Project.open(directory: directory).graph
        var count = 0
        for (index, r) in history.revisions.enumerated() {
            guard let down = r.downgrade else { continue }
            let before = Checker.schema(at: Set(r.parents), in: graph)
            let after = Checker.schema(at: [r.id], in: graph)
            for line in down.indices {
                guard let removed = OracleHistory.statements([down[line]]), removed.count == 1 else { continue }
                var lines = down
                lines.remove(at: line)
                guard let statements = OracleHistory.statements(lines) else { continue }
                let reached = statements.reduce(after) { $0.applying($1.operation) }
                guard !SchemaDiff.between(expected: before, actual: reached).isEmpty else { continue }
                var wrong = history
                wrong.revisions[index].downgrade = lines
                try wrong.write(to: directory)
                let report = try Project.open(directory: directory).check()
                count += 1
                #expect(report.diagnostics.hasErrors, "downgrade of \(r.id) without `\(down[line])` leaves another schema, yet checks cleanly:\n\(OracleHistory.fileText(wrong.revisions[index]))")
            }
        }
        return count
    }
}
