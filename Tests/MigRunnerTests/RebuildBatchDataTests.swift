import Foundation
import Testing
@testable import MigCore
@testable import MigRunner

/// Existing rows get what `add column` gave them when the add is batched into a
/// SQLite rebuild, as on PostgreSQL: its default at the time (not a default set
/// later in the revision), NULL without one, and a NOT NULL column whose default is
/// dropped right after keeps its values (the derived downgrade of issue 11 #6).
@Suite struct RebuildBatchDataTests {
    static let setup = """
        revision a1
        message "t"

        upgrade {
          create table t { id int primary key; a int not null }
        }
        """
    static let batch = """
        revision a2
        parent a1
        message "batched"

        upgrade {
          alter column t.a drop not null
          add column t.b int default 5
          alter column t.b set default 7
          add column t.c int
          alter column t.c set default 9
          add column t.d bool not null default false
          alter column t.d drop default
        }
        """

    @Test(arguments: Engine.allCases)
    func addedColumnsKeepTheirFirstValue(engine: Engine) throws {
        let directory = NSTemporaryDirectory() + "migc-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.setup.write(toFile: directory + "/a1.mig", atomically: true, encoding: .utf8)
        try Self.batch.write(toFile: directory + "/a2.mig", atomically: true, encoding: .utf8)
        let project = try Project.open(directory: directory)
        #expect(!project.check().diagnostics.hasErrors)
        let migrator = try Migrator(project: project, url: try engine.freshDatabase())
        let options = Migrator.Options(transactionMode: .perRevision, fold: false)
        _ = try migrator.upgrade(to: "a1", options: options)
        try migrator.driver.execute("INSERT INTO t (id, a) VALUES (1, 10)")
        _ = try migrator.upgrade(to: "a2", options: options)
        let row = try #require(try migrator.driver.query("SELECT b, c, d FROM t WHERE id = 1").first)
        #expect(row[0] == "5")
        #expect(row[1] == nil)
        #expect(row[2] == "0" || row[2] == "f")
        #expect(try migrator.drift().differences.isEmpty)
    }
}
