import ArgumentParser
import MigCore
import MigRunner

/// `migc current`: the revisions the database is at.
struct CurrentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "current",
        abstract: "Show the revision(s) the database is at.",
        discussion: """
            One line per applied head, marked (head) when nothing follows it. A database \
            migc never touched prints nothing. A revision in the version table that no \
            file defines is reported and the exit code is 1.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var database: DatabaseOptions

    @Flag(name: .shortAndLong, help: "Show each revision's parents, message, labels and file.")
    var verbose = false

    @Option(name: .long, help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var session = try DatabaseSession.open(project, database, depth: OpenedProject.headers)
        try session.opened.refuseErrors()
        let heads = try session.readHeads()
        let known = heads.filter { session.graph.revisions[$0] != nil }
        switch format {
        case .json:
            Terminal.write(GraphListing.json(known, in: session.graph) + "\n")
        case .text:
            Terminal.write(GraphListing.revisions(known, in: session.graph, verbose: verbose))
        }
        for id in heads { if let squash = session.graph.replacedBy[id] { Terminal.write("\(id) (replaced by squash \(squash): `migc upgrade` records the database at it)\n") } }
        let unknown = session.graph.unknownRevisions(in: heads).filter { session.graph.replacedBy[$0] == nil }
        if !unknown.isEmpty { throw RefusalMessages.unknownRevisions(unknown) }
    }
}
