import ArgumentParser
import Foundation
import MigCore

/// `migc init`: a `migc.toml` and an empty migrations directory, SQLite by default.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create migc.toml and the migrations directory (SQLite by default).",
        discussion: "Refuses to overwrite an existing migc.toml.")

    @Option(name: .long, help: "The migrations directory to create.")
    var dir = "migrations"

    @Option(name: .long, help: "The database URL to write into migc.toml.")
    var database = "sqlite:app.db"

    @Option(name: .long, help: "The SQL dialect for `migc build` (sqlite, postgres, mysql).")
    var dialect: String?

    func run() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: ProjectConfig.fileName) {
            throw UsageFailure(message: "error: \(ProjectConfig.fileName) already exists; nothing changed")
        }
        let chosenDialect = dialect
            ?? (database.hasPrefix("postgres") ? "postgres" : database.hasPrefix("mysql") || database.hasPrefix("mariadb") ? "mysql" : "sqlite")
        guard ["sqlite", "postgres", "mysql"].contains(chosenDialect) else {
            throw UsageFailure(message: "error: unknown dialect `\(chosenDialect)`; expected sqlite, postgres or mysql")
        }
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let toml = """
                # migc project settings. Command-line flags and MIGC_DATABASE_URL override these.
                database = "\(Self.tomlEscaped(database))"
                dir = "\(Self.tomlEscaped(dir))"
                dialect = "\(chosenDialect)"

                [lint]
                # Lint codes silenced for the whole project (see docs/lints.md), e.g. ["MIG106"].
                disable = []
                strict = false

                [runner]
                # "per-revision" (a transaction per revision) or "single" (one transaction,
                # a savepoint per revision).
                transaction = "per-revision"
                lock_timeout = 30

                """
            // Created, never replaced: not even a link planted at the name is followed.
            try FileOutput.create(toml, at: ProjectConfig.fileName)
        } catch {
            throw UsageFailure(message: "error: cannot create the project: \(error.localizedDescription)")
        }
        Terminal.write("created \(ProjectConfig.fileName) and \(dir)/\nnext: migc new -m \"create users\"\n")
    }

    static func tomlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
