import ArgumentParser
import Foundation
import MigCore
import MigRunner

/// `migc squash --to REV -m MSG`: one revision creating the schema at REV, marked
/// `replaces` every revision from the base up to REV.
struct SquashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "squash",
        abstract: "Replace the history from the base up to REV with one revision creating its schema.",
        discussion: """
            The new revision has no parent and a `replaces` line naming every revision up to \
            REV (REV last); revisions after REV keep `parent REV`, which now links to it. A \
            fresh database runs the squash; a database at REV is recorded at the squash on \
            its next upgrade; a database stopped earlier first runs the original files, which \
            are moved into <migrations>/.replaced/<squash id>/ (hidden: no command but the \
            runner reads them). --delete removes them instead (databases stopped inside the \
            range can then no longer upgrade). Refused when the range holds `sql` blocks (a \
            schema cannot carry data changes), a branch leaves the range before REV, or a \
            revision that is itself a squash. See docs/adopting.md.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The last revision to squash (id, prefix, label, head...); everything before it goes too.")
    var to: String

    @Option(name: .shortAndLong, help: "The squash revision's message.")
    var message: String

    @Flag(name: .long, help: "Delete the replaced files instead of moving them to <migrations>/.replaced/<id>/.")
    var delete = false

    func run() throws {
        try RevisionFileWriter.validate(message: message)
        var opened = try OpenedProject.open(project, depth: .full)
        try opened.refuseErrors(check: true)
        let graph = opened.graph
        let targets = try opened.resolveOffline(to, option: "--to").revisions
        guard targets.count == 1, let last = targets.first else {
            throw UsageFailure(message: "error: --to `\(to)` names \(targets.isEmpty ? "no revision" : "several revisions (\(targets.joined(separator: ", ")))"); name one")
        }
        let directory = opened.project.directory
        let (id, path) = GeneratedFileWriter.name(directory: directory, taken: Set(graph.revisions.keys).union(graph.replacedBy.keys), message: message)
        let config = opened.config
        let lint = LintConfig(disabled: Set(config.lintDisabled.map { DiagnosticCode($0) }), dialect: config.dialect)
        let plan: SquashPlan
        do {
            plan = try Squash.plan(graph, to: last, header: GeneratedFileWriter.header(id: id, parents: [], message: message), path: path, lint: lint)
        } catch {
            throw CommandFailure(message: error.problems.map { "error: \($0)" }.joined(separator: "\n") + "\nnothing changed")
        }
        let range = plan.replaced, revision = plan.revision
        let files = range.map { graph.revisions[$0]!.file.path }
        let aside = Migrator.replacedDirectory(directory, squash: id)
        if delete {
            // Written first: a failed write deletes nothing.
            try GeneratedFileWriter.write(revision, to: path, noColor: project.noColor)
            try Self.moveAside(files, to: nil)
        } else {
            // Moved first: the squash never sits beside its originals (E314).
            try Self.moveAside(files, to: aside)
            do {
                try GeneratedFileWriter.write(revision, to: path, noColor: project.noColor)
            } catch {
                Self.moveBack(files, from: aside)
                throw error
            }
        }
        Terminal.write("created \(path): replaces \(range.count) revision\(range.count == 1 ? "" : "s") (\(range.first!) .. \(last)); "
            + (delete ? "their files are deleted\n" : "their files are in \(aside)/\n"))
    }

    static func moveAside(_ files: [String], to aside: String?) throws {
        let fm = FileManager.default
        do {
            if let aside {
                try fm.createDirectory(atPath: aside, withIntermediateDirectories: true)
                for file in files { try fm.moveItem(atPath: file, toPath: (aside as NSString).appendingPathComponent((file as NSString).lastPathComponent)) }
            } else {
                for file in files { try fm.removeItem(atPath: file) }
            }
        } catch {
            if let aside { moveBack(files, from: aside) }
            throw UsageFailure(message: "error: cannot \(aside == nil ? "delete" : "move") the replaced files: \(error.localizedDescription)")
        }
    }

    static func moveBack(_ files: [String], from aside: String) {
        for file in files {
            try? FileManager.default.moveItem(atPath: (aside as NSString).appendingPathComponent((file as NSString).lastPathComponent), toPath: file)
        }
    }
}
