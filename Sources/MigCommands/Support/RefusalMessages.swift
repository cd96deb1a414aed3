import Foundation
import MigCore
import MigRunner

/// How a run the migrator or planner refused is told: usage problems exit 2,
/// problems with the files or the database's history exit 1.
enum RefusalMessages {
    /// The error to throw for `refusal`.
    static func error(_ refusal: MigrationRefusal, opened: inout OpenedProject) -> Error {
        switch refusal {
        case .unknownRevisions(let unknown): unknownRevisions(unknown, graph: opened.graph)
        case .edited(let edited): CommandFailure(message: editedMessage(edited, graph: opened.graph))
        case .plan(let plan): error(plan, opened: &opened)
        }
    }

    static func error(_ refusal: PlanRefusal, opened: inout OpenedProject) -> Error {
        switch refusal {
        case .unresolved(let error):
            return UsageFailure(message: OpenedProject.usageMessage(error))
        case let .targetBehind(target, resolved, heads):
            return UsageFailure(message: """
                error: `\(target)` (\(resolved)) is behind the database, which is at \(heads.joined(separator: ", ")); upgrade only moves forward
                  = help: `migc downgrade \(target)` goes back to it
                """)
        case .irreversible(let blocked):
            return CommandFailure(message: irreversibleMessage(blocked, opened: opened))
        case .errors(let errors):
            opened.report(errors)
            return CommandFailure(message: "the migrations have errors; nothing was run (see `migc lint`)")
        }
    }

    static func unknownRevisions(_ unknown: [String], graph: RevisionGraph? = nil) -> CommandFailure {
        // Revisions a squash replaced are known: only `--sql` (which cannot run the
        // originals from `.replaced/`) ends up here with them.
        if let graph, let squash = unknown.lazy.compactMap({ graph.replacedBy[$0] }).first {
            return CommandFailure(message: """
                error: the database is at \(unknown.joined(separator: ", ")), inside the range squash \(squash) replaced; a script cannot catch up from there
                  = help: run `migc upgrade` (it runs the original files from `.replaced/\(squash)/` first, then the rest), or script from a database at the squash's last revision or later
                """)
        }
        return CommandFailure(message: """
            error: the database's version table names \(unknown.count == 1 ? "a revision" : "revisions") no migration file defines: \(unknown.joined(separator: ", "))
              = note: the database was migrated from other files (another branch or checkout), or migc_version was edited
              = help: check out the files that created it; `migc stamp REV` rewrites the version table if you are sure
            """)
    }

    static func irreversibleMessage(_ error: CannotDowngrade, opened: OpenedProject) -> String {
        var diagnostic = error.diagnostic(
            action: "downgrade", help: "stop before it (`migc downgrade \(error.id)`), or write a `downgrade { }` block",
            headerSpan: opened.graph.revisions[error.id]?.file.header.revision?.span)
        diagnostic.message += "; nothing was changed"
        return opened.renderer().render(diagnostic)
    }

    static func editedMessage(_ edited: [String], graph: RevisionGraph) -> String {
        let list = edited.map { id in "  \(id)  \(graph.revisions[id]?.file.path ?? "")" }.joined(separator: "\n")
        return """
            error: \(edited.count == 1 ? "an applied revision was" : "applied revisions were") edited since \(edited.count == 1 ? "it was" : "they were") applied (checksum differs):
            \(list)
              = note: the database ran the old text; the edit will never run there
              = help: revert the edit and put the change in a new revision (`migc new`), or pass --allow-edited to go on (recorded in migc_history)
            """
    }
}
