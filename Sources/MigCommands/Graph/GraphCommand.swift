import ArgumentParser
import Foundation
import MigCore
import MigRunner

/// `migc graph`: the revision graph, or with `--schema` the tables and foreign
/// keys at a revision, as Mermaid, DOT, or (through Graphviz) SVG or PNG.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the revision graph, or with --schema an entity-relationship diagram of the schema at a revision.",
        discussion: """
            The revision graph: base at the top, an edge from each parent to its child, \
            `depends` edges dashed, merges as hexagons, heads bold (rounded in Mermaid), \
            branch labels under the revision; with --database the revision(s) that \
            database is at are filled yellow.
            --schema [REV]: every table at REV (default: the heads; with --database, the \
            database's revision) with its columns, PK / FK / UK marks, and an edge per \
            foreign key.
            Formats: mermaid (default; GitHub renders it in Markdown), dot (Graphviz), \
            svg and png (run Graphviz's `dot`, which must be on PATH: apt-get install graphviz).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid, dot, svg, png
    }

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "Draw the schema (tables, columns, keys, foreign keys) instead of the revision graph.")
    var schema = false

    @Argument(help: "With --schema: the revision whose schema to draw (default: the heads).")
    var revision: String?

    @Option(name: .long, help: "mermaid, dot, svg or png (svg and png need Graphviz's `dot` on PATH).")
    var format: Format = .mermaid

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("A database URL: highlight the revision(s) it is at (with --schema: draw its revision's schema).", valueName: "URL"))
    var database: String?

    func validate() throws {
        if revision != nil, !schema { throw ValidationError("a revision argument is only taken with --schema") }
    }

    func run() throws {
        let config = try project.loadConfig()
        var opened = try OpenedProject.open(project, config: config, depth: schema ? .full : OpenedProject.headers)
        try opened.refuseErrors()
        let current = try currentRevisions(opened)
        let text: String
        if schema {
            let at: [String]
            if let revision {
                at = try opened.resolveOffline(revision, option: "REV").revisions
            } else {
                at = database == nil ? opened.graph.heads : current
            }
            let model = Checker.schema(at: Set(at), in: opened.graph)
            text = format == .mermaid ? SchemaPicture.mermaid(model) : SchemaPicture.dot(model)
        } else {
            text = format == .mermaid
                ? RevisionGraphPicture.mermaid(opened.graph, current: Set(current))
                : RevisionGraphPicture.dot(opened.graph, current: Set(current))
        }
        let bytes: [UInt8] = format == .svg || format == .png ? try render(text, as: format.rawValue) : Array(text.utf8)
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try FileOutput.write(bytes, to: output)
        } catch {
            throw UsageFailure(message: "error: \(error)")
        }
    }

    /// The applied heads of `--database`, else none.
    private func currentRevisions(_ opened: OpenedProject) throws -> [String] {
        guard let database else { return [] }
        let url: DatabaseURL
        do {
            url = try DatabaseURL(parsing: database)
        } catch {
            throw UsageFailure(message: "error: \(error)")
        }
        return try DatabaseSession(opened: opened, url: url).readHeads()
    }

    /// DOT through Graphviz's `dot -T<format>`.
    private func render(_ dot: String, as format: String) throws -> [UInt8] {
        guard let tool = ExternalTool.find(["dot"]) else {
            throw UsageFailure(message: "error: --format \(format) runs Graphviz's `dot`, which is not on PATH (Debian/Ubuntu: apt-get install graphviz); --format dot or mermaid need nothing")
        }
        let input = NSTemporaryDirectory() + "migc-graph-\(UUID().uuidString).dot"
        defer { try? FileManager.default.removeItem(atPath: input) }
        do {
            try FileOutput.create(dot, at: input)
            let result = try tool.runCapturingBytes(["-T\(format)", input])
            guard result.status == 0 else {
                throw UsageFailure(message: "error: dot failed (exit \(result.status)): \(result.stderr)")
            }
            return result.stdout
        } catch let failure as UsageFailure {
            throw failure
        } catch {
            throw UsageFailure(message: "error: cannot run \(tool.path): \(error)")
        }
    }
}
