import ArgumentParser
import Foundation
import MigCore
import MigRunner

/// What `migc test` prints: a line per revision as it finishes (text), or
/// everything at the end (json, github).
struct TestReport {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    let format: Format
    let quiet: Bool
    let seed: UInt64
    let rows: Int
    let database: String
    let count: Int
    private let started = DispatchTime.now().uptimeNanoseconds

    init(format: Format, quiet: Bool, seed: UInt64, rows: Int, database: String, count: Int) {
        self.format = format
        self.quiet = quiet
        self.seed = seed
        self.rows = rows
        self.database = database
        self.count = count
    }

    func start() {
        guard format == .text else { return }
        Terminal.write("testing \(count) revision\(count == 1 ? "" : "s") on \(database), \(rows) rows per table, seed \(seed)\n")
    }

    func revision(_ r: RevisionRoundTrip) {
        guard format == .text, !quiet || r.failure != nil else { return }
        Terminal.write(Self.text(r))
    }

    func finish(_ results: [RevisionRoundTrip]) {
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        switch format {
        case .text: Terminal.write(summary(results, elapsedMs: elapsed))
        case .json: Terminal.write(json(results, elapsedMs: elapsed))
        case .github:
            Terminal.write(Self.github(results))
            Terminal.writeError(summary(results, elapsedMs: elapsed))
        }
    }

    static func text(_ r: RevisionRoundTrip) -> String {
        let status = r.failure != nil ? "FAIL" : "ok  "
        let steps = r.steps.filter { $0.kind != .fill || $0.durationMs > 0 }.map { "\($0.kind.rawValue) \($0.durationMs)ms" }
        var out = "\(status) \(r.revision) \(r.message)  (\(steps.joined(separator: ", "))\(r.irreversible ? "; no downgrade: upgrade only" : ""))\n"
        let filled = r.fills.filter { $0.rows > 0 }
        if !filled.isEmpty {
            out += "     rows: " + filled.map { "\($0.table) \($0.rows)" }.joined(separator: ", ") + "\n"
        }
        for fill in r.fills {
            if let note = fill.note { out += "     table `\(fill.table)`: \(note)\n" }
        }
        if let failure = r.failure {
            out += "     \(failure.step.rawValue) failed: \(failure.message.replacingOccurrences(of: "\n", with: "\n     "))\n"
            if let at = Self.location(failure) { out += "     at \(at.file):\(at.line)\n" }
        }
        return out
    }

    static func location(_ failure: RoundTripFailure) -> (file: String, line: Int)? {
        if let fixture = failure.fixture { return (fixture.path, fixture.line) }
        if let span = failure.location, !span.isSynthesized { return (span.file, span.start.line) }
        return nil
    }

    func summary(_ results: [RevisionRoundTrip], elapsedMs: Int) -> String {
        let failed = results.filter { $0.failure != nil }.count
        let upOnly = results.filter { $0.irreversible && $0.failure == nil }.count
        var out = "\(failed == 0 ? "passed" : "FAILED"): \(results.count - failed) of \(count) revisions passed"
        if upOnly > 0 { out += " (\(upOnly) without downgrade, upgrade only)" }
        if failed > 0 { out += ", \(failed) failed" }
        if results.count < count { out += ", \(count - results.count) not run" }
        out += " in \(ProgressLine.seconds(Double(elapsedMs) / 1000)); replay with --seed \(seed) --rows \(rows)\n"
        return out
    }

    func json(_ results: [RevisionRoundTrip], elapsedMs: Int) -> String {
        let items: [[String: Any]] = results.map { r in
            var item: [String: Any] = [
                "revision": r.revision, "message": r.message,
                "status": r.failure != nil ? "failed" : r.irreversible ? "upgrade-only" : "passed",
                "steps": r.steps.map { ["step": $0.kind.rawValue, "ms": $0.durationMs] },
                "rows": r.fills.map { fill -> [String: Any] in
                    var f: [String: Any] = ["table": fill.table, "rows": fill.rows]
                    if let note = fill.note { f["note"] = note }
                    return f
                },
            ]
            if let failure = r.failure {
                var f: [String: Any] = ["step": failure.step.rawValue, "message": failure.message]
                if let at = Self.location(failure) { f["file"] = at.file; f["line"] = at.line }
                item["failure"] = f
            }
            return item
        }
        let object: [String: Any] = [
            "seed": seed, "rows": rows, "database": database, "elapsedMs": elapsedMs,
            "passed": results.filter { $0.failure == nil }.count, "failed": results.filter { $0.failure != nil }.count,
            "revisions": items,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func github(_ results: [RevisionRoundTrip]) -> String {
        results.compactMap { r -> String? in
            guard let failure = r.failure else { return nil }
            var props: [String] = []
            if let at = location(failure) { props += ["file=\(LintOutput.property(at.file))", "line=\(at.line)"] }
            props.append("title=\(LintOutput.property("migc test: \(r.revision) \(failure.step.rawValue)"))")
            return "::error \(props.joined(separator: ","))::\(LintOutput.data(failure.message))\n"
        }.joined()
    }
}
