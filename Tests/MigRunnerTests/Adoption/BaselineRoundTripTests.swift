import Foundation
import MigCore
import Testing
@testable import MigRunner

/// `migc init --from-database` round trip on real databases: a database upgraded to
/// head is baselined; the baseline, applied to an empty database, gives the same
/// schema (constraint and index names included); the source database stamped at the
/// baseline shows no drift.
@Suite struct BaselineRoundTripTests {
    struct Case: CustomStringConvertible, Sendable {
        var history: String
        var engine: Engine
        var description: String { "\(history) on \(engine)" }
    }

    /// SQLite and PostgreSQL for every history; MySQL too, but saas (PostgreSQL's
    /// `tsvector` on purpose, as in ExecutionTests).
    static let cases = AdoptionHistories.names.flatMap { h in Engine.allCases.map { Case(history: h, engine: $0) } }
        .filter { !($0.engine == .mysql && $0.history == "examples/saas") }

    static func baseline(of driver: any DatabaseDriver) throws -> (GeneratedRevision, Schema, [UnexpressedObject]) {
        let (schema, objects) = try Introspector.adoption(of: driver)
        let header = RevisionHeader(revision: Identifier("b1"), message: StringLiteral("baseline"))
        let revision = GeneratedRevision.make(
            header: header, statements: Baseline.statements(schema: schema, objects: objects, dialect: driver.dialect),
            before: .empty, path: AdoptionHistories.freshPath("b1_baseline.mig"), lint: nil)
        return (revision, schema, objects)
    }

    @Test(arguments: cases)
    func baselineRecreatesTheSchema(_ c: Case) throws {
        let source = try AdoptionHistories.upgrade(try AdoptionHistories.project(c.history), try c.engine.freshDatabase())
        let (revision, live, _) = try Self.baseline(of: source.driver)
        #expect(!revision.diagnostics.hasErrors, "\(revision.diagnostics.map(\.message))")
        #expect(AdoptionHistories.differences(live, revision.after).isEmpty, "the baseline's model differs from the database")
        let project = try AdoptionHistories.writeProject(revision)
        let copy: Migrator
        do {
            copy = try AdoptionHistories.upgrade(project, try c.engine.freshDatabase())
        } catch {
            Issue.record("\(error)\n\(revision.text)")
            return
        }
        let recreated = try Introspector.adoption(of: copy.driver).0
        #expect(AdoptionHistories.differences(live, recreated).isEmpty)
        #expect(live.tables.count > 0)
        // Stamped at the baseline, the source database shows no drift.
        let stamped = try Migrator(project: project, url: source.url)
        _ = try stamped.stamp(["b1"], lockTimeout: 5)
        #expect(try stamped.drift().differences.map(\.description) == [])
    }

    /// Views, triggers and expression indexes are kept as `sql` blocks, recreated
    /// by the baseline, and dropped by its downgrade.
    @Test(arguments: Engine.transactional)
    func objectsTheModelCannotHoldAreKeptAsSQL(_ engine: Engine) throws {
        let url = try engine.freshDatabase()
        let driver = try url.connect()
        let setup: [String] = switch engine {
        case .postgres: [
            "CREATE TYPE mood AS ENUM ('ok', 'sad')",
            "CREATE TABLE \"order\" (id bigint CONSTRAINT order_pk PRIMARY KEY, \"check\" text, feeling mood, total int CONSTRAINT positive CHECK (total >= 0))",
            "CREATE UNIQUE INDEX order_lower_check ON \"order\" (lower(\"check\"))",
            "CREATE INDEX order_open ON \"order\" (total) WHERE total > 10",
            "CREATE VIEW big_orders AS SELECT id FROM \"order\" WHERE total > 100",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER order_touch BEFORE UPDATE ON \"order\" FOR EACH ROW EXECUTE FUNCTION touch()",
        ]
        default: [
            "CREATE TABLE \"order\" (id INTEGER CONSTRAINT order_pk PRIMARY KEY, \"check\" TEXT, total INT CONSTRAINT positive CHECK (total >= 0))",
            "CREATE UNIQUE INDEX order_lower_check ON \"order\" (lower(\"check\"))",
            "CREATE INDEX order_open ON \"order\" (total) WHERE total > 10",
            "CREATE VIEW big_orders AS SELECT id FROM \"order\" WHERE total > 100",
            "CREATE TRIGGER order_touch AFTER UPDATE ON \"order\" BEGIN SELECT 1; END",
        ]
        }
        for sql in setup { try driver.execute(sql) }
        driver.close()
        let source = try Migrator(project: Project(directory: "/nonexistent", loaded: LoadedProject()), url: url)
        let (revision, live, objects) = try Self.baseline(of: source.driver)
        #expect(!revision.diagnostics.hasErrors, "\(revision.diagnostics.map(\.message))")
        let kinds = Set(objects.map(\.kind))
        #expect(kinds.isSuperset(of: ["view", "trigger"]))
        // Expression keys are in the model now: the baseline creates them as indexes.
        #expect(!kinds.contains("expression index"))
        if engine == .postgres {
            #expect(kinds.contains("function"))
            // Enum types are in the model now: created by the baseline, not by raw SQL.
            #expect(!kinds.contains("enum type"))
            #expect(revision.text.contains("create enum mood (\"ok\", \"sad\")"), "\(revision.text)")
        }
        // Keywords as names are backtick-quoted; real names are kept.
        #expect(revision.text.contains("  `check` text"))
        #expect(revision.text.contains("order_pk") && revision.text.contains("positive") && revision.text.contains("order_open"))
        let project = try AdoptionHistories.writeProject(revision)
        // Stamped, the source shows no drift: what the sql blocks make is declared.
        let stamped = try Migrator(project: project, url: url)
        _ = try stamped.stamp(["b1"], lockTimeout: 5)
        #expect(try stamped.drift().differences.map(\.description) == [])
        let copy = try AdoptionHistories.upgrade(project, try engine.freshDatabase())
        let (again, againObjects) = try Introspector.adoption(of: copy.driver)
        #expect(AdoptionHistories.differences(live, again).isEmpty)
        #expect(againObjects.map(\.name).sorted() == objects.map(\.name).sorted())
        _ = try copy.downgrade(to: "base", options: .init(transactionMode: .perRevision))
        let (empty, left) = try Introspector.adoption(of: copy.driver)
        #expect(empty.tables.isEmpty && left.isEmpty, "\(left.map(\.name))")
    }
}
