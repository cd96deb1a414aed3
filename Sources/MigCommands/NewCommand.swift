import ArgumentParser
import MigCore

/// `migc new -m MSG`: a new revision file whose parent is the current head.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new revision file whose parent is the head.",
        discussion: """
            The parent is the single head of the history. With several heads, name one
            with --head (or join them first with `migc merge heads`). The file is written
            as migrations/<id>_<message>.mig with an empty upgrade block; leave out the
            downgrade block to have migc derive it.
            With --autogenerate, the upgrade block holds the operations that take the schema \
            at the parent to a target: the live database (--from-database, the URL from \
            --database / MIGC_DATABASE_URL / migc.toml) or a schema file (--to-schema FILE, \
            the format `migc show REV --schema` prints). Nothing is written when they are \
            equal. Renames cannot be seen in a difference: name them with --rename and \
            --rename-table; a drop and an add that look like a rename are warned about. The \
            file is checked and linted before it is written. See docs/adopting.md.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .shortAndLong, help: "What the revision does (one line).")
    var message: String

    @Option(name: .long, help: "The revision to follow (a specifier: id, prefix, label@head, heads). Default: the single head.")
    var head: String?

    @Option(name: .long, help: "A branch label for the new revision (repeatable).")
    var label: [String] = []

    @Option(name: .long, help: "A revision on another branch this one depends on (repeatable).")
    var depends: [String] = []

    @Flag(name: .long, help: "Write the operations from the parent's schema to the target (--from-database or --to-schema).")
    var autogenerate = false

    @Flag(name: .long, help: "With --autogenerate: the target is the live database (URL: --database, MIGC_DATABASE_URL, migc.toml).")
    var fromDatabase = false

    @Option(name: .long, help: "With --autogenerate: the target is this schema file (`.mig` declarations, as `migc show REV --schema` prints).")
    var toSchema: String?

    @Option(name: .long, help: "With --autogenerate: TABLE.OLD:NEW, a column renamed (TABLE by its new name; repeatable).")
    var rename: [String] = []

    @Option(name: .long, help: "With --autogenerate: OLD:NEW, a table renamed (repeatable).")
    var renameTable: [String] = []

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try RevisionFileWriter.validate(message: message)
        let (opened, errors) = try OpenedProject.offline(project)
        let graph = opened.graph
        if errors { throw ErrorsReported() }
        let parents: [String]
        if let head {
            parents = try opened.resolveOffline(head, option: "--head").revisions
        } else if graph.heads.count > 1 {
            throw UsageFailure(message: """
                error: multiple heads: \(graph.heads.joined(separator: ", ")); a new revision needs one parent
                  = help: pass --head REV to extend one branch, or run `migc merge heads -m "merge"` first
                """)
        } else {
            parents = graph.heads
        }
        let dependencies = try depends.flatMap { try opened.resolveOffline($0, option: "--depends").revisions }
        for name in label where graph.labels[name] != nil {
            throw UsageFailure(message: "error: label `\(name)` is already used by revision \(graph.labels[name]!)")
        }
        if autogenerate || fromDatabase || toSchema != nil || !rename.isEmpty || !renameTable.isEmpty {
            return try Autogenerate(command: self, parents: parents, depends: dependencies).run()
        }
        let path = try RevisionFileWriter.write(
            directory: opened.project.directory, graph: graph, parents: parents, message: message,
            labels: label, depends: dependencies)
        Terminal.write("created \(path)\n")
    }
}
