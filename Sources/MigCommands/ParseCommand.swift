import ArgumentParser
import Foundation
import MigCore

/// `migc parse FILE...`: parse files and report syntax errors; `--dump` prints the tree.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse .mig files and report syntax errors.",
        discussion: "With --dump, print each file's syntax tree (--spans adds line:column ranges).")

    @Argument(help: "The .mig files to parse.")
    var files: [String]

    @Flag(name: .long, help: "Print the syntax tree of each file.")
    var dump = false

    @Flag(name: .long, help: "With --dump, show source ranges.")
    var spans = false

    @Flag(name: .long, help: "Never colour diagnostics (also: the NO_COLOR environment variable).")
    var noColor = false

    func run() throws {
        var sources = SourceStore()
        var diagnostics: [Diagnostic] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageFailure(message: "error: cannot read `\(path)`")
            }
            let bytes = [UInt8](data)
            sources.add(SourceFile(path: path, bytes: bytes))
            let result = Parser.parse(bytes: bytes, path: path)
            diagnostics += result.diagnostics
            if dump { Terminal.write(ASTDump.dump(result.file, spans: spans)) }
        }
        if Terminal.report(diagnostics, sources: sources, noColor: noColor) { throw ErrorsReported() }
    }
}
