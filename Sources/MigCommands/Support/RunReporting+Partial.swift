import MigCore
import MigRunner

/// A revision that stopped half-way on MySQL/MariaDB, where each DDL statement
/// commits by itself: which statements ran and stay, which did not run, where the
/// version table is, and the two ways forward (resume, or undo what ran).
extension RunReporting {
    static func partialFailure(
        _ failure: RunFailure, _ partial: PartialRevision, session: DatabaseSession, notes: [DiagnosticNote], headsNow: [String]?, span: SourceSpan
    ) -> String {
        let ran = partial.ran.count
        let total = ran + (partial.failed == nil ? 0 : 1) + partial.notRun.count
        let block = failure.direction.blockName
        var notes = notes
        if partial.resumedAt > 0 {
            notes.append(DiagnosticNote("this run resumed the revision at statement \(partial.resumedAt + 1); statements 1-\(partial.resumedAt) ran in an earlier run"))
        }
        if let mark = partial.interruptedEarlier {
            notes.append(DiagnosticNote(
                "statement \(ran + 1) was already running when an earlier run stopped (killed?), so it may have taken effect then "
                    + "(an error such as `already exists` says it did); if so, run `migc \(failure.direction.blockName)` again after marking it run: \(mark)"))
        }
        notes.append(DiagnosticNote(ran == 0 ? "no statement of it ran" : "ran and stay applied: \(numbered(partial.ran, from: 1))"))
        if !partial.notRun.isEmpty {
            notes.append(DiagnosticNote("not run: \(numbered(partial.notRun, from: ran + 2))"))
        }
        let boundary = failure.direction == .up ? "the revision before it" : "this revision (still applied)"
        notes.append(DiagnosticNote(
            "the version table still says \(boundary)\(headsNow.map { " (\($0.isEmpty ? "base" : summarized($0)))" } ?? ""); "
                + "migc_progress records the \(ran) statement\(ran == 1 ? "" : "s") that ran"))
        var help = "fix the revision after statement \(ran) (statements 1-\(ran) must stay as they are) and run `migc \(block)` again: it resumes at statement \(ran + 1)"
        if ran == 0 {
            help = "fix the revision and run `migc \(block)` again"
        } else if let undo = partial.undo {
            help += "; or run `migc \(block) --undo-partial` to undo the statements that ran: \(undo.isEmpty ? "nothing to run" : numbered(undo, from: 1))"
        } else {
            help += "; the statements that ran have no derived inverse (or stopped inside one op), so undoing them is by hand"
        }
        let where_ = partial.failed == nil ? "after its last statement (the version table could not be updated)" : "at statement \(ran + 1) of \(total)"
        let diagnostic = Diagnostic.error(
            "revision \(failure.revision) (\"\(failure.message)\") failed to \(failure.direction == .up ? "apply" : "undo") \(where_): "
                + "\(session.url.dialect.rawValue) commits each DDL statement, so \(ran == 0 ? "nothing of it ran" : "statements 1-\(ran) stay applied")",
            at: span, notes: notes, help: help)
        return session.renderer().render(diagnostic)
    }

    /// `1. CREATE TABLE ...; 2. ALTER TABLE ...` (each on one line, long lists cut).
    static func numbered(_ statements: [SQLStatement], from first: Int) -> String {
        let items = statements.enumerated().map { "\(first + $0.offset). \(oneLine($0.element.text))" }
        guard items.count > 6 else { return items.joined(separator: "; ") }
        return (items.prefix(3) + ["…"] + items.suffix(2)).joined(separator: "; ") + " (\(items.count) statements)"
    }
}
