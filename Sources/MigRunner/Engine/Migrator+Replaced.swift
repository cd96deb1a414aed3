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
