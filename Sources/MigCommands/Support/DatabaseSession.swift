import Foundation
import MigCore
import MigRunner

/// What every database command starts from: the database URL (parsed first, so a
/// bad URL is reported before any file is read) and the opened project.
struct DatabaseSession {
    var opened: OpenedProject
    var url: DatabaseURL

    var graph: RevisionGraph { opened.graph }
    var config: ProjectConfig { opened.config }

    static func open(_ options: ProjectOptions, _ database: DatabaseOptions, depth: Project.Depth) throws -> DatabaseSession {
        let config = try options.loadConfig()
        let url = try database.parsedURL(config)
        return DatabaseSession(opened: try OpenedProject.open(options, config: config, depth: depth), url: url)
    }

    /// Connects; the driver's message already names the database (redacted).
    func migrator(lockTimeout: Double) throws -> Migrator {
        do {
            return try Migrator(project: opened.project, url: url, lockTimeout: lockTimeout)
        } catch {
            throw UsageFailure(message: "error: \(error.message)")
        }
    }

    /// The applied heads, read without writing: a SQLite file that does not exist
    /// yet is at base (and is not created).
    func readHeads() throws -> [String] {
        if url.isMissingSQLiteFile { return [] }
        let migrator = try migrator(lockTimeout: 5)
        do {
            return try migrator.appliedHeads()
        } catch {
            throw UsageFailure(message: "error: cannot read the version table of \(url.redacted): \(error)")
        }
    }

    func renderer() -> DiagnosticRenderer { opened.renderer() }
}
