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
        let session = try MigrationSession.open(project, database, headersOnly: true)
        let heads: [String]
        if session.url.isMissingSQLiteFile {
            heads = []
        } else {
            let driver = try session.connect(lockTimeout: 5).driver
            do {
                heads = try VersionStore(driver: driver).heads()
            } catch {
                throw UsageFailure(message: "error: cannot read the version table of \(session.url.redacted): \(error)")
            }
        }
        let known = heads.filter { session.graph.revisions[$0] != nil }
        switch format {
        case .json:
            Terminal.write(GraphListing.json(known, in: session.graph) + "\n")
        case .text:
            Terminal.write(GraphListing.revisions(known, in: session.graph, verbose: verbose))
        }
        try session.verifyKnown(heads)
    }
}
