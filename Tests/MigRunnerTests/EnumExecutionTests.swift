import Foundation
import Testing
@testable import MigCore
@testable import MigRunner

/// Enums and the types added with them (issue 12) on real engines: every revision
/// upgraded with rows in the table, introspection equal to the model after each
/// one (no drift), then downgraded one by one, again without drift.
@Suite struct EnumExecutionTests {
    static let files: [(String, String)] = [
        ("a1", """
            revision a1
            message "moods"

            upgrade {
              create enum mood ("sad", "ok", "it's")
              create table people {
                id int primary key
                feeling mood not null default "ok"
                span interval
                note varchar
                doc jsontext
              }
            }
            """),
        ("a2", """
            revision a2
            parent a1
            message "add values"

            upgrade {
              alter enum mood add value "great"
              alter enum mood add value "meh" before "ok"
              add column people.later mood check (later <> "sad")
            }
            """),
        ("a3", """
            revision a3
            parent a2
            message "rename a value"

            upgrade {
              alter enum mood rename value "ok" to "fine"
            }
            """),
        ("a4", """
            revision a4
            parent a3
            message "drop a value"

            upgrade {
              alter enum mood drop value "meh"
            }
            """),
        ("a5", """
            revision a5
            parent a4
            message "rename the enum, second enum, retype"

            upgrade {
              rename enum mood to feeling
              create enum level ("low", "high")
              add column people.note_level text
              alter column people.note_level type level
            }
            """),
        ("a6", """
            revision a6
            parent a5
            message "drop an enum"

            upgrade {
              drop column people.note_level
              drop enum level
            }
            """),
    ]

    static func project() throws -> (Project, String) {
        let directory = NSTemporaryDirectory() + "migc-enums-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: directory + "/\(name).mig", atomically: true, encoding: .utf8) }
        return (try Project.open(directory: directory), directory)
    }

    @Test(arguments: Engine.allCases)
    func upAndDownWithRowsWithoutDrift(engine: Engine) throws {
        let (project, directory) = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let checked = project.check()
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics.map(\.message))")
        let migrator = try Migrator(project: project, url: try engine.freshDatabase())
        let options = Migrator.Options(transactionMode: .perRevision, fold: false)
        var id = 0
        func insert(_ feeling: String) throws {
            id += 1
            try migrator.driver.execute("INSERT INTO people (id, feeling, span) VALUES (\(id), '\(feeling.replacing("'", with: "''"))', '1 day')")
        }
        let ids = Self.files.map(\.0)
        for revision in ids {
            _ = try migrator.upgrade(to: revision, options: options)
            let drift = try migrator.drift().differences
            #expect(drift.isEmpty, "\(engine) after \(revision): \(drift)")
            switch revision {
            case "a1": try insert("ok"); try insert("it's")
            case "a2": try insert("great")
            case "a3": try insert("fine")
            default: try insert("sad")
            }
        }
        let renamed = try migrator.driver.query("SELECT feeling FROM people WHERE id = 1").first?[0]
        #expect(renamed == "fine", "the renamed value moved with its rows")
        for revision in ids.reversed().dropFirst() + ["base"] {
            // Values the downgrade removes cannot stay in rows (see droppingAValueInUseFails).
            if revision == "a1" { try migrator.driver.execute("DELETE FROM people WHERE feeling IN ('great', 'meh')") }
            _ = try migrator.downgrade(to: revision, options: options)
            let drift = try migrator.drift().differences
            #expect(drift.isEmpty, "\(engine) after downgrading to \(revision): \(drift)")
        }
    }

    /// A value cannot be dropped while rows hold it: every engine refuses.
    @Test(arguments: Engine.allCases)
    func droppingAValueInUseFails(engine: Engine) throws {
        let (project, directory) = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let migrator = try Migrator(project: project, url: try engine.freshDatabase())
        let options = Migrator.Options(transactionMode: .perRevision, fold: false)
        _ = try migrator.upgrade(to: "a3", options: options)
        try migrator.driver.execute("INSERT INTO people (id, feeling) VALUES (1, 'meh')")
        #expect(throws: (any Error).self) { _ = try migrator.upgrade(to: "a4", options: options) }
    }

    /// An enum changed behind migc's back is drift: by name and values on
    /// PostgreSQL, by the column's values on MySQL.
    @Test(arguments: [Engine.postgres, .mysql])
    func aChangedEnumIsDrift(engine: Engine) throws {
        let (project, directory) = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let migrator = try Migrator(project: project, url: try engine.freshDatabase())
        _ = try migrator.upgrade(to: "a1", options: Migrator.Options(transactionMode: .perRevision, fold: false))
        if engine == .postgres {
            try migrator.driver.execute("ALTER TYPE mood ADD VALUE 'extra'")
        } else {
            try migrator.driver.execute("ALTER TABLE people MODIFY COLUMN feeling ENUM('sad','ok','it''s','extra') NOT NULL DEFAULT 'ok'")
        }
        let drift = try migrator.drift().differences.map(\.description)
        let expected = engine == .postgres
            ? #"enum `mood` has values ("sad", "ok", "it's", "extra"), expected ("sad", "ok", "it's")"#
            : #"column `people.feeling` has type"#
        #expect(drift.contains { $0.hasPrefix(expected) }, "\(drift)")
    }

    /// A fresh database gets the final schema at once (fold): the enums first.
    @Test(arguments: Engine.allCases)
    func foldedUpgradeHasNoDrift(engine: Engine) throws {
        let (project, directory) = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let migrator = try Migrator(project: project, url: try engine.freshDatabase())
        _ = try migrator.upgrade(to: "a5", options: Migrator.Options(transactionMode: .perRevision, fold: true))
        let drift = try migrator.drift().differences
        #expect(drift.isEmpty, "\(drift)")
    }
}
