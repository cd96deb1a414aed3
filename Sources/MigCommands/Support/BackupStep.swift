import Foundation
import MigCore
import MigRunner

/// `upgrade`/`downgrade --backup`: the copy is made before the migrator changes
/// anything; when it fails nothing is migrated (exit 2).
enum BackupStep {
    /// The file to back up into, when a backup is wanted.
    static func path(_ options: RunOptions, session: DatabaseSession) -> String? {
        if options.noBackup { return nil }
        if let explicit = options.backupTo { return explicit }
        guard options.backup || session.config.backupEnabled else { return nil }
        return DatabaseBackup.defaultPath(for: session.url, directory: session.config.backupDirectory)
    }

    static func runIfWanted(_ options: RunOptions, session: DatabaseSession, migrator: Migrator) throws {
        guard let path = path(options, session: session) else { return }
        if options.backupTo == nil, let directory = session.config.backupDirectory, !FileManager.default.fileExists(atPath: directory) {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let result: BackupResult
        do {
            result = try DatabaseBackup.run(session.url, driver: migrator.driver, to: path)
        } catch {
            throw UsageFailure(message: "error: backup of \(session.url.redacted) failed; nothing was migrated: \(error)")
        }
        guard !options.quiet else { return }
        Terminal.write("backup: \(result.path) (\(size(result.bytes)), \(result.method))\n  restore with: \(result.restoreCommand)\n")
    }

    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return String(format: "%.1f MiB", Double(bytes) / 1024 / 1024)
    }
}
