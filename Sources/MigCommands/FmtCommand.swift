import ArgumentParser
import Foundation
import MigCore

/// `migc fmt [--check] [PATHS...]`: rewrites `.mig` files in canonical form.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite .mig files in canonical form.",
        discussion: """
            With no PATHS, formats every .mig file under the migrations directory. Files with \
            syntax errors are reported and left untouched. --check writes nothing: it lists the \
            files that are not in canonical form and exits 1 when there are any. `migc fmt -` \
            formats standard input to standard output (for editors).
            """)

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "List unformatted files and exit 1 when there are any; write nothing.")
    var check = false

    @Argument(help: "Files or directories (default: the migrations directory).")
    var paths: [String] = []

    func run() throws {
        if paths == ["-"] { return try formatStandardInput() }
        let targets = paths.isEmpty ? [project.migrationsDirectory(try project.loadConfig())] : paths
        var sources = SourceStore()
        var failed = false
        var changed: [String] = []
        for path in try Self.migFiles(under: targets) {
            let bytes = try Self.read(path)
            switch Self.format(bytes: bytes, path: path) {
            case .clean: break
            case .failed(let diagnostics):
                sources.add(SourceFile(path: path, bytes: bytes))
                Terminal.report(diagnostics, sources: sources, noColor: project.noColor)
                failed = true
            case .reformatted(let text):
                changed.append(path)
                if !check { try Self.write(text, to: path) }
            }
        }
        if !changed.isEmpty { Terminal.write(changed.map { $0 + "\n" }.joined()) }
        if failed || (check && !changed.isEmpty) { throw ErrorsReported() }
    }

    /// `migc fmt -`: standard input to standard output; with `--check`, only the exit code.
    func formatStandardInput() throws {
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let path = "<stdin>"
        switch Self.format(bytes: bytes, path: path) {
        case .clean:
            if !check { Terminal.write(String(decoding: bytes, as: UTF8.self)) }
        case .reformatted(let text):
            if check { throw ErrorsReported() }
            Terminal.write(text)
        case .failed(let diagnostics):
            var sources = SourceStore()
            sources.add(SourceFile(path: path, bytes: bytes))
            Terminal.report(diagnostics, sources: sources, noColor: project.noColor)
            throw ErrorsReported()
        }
    }

    enum Outcome: Equatable {
        case clean
        case reformatted(String)
        case failed([Diagnostic])
    }

    /// The canonical text of one file, or why it cannot be formatted. As a safety net
    /// the output is parsed again and must say exactly what the input said.
    static func format(bytes: [UInt8], path: String) -> Outcome {
        let parsed = Parser.parse(bytes: bytes, path: path)
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { return .failed(errors) }
        let text = Printer.print(parsed.file)
        if Array(text.utf8) == bytes { return .clean }
        let again = Parser.parse(source: text, path: path)
        guard again.diagnostics.isEmpty, again.file == Printer.roundTripNormalized(parsed.file) else {
            let message = "formatting would change the meaning of this file; left untouched (please report this as a migc bug)"
            return .failed([.error(message, at: parsed.file.span)])
        }
        return .reformatted(text)
    }

    /// Every `.mig` file named or under a named directory, sorted, without duplicates.
    /// Directories are walked as every other command walks the migrations directory
    /// (`ProjectLoader.migFiles`): hidden folders and files are skipped.
    static func migFiles(under targets: [String]) throws -> [String] {
        var out: [String] = []
        for target in targets {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                throw UsageFailure(message: "error: no such file or directory: \(target)")
            }
            guard isDirectory.boolValue else { out.append(target); continue }
            do {
                out += try ProjectLoader.migFiles(in: target)
            } catch {
                throw UsageFailure(message: "error: \(error.diagnostic.message)")
            }
        }
        var seen = Set<String>()
        return out.sorted().filter { seen.insert($0).inserted }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageFailure(message: "error: cannot read \(path)")
        }
        return [UInt8](data)
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try FileOutput.write(text, to: path)
        } catch {
            throw UsageFailure(message: "error: \(error)")
        }
    }
}
