import Foundation
@testable import MigCore

/// Reduces a failing history to a small one that fails the same way (same
/// property): the shortest failing prefix, written downgrades made derived, then
/// single ops and whole revisions dropped while the failure stays.
struct OracleShrinker {
    let engine: Engine
    let signature: String
    var attempts = 0
    let maxAttempts = 400

    func fails(_ h: OracleHistory) -> OracleRun.Failure? {
        var run = OracleRun(history: h, engine: engine)
        guard let f = run.check(), f.signature == signature else { return nil }
        return f
    }

    mutating func shrink(_ history: OracleHistory, _ failure: OracleRun.Failure) -> (OracleHistory, OracleRun.Failure) {
        var best = history, bestFailure = failure
        // A rejected history is the generator's mistake or the checker's: shown whole.
        if failure.kind == "rejected" { return (best, bestFailure) }
        func attempt(_ candidate: OracleHistory) -> Bool {
            guard attempts < maxAttempts, candidate.revisions.count >= 1 else { return false }
            attempts += 1
            guard let f = fails(candidate) else { return false }
            best = candidate
            bestFailure = f
            return true
        }
        // The shortest failing prefix (a prefix keeps every parent).
        for k in 1..<max(1, best.revisions.count) {
            if attempt(OracleHistory(revisions: Array(best.revisions.prefix(k)))) { break }
        }
        var changed = true
        while changed, attempts < maxAttempts {
            changed = false
            for i in best.revisions.indices.reversed() where i < best.revisions.count && best.revisions[i].downgrade != nil {
                var c = best
                c.revisions[i].downgrade = nil
                if attempt(c) { changed = true }
            }
            var i = best.revisions.count - 1
            while i >= 0 {
                if i < best.revisions.count, let c = Self.removingRevision(i, from: best), attempt(c) { changed = true }
                i -= 1
            }
            for r in best.revisions.indices.reversed() {
                var j = (r < best.revisions.count ? best.revisions[r].upgrade.count : 0) - 1
                while j >= 0 {
                    if r < best.revisions.count, j < best.revisions[r].upgrade.count {
                        var c = best
                        c.revisions[r].upgrade.remove(at: j)
                        c.revisions[r].downgrade = nil
                        if attempt(c) { changed = true }
                    }
                    j -= 1
                }
            }
        }
        return (best, bestFailure)
    }

    /// The history without revision `i`, its children re-parented to its parents.
    static func removingRevision(_ i: Int, from h: OracleHistory) -> OracleHistory? {
        let gone = h.revisions[i]
        var out = h
        out.revisions.remove(at: i)
        for k in out.revisions.indices where out.revisions[k].parents.contains(gone.id) {
            var parents = out.revisions[k].parents.filter { $0 != gone.id }
            for p in gone.parents where !parents.contains(p) { parents.append(p) }
            out.revisions[k].parents = parents
            out.revisions[k].downgrade = nil
        }
        return out.revisions.isEmpty ? nil : out
    }

    /// Where a shrunk failure is written: `$MIGC_ORACLE_OUT` or the temp directory.
    static func writeFixture(_ h: OracleHistory, name: String, failure: OracleRun.Failure) -> String {
        let base = ProcessInfo.processInfo.environment["MIGC_ORACLE_OUT"] ?? (NSTemporaryDirectory() + "migc-oracle-failures")
        let directory = base + "/" + name
        try? h.write(to: directory)
        try? "\(failure)\n".write(toFile: directory + "/FAILURE.txt", atomically: true, encoding: .utf8)
        return directory
    }
}
