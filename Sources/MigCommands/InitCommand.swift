import ArgumentParser
import Foundation
import MigCore

/// `migc init`: a `migc.toml` and an empty migrations directory, SQLite by default.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create migc.toml and the migrations directory (SQLite by default).",
        discussion: """
            Refuses to overwrite an existing migc.toml. With --from-database URL, adopts a live \
            database: introspects it (SQLite, PostgreSQL, MySQL/MariaDB) and writes a first \
            revision creating exactly its schema, every constraint and index under its own name; \
            views, triggers, functions, enum types and expression indexes are kept as `sql` \
            blocks with a warning. Then stamps the database at that revision (asks on a \
            terminal; --stamp / --no-stamp decide), so `migc check` is clean right away. \
            See docs/adopting.md.
            """)

    @Option(name: .long, help: "The migrations directory to create.")
    var dir = "migrations"

    @Option(name: .long, help: "The database URL to write into migc.toml (default: sqlite:app.db, or the --from-database URL).")
    var database: String?

    @Option(name: .long, help: "The SQL dialect for `migc build` (sqlite, postgres, mysql).")
    var dialect: String?

    @Option(name: .long, help: "Adopt this live database: write a baseline revision creating its schema (the URL also goes into migc.toml unless --database is given).")
    var fromDatabase: String?

    @Option(name: .shortAndLong, help: "With --from-database: the baseline revision's message.")
    var message = "baseline"

    @Flag(inversion: .prefixedNo, help: "With --from-database: record the baseline as applied in the database (default: ask on a terminal, else no).")
    var stamp: Bool?

    func run() throws {
        if let fromDatabase { return try InitFromDatabase(init: self, url: fromDatabase).run() }
        if stamp != nil { throw UsageFailure(message: "error: --stamp and --no-stamp go with --from-database") }
        try createProject(database: database ?? "sqlite:app.db")
        Terminal.write("created \(ProjectConfig.fileName) and \(dir)/\nnext: migc new -m \"create users\"\n")
    }

    /// Writes migc.toml and creates the migrations directory.
    func createProject(database: String) throws {
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
    }

    static func tomlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
