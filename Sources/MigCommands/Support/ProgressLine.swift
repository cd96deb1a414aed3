import Foundation

/// "revision k of n, elapsed, estimate" on stderr, rewritten in place: only when
/// stderr is a terminal (never in pipes, logs or CI), never with --quiet, and only
/// for runs of more than one revision.
struct ProgressLine {
    let total: Int
    let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds

    init(total: Int, quiet: Bool) {
        self.total = total
        let dumb = ProcessInfo.processInfo.environment["TERM"] == "dumb"
        enabled = !quiet && total > 1 && !dumb && isatty(STDERR_FILENO) != 0
    }

    static func isWanted(quiet: Bool) -> Bool { ProgressLine(total: 2, quiet: quiet).enabled }

    /// Shows that `done` revisions of `total` are finished and `current` runs now.
    func show(done: Int, current: String) {
        guard enabled else { return }
        Terminal.writeError("\r\u{1B}[K" + Self.text(done: done, total: total, current: current, elapsed: elapsedSeconds))
    }

    /// Erases the line (before other output, and at the end).
    func clear() {
        if enabled { Terminal.writeError("\r\u{1B}[K") }
    }

    var elapsedSeconds: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    /// `revision 3 of 10 (a41f0c9e2b17), 1.2s elapsed, about 2.8s left`: the estimate
    /// is the mean time per finished revision times those left.
    static func text(done: Int, total: Int, current: String, elapsed: Double) -> String {
        var out = "revision \(min(done + 1, total)) of \(total) (\(current)), \(seconds(elapsed)) elapsed"
        if done > 0 { out += ", about \(seconds(elapsed / Double(done) * Double(total - done))) left" }
        return out
    }

    static func seconds(_ s: Double) -> String {
        s < 60 ? String(format: "%.1fs", s) : "\(Int(s) / 60)m\(Int(s) % 60)s"
    }
}
