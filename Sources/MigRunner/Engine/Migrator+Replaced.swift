import Foundation
import MigCore

/// Databases recorded at revisions a squash replaced (`replaces` in its header). The
/// squash creates the schema of the last revision it replaces, so a database at that
/// one is at the squash: only the version table moves. A database stopped earlier
/// first runs the rest of the originals, read from where `migc squash` moved them
/// (`<migrations>/.replaced/<squash id>/`), then moves the same way. A fresh
/// database runs the squash itself.
extension Migrator {
    /// Where `migc squash` moves the files a squash replaces.
    public static func replacedDirectory(_ directory: String, squash: String) -> String {
        (directory as NSString).appendingPathComponent(".replaced/\(squash)")
    }

    /// `id`'s squash when the squash's schema is `id`'s (it is the last it replaces).
    func squashEquivalent(_ id: String) -> String? {
        guard let squash = graph.replacedBy[id], graph.revisions[squash]?.file.header.replaces.last?.name == id else { return nil }
        return squash
    }

    /// Brings every applied head a squash replaced to that squash: runs the originals
    /// still missing when `runOriginals`, then moves the version table.
    func catchUpReplaced(options: Options, runOriginals: Bool, progress: (RunReport.Applied) -> Void) throws {
        let heads = try appliedHeads()
        for id in heads {
            guard let squash = graph.replacedBy[id], let last = graph.revisions[squash]?.file.header.replaces.last?.name else { continue }
            if id != last {
                guard runOriginals else {
                    throw RunnerError("the database is at \(id), which squash \(squash) replaced before its last revision \(last); run `migc upgrade` first (it runs the moved-aside originals up to \(last))")
                }
                let aside = Self.replacedDirectory(project.directory, squash: squash)
                guard let originals = try? Project.open(directory: aside, depth: .full), originals.graph.revisions[last] != nil,
                      originals.graph.revisions[id] != nil else {
                    throw RunnerError("the database is at \(id), replaced by squash \(squash), and the original files are not in \(aside) (squashed with --delete?): restore them there, or upgrade this database with the history from before the squash")
                }
                let catchUp = try Migrator(project: originals, url: url, lockTimeout: options.lockTimeout)
                var plain = options
                plain.fold = false
                _ = try catchUp.upgrade(to: last, options: plain, progress: progress)
            }
            _ = try runner.stamp(options: .init(transactionMode: .perRevision, lockTimeout: options.lockTimeout)) { current in
                current.map { $0 == last ? squash : $0 }
            }
        }
    }
}

extension Migrator {
    /// The lowercased text of every `sql` block for this dialect in the revisions
    /// applied at `heads`.
    func appliedSQLTexts(at heads: [String]) -> [String] {
        var texts: [String] = []
        for id in graph.closure(of: heads) {
            for statement in graph.revisions[id]?.file.upgrade?.statements ?? [] {
                guard case .sql(let raw) = statement.operation, raw.dialect.flatMap({ Dialect(blockName: $0.name) }).map({ $0 == dialect }) ?? true else { continue }
                texts.append(raw.text.value.lowercased())
            }
        }
        return texts
    }

    /// Triggers in the database, as drift (the model has none), except those a `sql`
    /// block of an applied revision creates (a baseline keeps triggers that way).
    func undeclaredTriggerDrift(at heads: [String]) throws -> [SchemaDifference] {
        let texts = appliedSQLTexts(at: heads).filter { $0.contains("trigger") }
        let triggers = try Introspector.triggers(of: driver).filter { t in !texts.contains { $0.contains(t.name.lowercased()) } }
        return Introspector.triggerDifferences(triggers)
    }

    /// `actual` without the indexes and checks the model lacks but a `sql` block of
    /// an applied revision creates by name (a baseline's expression indexes and
    /// checks migc cannot read).
    func withoutSQLDeclared(_ actual: Schema, expected: Schema, at heads: [String]) -> Schema {
        let texts = appliedSQLTexts(at: heads)
        guard !texts.isEmpty else { return actual }
        let declared = { (name: String) in texts.contains { $0.contains(name.lowercased()) } }
        var out = actual
        for index in actual.indexes.values where expected.indexes[index.name] == nil && declared(index.name) { out.indexes[index.name] = nil }
        for (name, table) in actual.tables {
            for check in table.checks.keys where expected.tables[name]?.checks[check] == nil && declared(check) { out.tables[name]?.checks[check] = nil }
        }
        return out
    }
}
