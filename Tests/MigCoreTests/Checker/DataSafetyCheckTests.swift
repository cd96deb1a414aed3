import Foundation
import Testing
@testable import MigCore

/// Issue 10 in the compiler: heads checked together, downgrade and transaction
/// lints, and the schema snapshots' memory.
@Suite struct DataSafetyCheckTests {
    static let base = ("a1.mig", "revision a1\nmessage \"a\"\n\nupgrade {\n  create table a {\n    id bigint primary key\n    name text\n  }\n}\n")

    static func revision(_ id: String, _ body: String) -> (String, String) {
        ("\(id).mig", "revision \(id)\nparent a1\nmessage \"\(id)\"\n\nupgrade {\n  \(body)\n}\n")
    }

    static func errors(_ texts: [(String, String)]) -> [Diagnostic] {
        CheckHarness.run(texts, lint: LintConfig(disabled: ["MIG114"])).diagnostics.filter { $0.severity == .error }
    }

    @Test func headsAddingOneColumnTwiceConflict() {
        let errors = Self.errors([Self.base, Self.revision("b1", "add column a.x int"), Self.revision("c1", "add column a.x text")])
        #expect(errors.map(\.code) == ["E350"])
        #expect(errors.first?.message.contains("heads `b1`, `c1` conflict when applied together") == true, "\(errors)")
    }

    @Test func renameAgainstAddConflicts() {
        let errors = Self.errors([Self.base, Self.revision("b1", "rename column a.name to title"), Self.revision("c1", "alter column a.name set not null")])
        #expect(errors.map(\.code) == ["E350"], "\(errors)")
    }

    @Test func independentHeadsDoNotConflict() {
        #expect(Self.errors([Self.base, Self.revision("b1", "add column a.x int"), Self.revision("c1", "add column a.y text")]).isEmpty)
    }

    @Test func headConflictsAPIMatchesLint() {
        let outcome = CheckHarness.run([Self.base, Self.revision("b1", "add column a.x int"), Self.revision("c1", "add column a.x text")])
        #expect(Checker.headConflicts(["b1", "c1"], in: outcome.graph).map(\.code) == ["E350"])
        #expect(Checker.headConflicts(["b1"], in: outcome.graph).isEmpty)
    }

    // MARK: MIG114: downgrades that delete data

    @Test func writtenAndDerivedDowngradeDropsAreReported() {
        let written = ("b1.mig", "revision b1\nparent a1\nmessage \"b\"\n\nupgrade {\n  add column a.x int\n}\n\ndowngrade {\n  drop column a.x\n}\n")
        let outcome = CheckHarness.run([Self.base, written], lint: .default)
        let notes = outcome.diagnostics.filter { $0.code == "MIG114" }.map(\.message).sorted()
        #expect(notes == [
            "the derived downgrade of `a1` drops table `a`, with the data written since",
            "the downgrade drops column `a.x` and its values",
        ], "\(outcome.rendered)")
    }

    @Test func anAllowOnTheDowngradeOpSilencesIt() {
        let written = ("b1.mig", "revision b1\nparent a1\nmessage \"b\"\n\nupgrade {\n  add column a.x int\n}\n\ndowngrade {\n  -- migc:allow MIG114 - x was never filled\n  drop column a.x\n}\n")
        let outcome = CheckHarness.run([Self.base, written], lint: .default)
        #expect(outcome.diagnostics.filter { $0.span.file == "b1.mig" }.isEmpty, "\(outcome.rendered)")
    }

    // MARK: Transaction control in raw SQL

    @Test(arguments: [
        ("BEGIN; UPDATE t SET x = 1; COMMIT;", ["BEGIN", "COMMIT"]),
        ("update t set x = 1;\ncommit", ["COMMIT"]),
        ("START TRANSACTION; SAVEPOINT s; RELEASE s; ROLLBACK TO s; END", ["START", "SAVEPOINT", "RELEASE", "ROLLBACK", "END"]),
        ("SELECT 'COMMIT'; -- COMMIT\n/* ROLLBACK; */ SELECT \"begin\"", []),
        ("CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = CASE WHEN x THEN 1 END; DELETE FROM u; END; COMMIT", ["COMMIT"]),
        ("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql; ABORT", ["ABORT"]),
        ("CREATE FUNCTION g() RETURNS int AS $body$ BEGIN; COMMIT; $body$", []),
    ])
    func transactionControlIsFoundOnlyWhereItRuns(_ sql: String, _ keywords: [String]) {
        #expect(TransactionControl.statements(in: sql).map(\.keyword) == keywords)
    }

    @Test func transactionOffRevisionsMayManageTheirOwnTransactions() {
        let text = "revision b1\nparent a1\nmessage \"b\"\ntransaction off\n\nupgrade {\n  -- migc:allow MIG108\n  sql \"\"\"COMMIT\"\"\" reverse \"\"\"SELECT 1\"\"\"\n}\n"
        let outcome = CheckHarness.run([Self.base, ("b1.mig", text)], lint: LintConfig(disabled: ["MIG114"]))
        #expect(!outcome.diagnostics.contains { $0.code == "MIG115" }, "\(outcome.rendered)")
    }
}
