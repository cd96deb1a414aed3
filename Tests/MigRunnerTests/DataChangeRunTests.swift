import Foundation
import Testing
@testable import MigCore
@testable import MigRunner

/// Typed data changes on real engines through the one apply path (`Migrator`):
/// inserted rows are there after the upgrade and gone after the downgrade, updates
/// are undone by their `reverse`, backfilled columns hold the computed values, and
/// the live schema equals the model after each step.
@Suite struct DataChangeRunTests {
    static let files = [
        "a1.mig": """
            revision a1
            message "users"

            upgrade {
              create table users {
                id     bigint primary key autoincrement
                email  varchar(200) not null
                status varchar(20)
              }
              insert into users (id, email, status) values
                (1, "Ann@Example.com", null),
                (2, "bob@example.com", "banned")
            }
            """,
        "b2.mig": """
            revision b2
            parent a1
            message "data"

            upgrade {
              create table plans {
                code  varchar(20) primary key
                name  text not null
                price decimal(8, 2) not null default 0
              }
              insert into plans (code, name, price) values ("free", "Free", 0), ("team", "Team", 12.5)
              update users set status = "active" where status is null reverse {
                update users set status = null where status = "active"
              }
              add column users.handle varchar(200) not null backfill lower(email)
              add column users.tier int not null backfill case when status = "banned" then 0 else 1 end
              delete from users where status = "banned" reverse {
                insert into users (id, email, status, handle, tier) values (2, "bob@example.com", "banned", "bob@example.com", 0)
              }
            }
            """,
    ]

    @Test(arguments: Engine.allCases)
    func upgradeAndDowngradeWithRows(engine: Engine) throws {
        let directory = NSTemporaryDirectory() + "migc-data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, text) in Self.files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        let project = try Project.open(directory: directory)
        #expect(!project.check().diagnostics.hasErrors)
        let migrator = try Migrator(project: project, url: try engine.freshDatabase())
        let options = Migrator.Options(transactionMode: .perRevision, fold: false)
        let q = engine.dialect.backend.quote
        _ = try migrator.upgrade(to: "a1", options: options)
        #expect(try migrator.drift().differences.isEmpty)
        // A row without an id after rows that gave theirs: the counter moved past them.
        try migrator.driver.execute("INSERT INTO \(q("users")) (\(q("email"))) VALUES ('cy@example.com')")
        #expect(try migrator.driver.scalar("SELECT max(\(q("id"))) FROM \(q("users"))") == "3")

        _ = try migrator.upgrade(to: "b2", options: options)
        #expect(try migrator.drift().differences.isEmpty)
        let rows = try migrator.driver.query("SELECT \(q("id")), \(q("status")), \(q("handle")), \(q("tier")) FROM \(q("users")) ORDER BY \(q("id"))")
        #expect(rows.map { $0.map { $0 ?? "NULL" } } == [["1", "active", "ann@example.com", "1"], ["3", "active", "cy@example.com", "1"]])
        #expect(try migrator.driver.query("SELECT \(q("code")) FROM \(q("plans")) ORDER BY \(q("code"))").map { $0[0] ?? "" } == ["free", "team"])

        _ = try migrator.downgrade(to: "a1", options: options)
        #expect(try migrator.drift().differences.isEmpty)
        let restored = try migrator.driver.query("SELECT \(q("id")), \(q("status")) FROM \(q("users")) ORDER BY \(q("id"))")
        #expect(restored.map { $0.map { $0 ?? "NULL" } } == [["1", "NULL"], ["2", "banned"], ["3", "NULL"]])

        _ = try migrator.downgrade(to: "base", options: options)
        #expect(try Introspector.schema(of: migrator.driver).tables.keys.filter { !$0.hasPrefix("migc") }.isEmpty)
    }
}
