import Foundation
import Testing
@testable import MigCore

/// Walks the registry: every entry's example raises its code and its fix raises
/// nothing, docs/diagnostics.md is generated from it (stale docs fail; `MIGC_RECORD=1
/// swift test` regenerates), and no code in Sources/ is missing from it.
@Suite struct DiagnosticRegistryTests {
    static let entries = DiagnosticRegistry.all
    static let withExamples = entries.filter { $0.example != nil }.map(\.code)
    static let withFixes = entries.filter { $0.fixed != nil }.map(\.code)
    static let lintCodes = Set(LintRegistry.descriptions.map(\.code))

    /// Codes no revision file raises (each explanation says why); the lints are
    /// described and tested by their rules (`LintRegistryTests`).
    static let withoutExamples: Set<DiagnosticCode> = [
        .invalidUTF8, .conflictingModifiers, .derivedDowngradeMismatch, .noRevisionLine, .badRevisionID,
        .migrationsDirectoryUnreadable, .unreadableFile, .nulByte, .tooManyErrors, .notText, .skippedFile,
    ]

    /// The example's files loaded, parsed, graphed and checked as `migc lint` does
    /// (without lints), and, for an example about a dialect, built as a script.
    static func run(_ example: DiagnosticExample) throws -> (diagnostics: [Diagnostic], rendered: String) {
        var project = LoadedProject()
        for (i, text) in example.files.enumerated() {
            let path = "example/\(i + 1).mig"
            project.sources.add(SourceFile(path: path, text: text))
            let result = Parser.parse(source: text, path: path)
            project.files.append(result.file)
            project.diagnostics += result.diagnostics
        }
        let (graph, loadDiagnostics) = project.buildGraph()
        var diagnostics = loadDiagnostics + Checker.check(graph, options: CheckOptions(verifyDerivedDowngrades: true)).diagnostics
        if let name = example.dialect {
            let dialect = try #require(Dialect(rawValue: name))
            let steps = graph.upgradeSteps(from: [], to: RevisionTarget(graph.heads))
            let revisions = try MigrationPlanner.revisions(for: steps, in: graph)
            let built = ScriptBuilder.build(revisions, direction: .up, dialect: dialect, createVersionTables: true)
            // Every mysql script says it cannot roll back (MIG801): only its own example shows it.
            diagnostics += built.diagnostics.filter { $0.code != .mysqlNotTransactional || example.files.count == 1 }
        }
        let rendered = DiagnosticRenderer(sources: project.sources).render(diagnostics.sortedByLocation())
        return (diagnostics, rendered)
    }

    @Test func codesAreUniqueWellFormedAndInOrder() {
        let codes = Self.entries.map(\.code)
        #expect(Set(codes).count == codes.count)
        for section in DiagnosticRegistry.sections {
            #expect(section.entries.map(\.code) == section.entries.map(\.code).sorted(), "\(section.title) out of order")
        }
        for e in Self.entries {
            #expect(e.code.rawValue.wholeMatch(of: /E[0-9]{3}|MIG[0-9]{3}/) != nil, "bad code \(e.code)")
            // E313 is the one E-code warning: the odd file is skipped, the project still
            // loads. Lints are warnings, or notes where a warning would fire on most
            // revisions (MIG114).
            #expect(e.code.rawValue.hasPrefix("E") && e.code != .skippedFile ? e.severity == .error : e.severity != .error, "\(e.code)")
            #expect(!e.title.isEmpty && !e.title.contains("\n") && !e.title.hasSuffix("."), "\(e.code): title")
            #expect(!e.explanation.isEmpty, "\(e.code): explanation")
        }
    }

    @Test func onlyTheKnownCodesLackAnExample() {
        let missing = Set(Self.entries.filter { $0.example == nil }.map(\.code))
        #expect(missing == Self.withoutExamples.union(Self.lintCodes))
        // Every example without a fix is a warning no revision can avoid.
        #expect(Set(Self.entries.filter { $0.example != nil && $0.fixed == nil }.map(\.code)) == [.mysqlNotTransactional])
    }

    @Test func lintEntriesAreTheLintRules() {
        let section = DiagnosticRegistry.sections.first { $0.detailsPage == "lints.md" }
        #expect(Set(section?.entries.map(\.code) ?? []) == Self.lintCodes)
    }

    @Test(arguments: withExamples)
    func exampleRaisesItsCode(_ code: DiagnosticCode) throws {
        let entry = try #require(DiagnosticRegistry.entry(code))
        let (diagnostics, rendered) = try Self.run(try #require(entry.example))
        #expect(diagnostics.contains { $0.code == code && $0.severity == entry.severity }, "\(code) not raised:\n\(rendered)")
        // Nothing else: the example shows one mistake.
        #expect(Set(diagnostics.map(\.code)) == [code], "\(code):\n\(rendered)")
    }

    @Test(arguments: withFixes)
    func fixedExampleIsClean(_ code: DiagnosticCode) throws {
        let entry = try #require(DiagnosticRegistry.entry(code))
        let (diagnostics, rendered) = try Self.run(try #require(entry.fixed))
        #expect(diagnostics.isEmpty, "\(code) fixed:\n\(rendered)")
    }

    @Test func docsAreGeneratedFromTheRegistry() throws {
        let url = Self.root.appendingPathComponent("docs/diagnostics.md")
        let generated = DiagnosticDocs.markdown()
        if Golden.recording {
            try generated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let current = try? String(contentsOf: url, encoding: .utf8)
        #expect(current == generated, "docs/diagnostics.md is stale; run MIGC_RECORD=1 swift test")
    }

    static let root = Golden.fixtures.deletingLastPathComponent().deletingLastPathComponent()

    /// Every Swift file under Sources/, as (path relative to the repository, text).
    static func sources() throws -> [(String, String)] {
        let base = root.appendingPathComponent("Sources")
        let walker = try #require(FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil))
        return try walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map {
            (String($0.path.dropFirst(root.path.count + 1)), try String(contentsOf: $0, encoding: .utf8))
        }.sorted { $0.0 < $1.0 }
    }

    static let registryFile = "Sources/MigCore/Diagnostics/DiagnosticCodes.swift"

    /// Code text in a string that is documentation, not a diagnostic: example
    /// configuration, and the unknown code the MIG111 example names.
    static let textMentions: Set<String> = [
        "Sources/MigCommands/InitCommand.swift: \"MIG106\"", "Sources/MigCore/Lints/LintDocs.swift: \"MIG106\"",
    ]

    @Test func everyCodeInSourcesIsRegistered() throws {
        let registered = Set(Self.entries.map(\.code.rawValue))
        var unregistered: [String] = [], spelledOut: [String] = []
        var literalsInRegistry = 0
        for (path, text) in try Self.sources() {
            for match in text.matches(of: /\b(E[0-9]{3}|MIG[0-9]{3})\b/) where match.output.1 != "MIG999" {
                if !registered.contains(String(match.output.1)) { unregistered.append("\(path): \(match.output.1)") }
            }
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for match in line.matches(of: /"(E[0-9]{3}|MIG[0-9]{3})"/) {
                    if path == Self.registryFile { literalsInRegistry += 1; continue }
                    if !Self.textMentions.contains("\(path): \(match.output.0)") { spelledOut.append("\(path): \(match.output.0)") }
                }
            }
        }
        #expect(unregistered.isEmpty, "codes missing from the registry: \(unregistered)")
        #expect(spelledOut.isEmpty, "use the constants of DiagnosticCodes.swift, not the text: \(spelledOut)")
        // One constant per entry, so a constant without an entry fails too.
        #expect(literalsInRegistry == registered.count)
    }
}
