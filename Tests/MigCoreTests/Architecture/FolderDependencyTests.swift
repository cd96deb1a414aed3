import Foundation
import Testing

/// MigCore's folders are pipeline stages, and each may use only the stages before
/// it (docs/architecture.md). The compiler cannot see folders, so this test reads
/// the sources: every top-level type belongs to the folder that declares it, and a
/// file may name only types of its own folder or of the folders it is allowed.
@Suite struct FolderDependencyTests {
    /// What each folder may use besides itself. Keep docs/architecture.md in step.
    static let allowed: [String: Set<String>] = [
        "Diagnostics": [],
        "Syntax": ["Diagnostics"],
        "Graph": ["Diagnostics", "Syntax"],
        "Schema": ["Diagnostics", "Syntax"],
        "Checker": ["Diagnostics", "Syntax", "Graph", "Schema"],
        "Lints": ["Diagnostics", "Syntax", "Graph", "Schema", "Checker"],
        "Backends": ["Diagnostics", "Syntax", "Schema"],
        "Planning": ["Diagnostics", "Syntax", "Graph", "Schema", "Checker", "Backends"],
        "Project": ["Diagnostics", "Syntax", "Graph", "Schema", "Checker", "Lints"],
        "Authoring": ["Diagnostics", "Syntax", "Graph"],
    ]

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/MigCore")

    struct SourceFileText {
        var folder: String
        var name: String
        var code: String
    }

    static func sources() throws -> [SourceFileText] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var out: [SourceFileText] = []
        for case let url as URL in walker ?? FileManager.default.enumerator(atPath: "/")! where url.pathExtension == "swift" {
            let relative = url.path.dropFirst(root.path.count + 1)
            let folder = String(relative.split(separator: "/").first ?? "")
            out.append(SourceFileText(folder: folder, name: String(relative), code: code(of: try String(contentsOf: url, encoding: .utf8))))
        }
        return out
    }

    /// The text without comments and string literals (names in prose don't count).
    static func code(of text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let c = rest.first {
            if rest.hasPrefix("//") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*") {
                rest = rest.dropFirst(2)
                while !rest.isEmpty, !rest.hasPrefix("*/") { rest = rest.dropFirst() }
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("\"\"\"") {
                rest = rest.dropFirst(3)
                while !rest.isEmpty, !rest.hasPrefix("\"\"\"") { rest = rest.dropFirst() }
                rest = rest.dropFirst(3)
                out += "\"\""
            } else if c == "\"" {
                rest = rest.dropFirst()
                while let d = rest.first, d != "\"", d != "\n" {
                    rest = rest.dropFirst(d == "\\" ? 2 : 1)
                }
                rest = rest.dropFirst()
                out += "\"\""
            } else {
                out.append(c)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// Types declared at the top level of each file (nested ones belong to their
    /// parent), by name, with their folder.
    static func declarations(_ files: [SourceFileText]) -> [String: String] {
        let pattern = /^(?:public |internal |fileprivate |private |final |indirect )*(?:struct|enum|class|protocol|typealias|actor) ([A-Z][A-Za-z0-9_]*)/
        var owner: [String: String] = [:]
        for file in files {
            for line in file.code.split(separator: "\n") {
                if let match = line.prefixMatch(of: pattern) { owner[String(match.1)] = file.folder }
            }
        }
        return owner
    }

    /// Capitalised identifiers, whole words, not member names (`String.Index`).
    static func identifiers(in code: String) -> Set<String> {
        Set(code.matches(of: /\.?[A-Za-z_][A-Za-z0-9_]*/).compactMap { match in
            let word = match.output
            return word.first?.isUppercase == true ? String(word) : nil
        })
    }

    @Test func everyFolderUsesOnlyTheStagesBeforeIt() throws {
        let files = try Self.sources()
        let owner = Self.declarations(files)
        #expect(Set(files.map(\.folder)) == Set(Self.allowed.keys), "a folder was added or removed: update `allowed` and docs/architecture.md")
        var violations: [String] = []
        for file in files {
            let mayUse = (Self.allowed[file.folder] ?? []).union([file.folder])
            for name in Self.identifiers(in: file.code).sorted() {
                guard let folder = owner[name], !mayUse.contains(folder) else { continue }
                violations.append("\(file.name) uses \(name) from \(folder)/")
            }
        }
        #expect(violations.isEmpty, "folder dependency violations:\n\(violations.joined(separator: "\n"))")
    }

    @Test func theAllowedListHasNoCycle() {
        var visiting: Set<String> = []
        var done: Set<String> = []
        func visit(_ folder: String) -> Bool {
            if done.contains(folder) { return true }
            if visiting.contains(folder) { return false }
            visiting.insert(folder)
            defer { visiting.remove(folder); done.insert(folder) }
            return (Self.allowed[folder] ?? []).allSatisfy(visit)
        }
        #expect(Self.allowed.keys.allSatisfy(visit))
    }

    @Test func theCheckCatchesAViolation() {
        let files = [
            SourceFileText(folder: "Graph", name: "Graph/A.swift", code: "public struct RevisionThing {}"),
            SourceFileText(folder: "Backends", name: "Backends/B.swift", code: Self.code(of: "let x: RevisionThing // Planned\nlet s = \"Planned\"")),
            SourceFileText(folder: "Planning", name: "Planning/C.swift", code: "struct Planned {}"),
        ]
        let owner = Self.declarations(files)
        let used = Self.identifiers(in: files[1].code).filter { owner[$0] != nil }
        #expect(used == ["RevisionThing"])
    }
}
