import Foundation
import Testing
@testable import MigCore
@testable import MigRunner

/// Views, comments and index clauses (issue 12) on real engines: the
/// `Fixtures/sql/views_comments` history runs up, down and up again revision by
/// revision with rows in its tables, the live schema equal to the model after every
/// step (views, comments and index clauses included), the views readable; a fresh
/// database folded in one go equals it too; and drift in each is reported.
@Suite struct ViewExecutionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sql/views_comments").path

    static func migrator(_ engine: Engine) throws -> Migrator {
        let project = try Project.open(directory: directory)
        #expect(!project.check().diagnostics.hasErrors)
        return try Migrator(project: project, url: try engine.freshDatabase())
    }

    static let stepwise = Migrator.Options(transactionMode: .perRevision, fold: false)

    static func expectNoDrift(_ migrator: Migrator, _ moment: String) throws {
        let differences = try migrator.drift().differences
        #expect(differences.isEmpty, "\(moment): \(differences.map(\.description))")
    }

    @Test(arguments: Engine.allCases)
    func upDownUpWithRows(engine: Engine) throws {
        let migrator = try Self.migrator(engine)
        let views = { () throws -> [String] in try Introspector.schema(of: migrator.driver).views.keys.sorted() }
        _ = try migrator.upgrade(to: "a1", options: Self.stepwise)
        try Self.expectNoDrift(migrator, "after a1")
        for round in 1...2 {
            _ = try migrator.upgrade(to: "a2", options: Self.stepwise)
            try Self.expectNoDrift(migrator, "after a2, round \(round)")
            #expect(try views() == ["active_users", "order_totals"])
            let q = engine.dialect.backend.quote
            #expect(try migrator.driver.scalar("SELECT count(*) FROM \(q("active_users"))") == "2")
            #expect(try migrator.driver.scalar("SELECT total FROM \(q("order_totals")) WHERE id = 1") == "15")
            #expect(try migrator.driver.scalar("SELECT count(*) FROM \(q("users"))") == "2")
            _ = try migrator.downgrade(to: "a1", options: Self.stepwise)
            try Self.expectNoDrift(migrator, "after undoing a2, round \(round)")
            #expect(try views().isEmpty)
            #expect(try migrator.driver.scalar("SELECT count(*) FROM \(q("orders"))") == "2")
        }
        _ = try migrator.downgrade(to: "base", options: Self.stepwise)
        #expect(try Introspector.schema(of: migrator.driver).tables.isEmpty)
    }

    /// `upgrade` on an empty database writes the final schema in one go (SchemaDDL):
    /// views, comments and index clauses come out the same. (The fixture's `sql`
    /// block makes the planner replay it, so the fold is run on the model directly.)
    @Test(arguments: Engine.allCases)
    func foldedSchemaEqualsTheModel(engine: Engine) throws {
        let project = try Project.open(directory: Self.directory)
        let expected = Checker.schema(at: Set(project.graph.heads), in: project.graph)
        let runner = try MigrationRunner(url: try engine.freshDatabase())
        for statement in SchemaDDL.create(expected, dialect: engine.dialect) { try runner.driver.execute(statement.text) }
        let actual = try Introspector.schema(of: runner.driver)
        let canonical = try Introspector.canonicalTypes(expected, for: runner.driver)
        let differences = SchemaComparison.differences(expected: canonical, actual: actual, dialect: engine.dialect)
        #expect(differences.isEmpty, "\(differences.map(\.description))")
        #expect(actual.views.keys.sorted() == ["active_users", "order_totals"])
        #expect(actual.views["order_totals"]?.dependsOn == ["orders", "users"])
    }

    @Test(arguments: Engine.allCases)
    func driftInViewsCommentsAndIndexClausesIsReported(engine: Engine) throws {
        let migrator = try Self.migrator(engine)
        _ = try migrator.upgrade(to: "head", options: Self.stepwise)
        let q = engine.dialect.backend.quote
        try migrator.driver.execute("DROP VIEW \(q("order_totals"))")
        try migrator.driver.execute("CREATE VIEW \(q("extra")) AS SELECT 1 AS one")
        var expected = ["missing view `order_totals`", "unexpected view `extra`"]
        switch engine {
        case .postgres:
            try migrator.driver.execute("COMMENT ON TABLE users IS 'someone else''s'")
            try migrator.driver.execute("COMMENT ON COLUMN users.name IS 'a name'")
            try migrator.driver.execute("DROP INDEX users_email_hash")
            try migrator.driver.execute("CREATE INDEX users_email_hash ON users (email)")
            expected += [
                "table `users` has a different comment", "column `users.name` has a comment, expected none",
                "index `users_email_hash` is on users (email), expected on users (email), using hash",
            ]
        case .mysql:
            try migrator.driver.execute("ALTER TABLE users COMMENT = ''")
            expected += ["table `users` has no comment, expected one"]
        case .sqlite:
            try migrator.driver.execute("DROP VIEW active_users")
            try migrator.driver.execute("CREATE VIEW active_users AS SELECT id FROM users")
            expected += ["view `active_users` has a different body"]
        }
        let found = try migrator.drift().differences.map(\.description)
        #expect(Set(found) == Set(expected), "\(found)")
    }
}

/// Expression index keys: up, down and up on SQLite and PostgreSQL with the live
/// schema equal to the model (keys read back from the stored index); MariaDB refuses
/// them with its own error.
@Suite struct ExpressionKeyExecutionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sql/expression_index").path

    @Test(arguments: [Engine.sqlite, .postgres])
    func upDownUp(engine: Engine) throws {
        let project = try Project.open(directory: Self.directory)
        #expect(!project.check().diagnostics.hasErrors)
        let migrator = try Migrator(project: project, url: try engine.freshDatabase())
        for target in ["a1", "a2"] {
            _ = try migrator.upgrade(to: target, options: ViewExecutionTests.stepwise)
            try ViewExecutionTests.expectNoDrift(migrator, "after \(target)")
        }
        let keys = try Introspector.schema(of: migrator.driver).indexes["users_email_lower"]?.columns.compactMap(\.expression)
        #expect(keys?.map { Printer.print($0) } == ["lower(email)"])
        #expect(throws: (any Error).self) { try migrator.driver.execute("INSERT INTO users (id, email) VALUES (3, 'a@X')") }
        _ = try migrator.downgrade(to: "a1", options: ViewExecutionTests.stepwise)
        try ViewExecutionTests.expectNoDrift(migrator, "after undoing a2")
        _ = try migrator.upgrade(to: "a2", options: ViewExecutionTests.stepwise)
        try ViewExecutionTests.expectNoDrift(migrator, "after a2 again")
        #expect(try migrator.driver.scalar("SELECT count(*) FROM users") == "2")
    }

    @Test func driftInAnExpressionKeyIsReported() throws {
        let project = try Project.open(directory: Self.directory)
        let migrator = try Migrator(project: project, url: try Engine.postgres.freshDatabase())
        _ = try migrator.upgrade(to: "a2", options: ViewExecutionTests.stepwise)
        try migrator.driver.execute("DROP INDEX users_email_lower")
        try migrator.driver.execute("CREATE UNIQUE INDEX users_email_lower ON users (upper(email))")
        let found = try migrator.drift().differences.map(\.description)
        #expect(found == ["index `users_email_lower` is unique on users (upper(email)), expected unique on users (lower(email))"])
    }

    @Test func mariaDBRefusesExpressionKeys() throws {
        let project = try Project.open(directory: Self.directory)
        let migrator = try Migrator(project: project, url: try Engine.mysql.freshDatabase())
        _ = try migrator.upgrade(to: "a1", options: ViewExecutionTests.stepwise)
        #expect(throws: (any Error).self) { _ = try migrator.upgrade(to: "a2", options: ViewExecutionTests.stepwise) }
    }
}
