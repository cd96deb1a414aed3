import ArgumentParser
import Foundation
import MigRunner

/// Options every project command takes. Resolution order, as the design says:
/// the flag, then the environment (`MIGC_DATABASE_URL`), then `migc.toml`, then the default.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The migrations directory (default: `dir` in migc.toml, else ./migrations).")
    var dir: String?

    @Option(name: .long, help: "Path to the config file (default: ./migc.toml when present).")
    var config: String?

    @Flag(name: .long, help: "Never colour diagnostics (also: the NO_COLOR environment variable).")
    var noColor = false

    func loadConfig() throws -> ProjectConfig {
        do {
            return try ProjectConfig.load(path: config)
        } catch {
            throw UsageFailure(message: error.description)
        }
    }

    func migrationsDirectory(_ config: ProjectConfig) -> String {
        dir ?? config.dir ?? "migrations"
    }
}

/// Options of commands that talk to a database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Database URL: sqlite:app.db, sqlite::memory:, postgres://user@host:port/db (default: MIGC_DATABASE_URL, then `database` in migc.toml).")
    var database: String?

    /// The configured URL text, if any: the flag, the environment, migc.toml.
    func configuredURL(_ config: ProjectConfig) -> String? {
        if let database { return database }
        if let env = ProcessInfo.processInfo.environment["MIGC_DATABASE_URL"], !env.isEmpty { return env }
        return config.database
    }

    /// The database URL, parsed; none configured or one that does not parse is a
    /// usage error (the message never shows a password).
    func parsedURL(_ config: ProjectConfig) throws -> DatabaseURL {
        guard let text = configuredURL(config) else {
            throw UsageFailure(message: "error: no database: pass --database URL, set MIGC_DATABASE_URL, or add `database = \"sqlite:app.db\"` to migc.toml (`migc init` writes one)")
        }
        do {
            return try DatabaseURL(parsing: text)
        } catch {
            throw UsageFailure(message: "error: \(error.description)")
        }
    }

    /// `parsedURL`, or nil when no database is configured (`--sql` works offline).
    func optionalURL(_ config: ProjectConfig) throws -> DatabaseURL? {
        configuredURL(config) == nil ? nil : try parsedURL(config)
    }
}

/// A usage or I/O problem: printed as is, exit code 2.
struct UsageFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The run found errors (already printed): exit code 1.
struct ErrorsReported: Error {}

/// A problem with the data (not the command line): printed as is, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
