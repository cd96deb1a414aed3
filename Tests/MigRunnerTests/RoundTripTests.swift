import Foundation
import MigCore
import MigRunner
import Testing

/// `migc test`'s engine on real databases: each purpose-built history under
/// Tests/Fixtures/migc-test fails only because its tables have rows (with
/// `rows: 0` the same history passes), and the example histories pass.
@Suite struct RoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    enum Engine: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
        /// The server a scratch database is created on (nil: a temporary SQLite file).
        func server() throws -> DatabaseURL? {
            self == .sqlite ? nil : try PostgresCluster.shared.get().url(database: "postgres")
        }
    }

    static func run(_ directory: String, on engine: Engine, rows: Int = 10, seed: UInt64 = 42) throws -> [RevisionRoundTrip] {
        let project = try Project.open(directory: directory, depth: .full)
        let scratch = try ScratchDatabase(server: try engine.server())
        defer { scratch.drop() }
        let migrator = try Migrator(project: project, url: scratch.url)
        defer { migrator.driver.close() }
        var roundTrip = RoundTrip(migrator: migrator, options: .init(rows: rows, seed: seed, keepGoing: true, transactionMode: .perRevision))
        return try roundTrip.run(project.graph.topologicalOrder) { _, _ in }
    }

    static func fixture(_ name: String) -> String { root + "/Tests/Fixtures/migc-test/" + name }

    @Test(arguments: [
        ("not_null_without_default", RoundTripStep.Kind.upgrade, Engine.sqlite),
        ("not_null_without_default", .upgrade, .postgres),
        ("unique_on_duplicates", .upgrade, .sqlite),
        ("unique_on_duplicates", .upgrade, .postgres),
        // PostgreSQL refuses the change; SQLite keeps the long values, and the rows
        // are checked against the declared types after each step.
        ("narrowing_type", .upgrade, .sqlite),
        ("narrowing_type", .upgrade, .postgres),
        ("downgrade_readds_not_null", .downgrade, .sqlite),
        ("downgrade_readds_not_null", .downgrade, .postgres),
    ])
    func findsTheDataDependentFailure(name: String, step: RoundTripStep.Kind, engine: Engine) throws {
        let results = try Self.run(Self.fixture(name), on: engine)
        #expect(results.count == 2)
        #expect(results.first?.failure == nil, "\(results.first?.failure?.message ?? "")")
        let failure = try #require(results.last?.failure, "\(name) passed on \(engine)")
        #expect(failure.step == step, "\(failure.message)")
        // Located at the op that failed, in its .mig file.
        if step == .upgrade, !(name == "narrowing_type" && engine == .sqlite) {
            #expect(failure.location?.file.hasSuffix(".mig") == true)
        }
        if name == "narrowing_type" {
            #expect(failure.message.contains(engine == .sqlite ? "of `notes.body` do not fit varchar(8)" : "too long"), "\(failure.message)")
        }
        // Empty tables: the same history passes; the rows made the difference.
        let empty = try Self.run(Self.fixture(name), on: engine, rows: 0)
        #expect(empty.allSatisfy { $0.failure == nil }, "\(empty.compactMap(\.failure?.message))")
    }

    @Test(arguments: Engine.allCases)
    func fixtureExpectationsHold(engine: Engine) throws {
        let results = try Self.run(Self.fixture("data_migration"), on: engine)
        #expect(results.allSatisfy { $0.failure == nil }, "\(results.compactMap(\.failure?.message))")
        #expect(results.last?.steps.map(\.kind) == [.fill, .before, .upgrade, .after, .downgrade, .reupgrade])
    }

    @Test(arguments: Engine.allCases)
    func aFailingExpectationNamesItsLine(engine: Engine) throws {
        let results = try Self.run(Self.fixture("failing_expectation"), on: engine)
        let failure = try #require(results.last?.failure)
        #expect(failure.step == .after)
        #expect(failure.fixture?.line == 6)
        #expect(failure.message.contains("expectation failed"))
    }

    @Test(arguments: ["blog", "saas", "shop"], Engine.allCases)
    func examplesPass(example: String, engine: Engine) throws {
        let results = try Self.run(Self.root + "/examples/" + example, on: engine, rows: 20, seed: 2026)
        for result in results {
            #expect(result.failure == nil, "\(example) \(result.revision): \(result.failure?.step.rawValue ?? "") \(result.failure?.message ?? "")")
        }
        #expect(results.count == (try Project.open(directory: Self.root + "/examples/" + example).graph.count))
        // Rows were generated and inserted into the tables there were.
        #expect(results.contains { $0.fills.contains { $0.rows > 0 } })
    }

    @Test func examplePassesOnMariaDB() throws {
        let base = try ScratchMySQL.freshDatabase()
        guard case .mysql(var server) = base.target else { return }
        server.database = nil
        let project = try Project.open(directory: Self.root + "/examples/blog", depth: .full)
        let scratch = try ScratchDatabase(server: DatabaseURL(.mysql(server)))
        defer { scratch.drop() }
        let migrator = try Migrator(project: project, url: scratch.url)
        var roundTrip = RoundTrip(migrator: migrator, options: .init(rows: 10, seed: 9, keepGoing: true, transactionMode: .perRevision))
        let results = try roundTrip.run(project.graph.topologicalOrder) { _, _ in }
        for result in results {
            #expect(result.failure == nil, "\(result.revision): \(result.failure?.message ?? "")")
        }
    }

    @Test func theSameSeedGivesTheSameRows() throws {
        func rows(seed: UInt64) throws -> [[String?]] {
            let project = try Project.open(directory: Self.root + "/examples/blog", depth: .full)
            let scratch = try ScratchDatabase(server: nil)
            defer { scratch.drop() }
            let migrator = try Migrator(project: project, url: scratch.url)
            var roundTrip = RoundTrip(migrator: migrator, options: .init(rows: 5, seed: seed, keepGoing: false, transactionMode: .perRevision))
            _ = try roundTrip.run(Array(project.graph.topologicalOrder.prefix(3))) { _, _ in }
            return try migrator.driver.query("SELECT * FROM users ORDER BY id")
        }
        let first = try rows(seed: 11)
        #expect(!first.isEmpty)
        #expect(try rows(seed: 11) == first)
        #expect(try rows(seed: 12) != first)
    }

    @Test func theScratchDatabaseIsDropped() throws {
        let server = try #require(try Engine.postgres.server())
        let scratch = try ScratchDatabase(server: server)
        guard case .postgres(let pg) = scratch.url.target, let name = pg.database else { Issue.record("not postgres"); return }
        #expect(name.hasPrefix("migc_test_"))
        let connection = try scratch.url.connect()
        try connection.execute("CREATE TABLE t (id int)")
        connection.close()
        scratch.drop()
        let admin = try server.connect()
        #expect(try admin.scalar("SELECT count(*) FROM pg_database WHERE datname = $1", [name]) == "0")
        // A SQLite scratch file goes with its directory.
        let file = try ScratchDatabase(server: nil)
        guard case .sqlite(.file(let path)) = file.url.target else { Issue.record("not a file"); return }
        _ = try file.url.connect()
        file.drop()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// The command itself with `--database` on the scratch PostgreSQL and MariaDB
    /// servers (MigCommandsTests has no PostgreSQL; the binary is built beside us).
    @Test func theCommandOnAServer() throws {
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("migc")
        let base = try ScratchMySQL.freshDatabase()
        guard case .mysql(var mysql) = base.target else { return }
        mysql.database = nil
        for server in [try Engine.postgres.server()!, DatabaseURL(.mysql(mysql))] {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["test", "--dir", Self.root + "/examples/shop", "--database", server.redacted, "--format", "json", "--rows", "5"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.standardError
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(server.dialect): \(String(decoding: data, as: UTF8.self))")
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["passed"] as? Int == 10 && object["failed"] as? Int == 0)
            #expect((object["database"] as? String)?.hasPrefix("migc_test_") == true)
        }
    }
}
