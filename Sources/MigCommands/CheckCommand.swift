import ArgumentParser
import Foundation
import MigCore
import MigRunner

/// `migc check`: compare the live schema with what the migrations say it should be.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report drift between the database and the schema its current revision should have.",
        discussion: """
            Introspects the database (tables, columns with type, nullability, default and \
            autoincrement; keys, unique and foreign-key constraints, checks, indexes) and \
            compares it with the checker's model at the revision(s) in migc_version. \
            Differences are listed table by table, column by column. Exit 0 when they \
            match, 1 on drift (or an unknown revision in the version table), 2 on usage \
            or connection problems. Defaults are compared after the database's own \
            rewriting (casts, parentheses); checks and partial-index predicates by name.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var session = try DatabaseSession.open(project, database, depth: .full)
        try session.opened.refuseErrors(check: true)
        let migrator = try session.migrator(lockTimeout: 5)
        let heads: [String]
        let differences: [SchemaDifference]
        do {
            (heads, differences) = try migrator.drift()
        } catch let error as DatabaseError {
            throw UsageFailure(message: "error: cannot introspect \(session.url.redacted): \(error)")
        } catch let refusal as MigrationRefusal {
            throw RefusalMessages.error(refusal, opened: &session.opened)
        } catch let error as RunnerError {
            throw CommandFailure(message: "error: \(error.message)")
        }
        let at = heads.isEmpty ? "base" : heads.joined(separator: ", ")
        switch format {
        case .json:
            Terminal.write(Self.json(differences, revision: heads) + "\n")
        case .text:
            Terminal.write(Self.text(differences, revision: at, session: session))
        }
        if !differences.isEmpty { throw ErrorsReported() }
    }

    static func text(_ differences: [SchemaDifference], revision: String, session: DatabaseSession) -> String {
        guard !differences.isEmpty else { return "no drift: the database matches the migrations at \(revision)\n" }
        var out = "drift: the database differs from the migrations at \(revision) in \(differences.count) place\(differences.count == 1 ? "" : "s"):\n"
        var table: String?
        for difference in differences {
            if difference.table != table {
                table = difference.table
                out += difference.table.isEmpty ? "  types:\n" : "  table `\(difference.table)`:\n"
            }
            out += "    \(difference)"
            if let span = difference.expectedAt, !span.isSynthesized { out += "  (defined at \(span))" }
            out += "\n"
        }
        out += "  = help: write a revision that makes the change (`migc new`), or undo it in the database; "
            + "`migc stamp` only moves the version table\n"
        return out
    }

    static func json(_ differences: [SchemaDifference], revision: [String]) -> String {
        let quote = JSONText.quote
        let items = differences.map { d in
            "{\"kind\": \(quote(d.kind.rawValue)), \"table\": \(quote(d.table)), \"object\": \(quote(d.object)), "
                + "\"detail\": \(d.detail.map(quote) ?? "null"), \"description\": \(quote(d.description))}"
        }
        return "{\"revision\": [\(revision.map(quote).joined(separator: ", "))], \"drift\": \(!differences.isEmpty), "
            + "\"differences\": [\(items.joined(separator: ", "))]}"
    }
}
