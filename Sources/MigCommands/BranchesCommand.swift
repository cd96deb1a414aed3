import ArgumentParser
import MigCore

/// `migc branches`: every branch point and the revisions that follow it (Alembic's
/// `alembic branches`).
struct BranchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "branches",
        abstract: "Show the revisions where the history branches, and what follows each.")

    @OptionGroup var project: ProjectOptions

    @Flag(name: .shortAndLong, help: "Show parents, path, message and creation time of each branch point.")
    var verbose = false

    func run() throws {
        let (opened, errors) = try OpenedProject.offline(project)
        let graph = opened.graph
        Terminal.write(GraphListing.branches(graph, verbose: verbose))
        if errors { throw ErrorsReported() }
    }
}
