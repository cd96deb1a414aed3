import ArgumentParser
import MigCore

/// `migc heads`: the revisions nothing follows yet (Alembic's `alembic heads`).
struct HeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heads",
        abstract: "Show the head revisions (the newest revision of each branch).",
        discussion: "More than one head means the history has branches; `migc merge heads -m MESSAGE` joins them.")

    @OptionGroup var project: ProjectOptions

    @Flag(name: .shortAndLong, help: "Show parents, path, message and creation time of each head.")
    var verbose = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let (opened, errors) = try OpenedProject.offline(project)
        let graph = opened.graph
        switch format {
        case .text: Terminal.write(GraphListing.heads(graph, verbose: verbose))
        case .json: Terminal.write(GraphListing.json(graph.heads, in: graph))
        }
        if errors { throw ErrorsReported() }
    }
}
