import Foundation
import MigCore
import MigRunner

/// How database commands tell the user what happened.
enum RunReporting {
    static func progressLine(_ applied: RunReport.Applied) -> String {
        let verb = applied.direction == .up ? "applied" : "undid"
        return "  \(verb) \(applied.id)  \(applied.message)  (\(applied.durationMs) ms)\n"
    }

    static func summary(_ report: RunReport, verb: String, elapsedMs: Int) -> String {
        let heads = report.headsAfter.isEmpty ? "base" : report.headsAfter.joined(separator: ", ")
        if let undo = report.undonePartial {
            return "undid the \(undo.undoneStatements) statement\(undo.undoneStatements == 1 ? "" : "s") revision \(undo.revision) "
                + "had run of its \(undo.direction.blockName) (\(undo.ranStatements) inverse statement\(undo.ranStatements == 1 ? "" : "s")); "
                + "the database is at \(heads)\n"
        }
        if report.applied.isEmpty { return "nothing to do: the database is at \(heads)\n" }
        let count = report.applied.reduce(0) { $0 + $1.revisions }
        return "\(verb) \(count) revision\(count == 1 ? "" : "s") in \(elapsedMs) ms; the database is at \(heads)\n"
    }

    /// A failed revision as a diagnostic at the op's line, with the database's
    /// message, the statement, and what stays applied.
    static func failure(_ failure: RunFailure, session: DatabaseSession, headsNow: [String]?) -> String {
        let span = failure.statement?.origin ?? failure.statementFileSpan(session)
        let who = failure.error.code == RunFailure.refusalCode ? "migc refused" : "\(session.url.dialect.rawValue) said"
        var notes = [DiagnosticNote("\(who): \(failure.error)")]
        if let text = failure.statement?.text, !text.hasPrefix("-- migc"), failure.error.code != RunFailure.refusalCode {
            notes.append(DiagnosticNote("statement: \(oneLine(text))"))
        }
        notes += lockTimeoutNotes(failure)
        for index in failure.invalidIndexes {
            notes.append(DiagnosticNote("PostgreSQL left index `\(index)` behind, INVALID (unused by queries, still slowing writes); drop it with `DROP INDEX CONCURRENTLY \"\(index)\";` before running the revision again"))
        }
        let kept = failure.report.applied.map(\.id)
        if !kept.isEmpty {
            notes.append(DiagnosticNote("\(kept.count) earlier revision\(kept.count == 1 ? "" : "s") of this run stay\(kept.count == 1 ? "s" : "") applied: \(summarized(kept))"))
        }
        if !failure.undoneEarlier.isEmpty {
            let n = failure.undoneEarlier.count
            notes.append(DiagnosticNote("the database ended the whole transaction, so the \(n) earlier revision\(n == 1 ? "" : "s") of this run \(n == 1 ? "was" : "were") undone too: \(summarized(failure.undoneEarlier)); the database is where it was before the run"))
        }
        if let ended = failure.transactionEndedBy {
            notes.append(DiagnosticNote(ended.commits
                ? "what the revision ran up to and including this statement is committed, but the revision is not recorded: the version table still says the revision before it"
                : "the database rolled back what the revision had run before this statement; statements after it in the same `sql` text ran outside any transaction"))
        }
        if let headsNow {
            notes.append(DiagnosticNote("the database is now at \(headsNow.isEmpty ? "base" : summarized(headsNow))"))
        }
        // Where the failed revision leaves the version table: before it (an upgrade
        // that did not happen) or at it (a downgrade that did not happen).
        let boundary = failure.direction == .up ? "the revision before it" : "this revision (still applied)"
        let state = failure.transactionEndedBy.map { ended in
            "its SQL ended migc's transaction (`\(ended.keyword)`), so migc stopped there: the revision is \(ended.commits ? "half applied" : "not applied") (MIG115)"
        } ?? (!failure.undoneEarlier.isEmpty
            ? "rolled back together with the earlier revisions of this run"
            : failure.rolledBack
            ? "rolled back whole; the database stays at \(boundary)"
            : "it runs outside a transaction (`transaction off`): statements before the failing one stay applied and the version table still says \(boundary)")
        if let partial = failure.partial {
            return partialFailure(failure, partial, session: session, notes: notes, headsNow: headsNow, span: span)
        }
        let diagnostic = Diagnostic.error(
            "revision \(failure.revision) (\"\(failure.message)\") failed to \(failure.direction == .up ? "apply" : "undo"): \(state)",
            at: span, notes: notes,
            help: failure.error.isEnvironmental
                ? "the database could not be read or written (\(failure.error.code ?? "connection")): fix that (disk space, permissions, the server, a lock held elsewhere), then run migc again; the revision is fine"
                : failure.transactionEndedBy != nil
                ? "remove the transaction control from the `sql` block; repair the half-applied change by hand (or `migc stamp` if it is complete)"
                : failure.direction == .up ? "fix the revision, then run `migc upgrade` again" : nil)
        return session.renderer().render(diagnostic)
    }

    /// A list of revision ids short enough to read: up to five in full, else the
    /// count with the first and the last.
    static func summarized(_ ids: [String]) -> String {
        guard ids.count > 5, let first = ids.first, let last = ids.last else { return ids.joined(separator: ", ") }
        return "\(first) … \(last) (\(ids.count) revisions)"
    }

    static func oneLine(_ sql: String) -> String {
        let collapsed = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return collapsed.count > 200 ? String(collapsed.prefix(200)) + "..." : collapsed
    }
}

extension RunFailure {
    /// Without an op origin (version-table statements), point at the revision's file.
    func statementFileSpan(_ session: DatabaseSession) -> SourceSpan {
        guard let file = session.graph.revisions[revision]?.file else { return .synthesized }
        return file.header.revision?.span ?? SourceSpan(file: file.path, start: .init(line: 1, column: 1, offset: 0), end: .init(line: 1, column: 1, offset: 0))
    }
}
