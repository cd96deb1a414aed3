import Foundation
import MigCore
@testable import MigRunner

/// Histories the adoption tests run: the examples and one generated history of 200
/// revisions (`bench/genhistory.py --mixed`: creates, adds, renames, drops, alters,
/// constraints; 200 keeps each engine's round trip to a few seconds).
enum AdoptionHistories {
    static let root = ExecutionTests.repositoryRoot
    static let generatedRevisions = 200
    static let names = ["examples/blog", "examples/shop", "examples/saas", "generated"]

    static let generated: String = {
        let out = NSTemporaryDirectory() + "migc-adopt-gen-\(getpid())"
        if !FileManager.default.fileExists(atPath: out) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            p.arguments = [root + "/bench/genhistory.py", "--revisions", String(generatedRevisions), "--out", out, "--mixed"]
            try? p.run()
            p.waitUntilExit()
        }
        return out
    }()

    static func directory(_ name: String) -> String { name == "generated" ? generated : root + "/" + name }

    static func project(_ name: String) throws -> Project { try Project.open(directory: directory(name)) }

    /// A copy of a history in a fresh directory (squash moves files).
    static func copy(_ name: String) throws -> String {
        let to = NSTemporaryDirectory() + "migc-adopt-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: directory(name), toPath: to)
        return to
    }

    static func upgrade(_ project: Project, _ url: DatabaseURL, to target: String = "heads") throws -> Migrator {
        let migrator = try Migrator(project: project, url: url)
        _ = try migrator.upgrade(to: target, options: .init(transactionMode: .perRevision))
        return migrator
    }

    /// Every difference, names included, nothing normalised.
    static func differences(_ a: Schema, _ b: Schema) -> [String] {
        SchemaDiff.between(expected: a, actual: b).map(\.description)
    }

    /// Writes a single-file project holding `revision`.
    static func writeProject(_ revision: GeneratedRevision) throws -> Project {
        let dir = (revision.file.path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try revision.text.write(toFile: revision.file.path, atomically: true, encoding: .utf8)
        return try Project.open(directory: dir)
    }

    static func freshPath(_ file: String) -> String {
        NSTemporaryDirectory() + "migc-adopt-\(UUID().uuidString)/" + file
    }
}
