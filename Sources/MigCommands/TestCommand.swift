import ArgumentParser
import Foundation
import MigCore
import MigRunner

/// `migc test [RANGE]`: every revision up, down and up again on a scratch database
/// with generated rows in every table, compared with the model after each step.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Upgrade, downgrade and upgrade again every revision on a scratch database with rows in every table.",
        discussion: """
            RANGE: A:B (inclusive; either end may be left out, as in `history -r`) or one \
            revision; default: the whole history. Revisions run in topological order on one \
            scratch database, each from the schema and rows its parents left: a temporary \
            SQLite file, or with --database a database migc creates on that PostgreSQL or \
            MySQL/MariaDB server and drops afterwards (the server's own databases are not touched).
            Before each revision every table gets --rows generated rows that satisfy its \
            schema (types, NOT NULL, unique keys, foreign keys in order, checks migc can \
            solve; a table it cannot fill is named with the reason), so what fails only on \
            a table with rows fails here: a NOT NULL column without default, a unique index \
            over duplicates, a narrowing type change, a downgrade that re-adds a NOT NULL \
            column. After each step the schema is introspected and compared with the model. \
            The seed is printed; --seed replays the same rows.
            Fixtures: tests/<revision>.sql in the migrations directory, with `-- before` and \
            `-- after` sections of SQL and `-- expect: SELECT ...` lines that must return true \
            (see docs/testing.md).
            Exit 0 when every revision passes, 1 on the first failure (all of them with \
            --keep-going), 2 on usage or connection problems.
            """)

    @OptionGroup var project: ProjectOptions

    @Argument(help: "The revisions to test: A:B, or one revision (default: all).")
    var range: String?

    @Option(name: .long, help: ArgumentHelp("A PostgreSQL or MySQL/MariaDB server URL: migc creates a scratch database there and drops it afterwards (default: a temporary SQLite file). Never the configured database.", valueName: "URL"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("Rows generated per table before each revision (0: empty tables).", valueName: "N"))
    var rows = 10

    @Option(name: .long, help: ArgumentHelp("The random seed of the generated rows (default: a new one, printed).", valueName: "S"))
    var seed: UInt64?

    @Flag(name: .long, help: "Test every revision instead of stopping at the first failure.")
    var keepGoing = false

    @Option(name: .long, help: "text, json, or github (workflow annotations for the failing revisions).")
    var format: TestReport.Format = .text

    @Flag(name: .shortAndLong, help: "Text format: print only failures and the summary.")
    var quiet = false

    func validate() throws {
        if rows < 0 || rows > 100_000 { throw ValidationError("--rows must be between 0 and 100000") }
    }

    func run() throws {
        let config = try project.loadConfig()
        var opened = try OpenedProject.open(project, config: config, depth: .full)
        try opened.refuseErrors(check: true)
        let revisions = try opened.revisions(inRange: range, option: "RANGE")
        let server: DatabaseURL?
        do {
            server = try database.map { try DatabaseURL(parsing: $0) }
        } catch {
            throw UsageFailure(message: "error: \(error)")
        }
        let scratch: ScratchDatabase
        do {
            scratch = try ScratchDatabase(server: server)
        } catch {
            throw UsageFailure(message: "error: cannot create a scratch database: \(error)")
        }
        defer { scratch.drop() }
        let seed = seed ?? UInt64.random(in: 1...999_999_999)
        let report = TestReport(format: format, quiet: quiet, seed: seed, rows: rows, database: scratch.description, count: revisions.count)
        report.start()
        let results: [RevisionRoundTrip]
        do {
            let migrator = try Migrator(project: opened.project, url: scratch.url)
            defer { migrator.driver.close() }
            var roundTrip = RoundTrip(migrator: migrator, options: .init(
                rows: rows, seed: seed, keepGoing: keepGoing, transactionMode: .perRevision))
            let ordered = opened.graph.inTopologicalOrder(revisions)
            let progress = ProgressLine(total: ordered.count, quiet: quiet || format != .text)
            progress.show(done: 0, current: ordered.first ?? "")
            results = try roundTrip.run(revisions) { result, index in
                progress.clear()
                report.revision(result)
                if index + 1 < ordered.count { progress.show(done: index + 1, current: ordered[index + 1]) }
            }
            progress.clear()
        } catch {
            throw UsageFailure(message: "error: \(scratch.description): \(error)")
        }
        report.finish(results)
        if results.contains(where: { $0.failure != nil }) { throw ErrorsReported() }
    }
}
