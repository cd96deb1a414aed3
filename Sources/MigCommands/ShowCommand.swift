import ArgumentParser
import Foundation
import MigCore

/// `migc show REV [--downgrade]`: a revision as canonical .mig text, or its downgrade
/// (written, or derived from the upgrade by the checker).
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a revision, its downgrade, or the whole schema at it (--schema).",
        discussion: """
            REV is an id, a unique id prefix, a label, `head`, or any specifier `migc upgrade` takes.
            --schema prints the schema after REV as a schema file (the `.mig` declarations \
            `migc new --autogenerate --to-schema` reads), or with --dialect as that dialect's DDL.
            """)

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The revision to show.")
    var revision: String

    @Flag(name: .long, help: "Print the downgrade: the written block, or the one migc derives from the upgrade.")
    var downgrade = false

    @Flag(name: .long, help: "Print the whole schema after REV: `.mig` declarations, or SQL with --dialect.")
    var schema = false

    @Option(name: .long, help: "With --schema: print DDL for sqlite, postgres or mysql instead of `.mig`.")
    var dialect: String?

    func run() throws {
        var opened = try OpenedProject.open(project, depth: .full)
        if opened.report(opened.project.diagnostics.filter { $0.severity == .error }) { throw ErrorsReported() }
        let graph = opened.graph
        let id: String
        do {
            let target = try graph.resolve(revision, current: [])
            guard target.revisions.count == 1 else {
                throw UsageFailure(message: "error: `\(revision)` names \(target.isBase ? "no revision" : "several revisions (\(target))"); name one")
            }
            id = target.revisions[0]
        } catch let error as RevisionError {
            throw UsageFailure(message: "error: \(error.message)" + (error.help.map { "\nhelp: \($0)" } ?? ""))
        }
        guard let checked = Checker.checked(id, in: graph) else {
            throw UsageFailure(message: "error: no revision `\(id)`")
        }
        // The .mig text as it is (like `cat`), but on a terminal with control
        // characters escaped: a file must not drive the terminal.
        if schema || dialect != nil { return try ShowSchema.print(revision: id, graph: graph, dialect: dialect, downgrade: downgrade) }
        let text = downgrade ? try Self.downgradeText(checked) : Printer.print(checked.file)
        Terminal.write(isatty(STDOUT_FILENO) != 0 ? DiagnosticRenderer.escaped(text) : text)
    }

    static func downgradeText(_ r: CheckedRevision) throws -> String {
        if r.declaredIrreversible {
            Terminal.writeError("error: revision `\(r.id)` declares `downgrade irreversible`: it has no downgrade\n")
            throw ErrorsReported()
        }
        guard let steps = r.downgrade else {
            let at = r.irreversibleStatement.map { " (the `sql` at \($0.span) has no `reverse`)" } ?? ""
            Terminal.writeError("error: revision `\(r.id)` is irreversible\(at)\n")
            throw ErrorsReported()
        }
        let origin = r.downgradeIsDerived ? "derived by migc from the upgrade" : "as written"
        let body = Printer.print(statements: steps.map(\.statement), indent: 2)
        return "-- downgrade of \(r.id), \(origin)\ndowngrade {\n\(body)\(body.hasSuffix("\n") || body.isEmpty ? "" : "\n")}\n"
    }
}
