import ArgumentParser
import MigCore

/// `migc history`: every revision, newest first (Alembic's `alembic history`).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List revisions, newest first.",
        discussion: """
            Each line reads `PARENTS -> REVISION (markers), message`, with markers (label),
            (head), (branchpoint) and (mergepoint). A range `-r A:B` lists A through B;
            either end may be left out (`-r ae10:`, `-r :head`) and may be any revision
            specifier: an id or unique prefix, a label, LABEL@head, head, heads, base, REV+N, REV-N.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: [.customShort("r"), .customLong("rev-range")], help: "Only revisions in the range A:B (inclusive).")
    var revRange: String?

    @Flag(name: .shortAndLong, help: "Show parents, path, message and creation time of each revision.")
    var verbose = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let (opened, errors) = try OpenedProject.offline(project)
        let graph = opened.graph
        let ids = try selected(in: opened)
        switch format {
        case .text: Terminal.write(GraphListing.history(ids, in: graph, verbose: verbose))
        case .json: Terminal.write(GraphListing.json(graph.inTopologicalOrder(ids).reversed(), in: graph))
        }
        if errors { throw ErrorsReported() }
    }

    private func selected(in opened: OpenedProject) throws -> [String] {
        guard let revRange else { return opened.graph.topologicalOrder }
        guard revRange.contains(":") else {
            throw UsageFailure(message: "error: expected a range `A:B` after -r, got `\(revRange)`")
        }
        return try opened.revisions(inRange: revRange, option: "-r")
    }
}
