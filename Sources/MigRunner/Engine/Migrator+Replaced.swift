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

    /// A head inside a squash's range (not its last revision) has no schema in this
    /// history: `upgrade` must run the originals first.
    func refuseHalfSquashed(_ heads: [String]) throws {
        guard let id = heads.first(where: { graph.replacedBy[$0] != nil }), let squash = graph.replacedBy[id] else { return }
        throw RunnerError("the database is at \(id), which squash \(squash) replaced (not as its last revision); run `migc upgrade` first: it runs the moved-aside originals, then records the database at \(squash)")
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
    /// Names the migrations own through raw SQL: an applied `sql` block for this
    /// dialect mentions it and so does its `reverse` (a baseline keeps triggers,
    /// expression indexes and unreadable checks that way: created, and dropped on
    /// downgrade). A name in a block without a reverse is not owned: what it made
    /// stays drift.
    func declaredBySQL(at heads: [String]) -> (String) -> Bool {
        var blocks: [(String, String)] = []
        for id in graph.closure(of: heads) {
            for statement in graph.revisions[id]?.file.upgrade?.statements ?? [] {
                guard case .sql(let raw) = statement.operation, let reverse = raw.reverse,
                      raw.dialect.flatMap({ Dialect(blockName: $0.name) }).map({ $0 == dialect }) ?? true else { continue }
                blocks.append((raw.text.value.lowercased(), reverse.value.lowercased()))
            }
        }
        return { name in
            let n = name.lowercased()
            return blocks.contains { $0.0.contains(n) && $0.1.contains(n) }
        }
    }

    /// Triggers in the database, as drift (the model has none), except those the
    /// migrations own through raw SQL.
    func undeclaredTriggerDrift(at heads: [String]) throws -> [SchemaDifference] {
        let declared = declaredBySQL(at: heads)
        return Introspector.triggerDifferences(try Introspector.triggers(of: driver).filter { !declared($0.name) })
    }

    /// `actual` without the indexes and checks the model lacks but the migrations
    /// own through raw SQL.
    func withoutSQLDeclared(_ actual: Schema, expected: Schema, at heads: [String]) -> Schema {
        let declared = declaredBySQL(at: heads)
        var out = actual
        for index in actual.indexes.values where expected.indexes[index.name] == nil && declared(index.name) { out.indexes[index.name] = nil }
        for view in actual.views.values where expected.views[view.name] == nil && declared(view.name) { out.views[view.name] = nil }
        for (name, table) in actual.tables {
            for check in table.checks.keys where expected.tables[name]?.checks[check] == nil && declared(check) { out.tables[name]?.checks[check] = nil }
        }
        return out
    }
}
