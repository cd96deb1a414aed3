import ArgumentParser
import MigCore

/// `migc merge heads -m MSG`: a revision with several parents that joins branches.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Create a merge revision joining two or more revisions (default: all heads).",
        discussion: """
            The merge revision has no operations; it makes the history one line again so
            `migc upgrade head` and `migc new` work. The checker verifies the branches do
            not make conflicting edits (e.g. both add users.email).
            """)

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The revisions to merge: `heads`, or two or more ids, prefixes or label@head.")
    var revisions: [String] = ["heads"]

    @Option(name: .shortAndLong, help: "What the merge does (one line).")
    var message: String

    func run() throws {
        try RevisionFileWriter.validate(message: message)
        let (opened, errors) = try OpenedProject.offline(project)
        let graph = opened.graph
        if errors { throw ErrorsReported() }
        var parents: [String] = []
        for spec in revisions {
            for id in try opened.resolveOffline(spec, option: "the revision list") .revisions where !parents.contains(id) {
                parents.append(id)
            }
        }
        guard parents.count >= 2 else {
            throw UsageFailure(message: "error: nothing to merge: \(parents.isEmpty ? "no revisions" : "only \(parents[0])") (a merge joins two or more revisions)")
        }
        for id in parents {
            if let other = parents.first(where: { $0 != id && graph.ancestors(of: $0).contains(id) }) {
                throw UsageFailure(message: "error: \(id) is already an ancestor of \(other); merge only revisions on different branches")
            }
        }
        let path = try RevisionFileWriter.write(
            directory: opened.project.directory, graph: graph, parents: parents.sorted(), message: message)
        Terminal.write("created \(path)\n")
    }
}
