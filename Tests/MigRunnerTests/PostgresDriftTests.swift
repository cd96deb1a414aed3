import Foundation
import MigCore
import Testing
@testable import MigRunner

/// `migc check` on PostgreSQL: no false drift for types the server spells its own
/// way, none for objects an extension owns (issue 11, bugs 4 and 5).
@Suite struct PostgresDriftTests {
    /// A project directory holding `files` (name → text), opened.
    static func project(_ files: [String: String]) throws -> Project {
        let directory = NSTemporaryDirectory() + "migc-drift-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
        let project = try Project.open(directory: directory)
        #expect(!project.hasErrors, "\(project.diagnostics)")
        return project
    }

    static func upgraded(_ files: [String: String]) throws -> Migrator {
        let migrator = try Migrator(project: try project(files), url: try PostgresCluster.freshDatabase())
        _ = try migrator.upgrade(to: "head", options: .init(transactionMode: .perRevision))
        return migrator
    }

    @Test func passThroughTypesSpelledByTheServer() throws {
        let migrator = try Self.upgraded(["a.mig": """
            revision a1
            message "types"
            upgrade {
              create table t {
                id int primary key
                a "varchar"
                b "int4"
                c "timestamp with time zone"
                d "varchar(20)"
                e "numeric(10, 2)"
                f "timestamp(3) without time zone"
                g "float8"
                h "tsvector"
              }
            }
            """])
        let (heads, differences) = try migrator.drift()
        #expect(heads == ["a1"])
        #expect(differences.isEmpty, "\(differences.map(\.description))")
    }

    @Test func aRealTypeDifferenceIsStillReported() throws {
        let migrator = try Self.upgraded(["a.mig": """
            revision a1
            message "types"
            upgrade {
              create table t {
                id int primary key
                a "varchar(20)"
              }
            }
            """])
        _ = try migrator.driver.execute("ALTER TABLE t ALTER COLUMN a TYPE varchar(30)")
        let (_, differences) = try migrator.drift()
        #expect(differences.count == 1, "\(differences.map(\.description))")
    }

    @Test func objectsAnExtensionOwnsAreNotDrift() throws {
        let migrator = try Self.upgraded(["a.mig": """
            revision a1
            message "one table"
            upgrade {
              create table t {
                id int primary key
              }
            }
            """])
        // As PostGIS does with spatial_ref_sys: a table the extension owns.
        try migrator.driver.execute("CREATE EXTENSION citext")
        try migrator.driver.execute("CREATE TABLE spatial_ref_sys (srid int PRIMARY KEY)")
        try migrator.driver.execute("ALTER EXTENSION citext ADD TABLE spatial_ref_sys")
        let (_, differences) = try migrator.drift()
        #expect(differences.isEmpty, "\(differences.map(\.description))")
        // A table nobody owns is still drift.
        try migrator.driver.execute("CREATE TABLE stray (id int)")
        #expect(try migrator.drift().differences.map(\.table) == ["stray"])
    }
}
