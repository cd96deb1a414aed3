import Foundation
import Testing
@testable import MigCore

/// The checker, model and inverses of the online-safe forms (issue 15).
@Suite struct SafeFormCheckTests {
    static let base = ("a1.mig", """
        revision a1
        message "a"

        upgrade {
          create table p {
            id bigint primary key
          }
          create table c {
            id bigint not null
            p_id bigint
            n int
          }
          create unique index c_id_idx on c (id)
          create index c_n_idx on c (n)
          create unique index p_id_idx on p (id)
          create unique index c_part_idx on c (n) where n > 0
          create unique index c_desc_idx on c (p_id desc)
        }
        """)

    static func revision(_ id: String, parent: String = "a1", _ body: String) -> (String, String) {
        ("\(id).mig", "revision \(id)\nparent \(parent)\nmessage \"\(id)\"\n\nupgrade {\n  \(body)\n}\n")
    }

    static func errors(_ texts: [(String, String)]) -> [Diagnostic] {
        CheckHarness.run(texts).diagnostics.filter { $0.severity == .error }
    }

    @Test func validateInALaterRevisionChecksAndTheModelTracksValidity() throws {
        let texts = [Self.base,
                     Self.revision("b1", "add foreign key c_p_fk on c (p_id) references p (id) not valid\n  add check c_n_check on c (n > 0) not valid"),
                     Self.revision("b2", parent: "b1", "validate constraint c_p_fk on c")]
        #expect(Self.errors(texts).isEmpty, "\(Self.errors(texts))")
        let graph = CheckHarness.run(texts).graph
        let after1 = Checker.schema(at: ["b1"], in: graph).tables["c"]!
        let after2 = Checker.schema(at: ["b2"], in: graph).tables["c"]!
        #expect(after1.foreignKeys["c_p_fk"]?.notValid == true)
        #expect(after2.foreignKeys["c_p_fk"]?.notValid == false)
        #expect(after2.checks["c_n_check"]?.notValid == true)
    }

    @Test func validateNeedsANotValidForeignKeyOrCheck() {
        #expect(Self.errors([Self.base, Self.revision("b1", "add check c_n_check on c (n > 0)\n  validate constraint c_n_check on c")]).map(\.code) == ["E161"])
        #expect(Self.errors([Self.base, Self.revision("b1", "validate constraint c_pkey on c")]).map(\.code) == ["E108"])
        #expect(Self.errors([Self.base, Self.revision("b1", "add unique c_n_key on c (n)\n  validate constraint c_n_key on c")]).map(\.code) == ["E160"])
    }

    @Test func usingIndexNeedsAUniqueWholeAscendingIndexOnTheTable() {
        func codes(_ op: String) -> [DiagnosticCode?] { Self.errors([Self.base, Self.revision("b1", op)]).map(\.code) }
        #expect(codes("add unique c_n_key on c using index c_n_idx") == ["E162"])  // not unique
        #expect(codes("add unique c_n_key on c using index p_id_idx") == ["E162"])  // other table
        #expect(codes("add unique c_n_key on c using index c_part_idx") == ["E162"])  // partial
        #expect(codes("add unique c_p_key on c using index c_desc_idx") == ["E162"])  // descending
        #expect(codes("add unique c_n_key on c using index nope") == ["E106"])
        #expect(codes("add primary key p_pkey2 on p using index p_id_idx") == ["E113"])
        // The index's own name may become the key's.
        #expect(codes("add unique c_id_idx on c using index c_id_idx").isEmpty)
        #expect(codes("add primary key c_pkey on c using index c_id_idx").isEmpty)
    }

    @Test func usingIndexTakesTheIndexAndItsInverseGivesItBack() throws {
        let texts = [Self.base, Self.revision("b1", "add primary key c_pkey on c using index c_id_idx")]
        #expect(Self.errors(texts).isEmpty)
        let graph = CheckHarness.run(texts).graph
        let after = Checker.schema(at: ["b1"], in: graph)
        #expect(after.tables["c"]?.primaryKey?.columns == ["id"])
        #expect(after.indexes["c_id_idx"] == nil)
        let before = Checker.schema(at: ["a1"], in: graph)
        let statement = Statement(.addConstraint(AddConstraint(
            name: Identifier("c_pkey"), table: Identifier("c"), kind: .primaryKey(columns: []), usingIndex: Identifier("c_id_idx"))))
        let inverse = try #require(Inverse.of(statement, in: before))
        #expect(after.applying(inverse) == before)
    }

    @Test func onlineSetNotNullKeepsTheModelAndMustBeNullableToNull() throws {
        let texts = [Self.base, Self.revision("b1", "alter column c.p_id set not null online")]
        #expect(Self.errors(texts).isEmpty)
        let graph = CheckHarness.run(texts).graph
        #expect(Checker.schema(at: ["b1"], in: graph).tables["c"]?.column(named: "p_id")?.nullable == false)
        let sql = Dialect.postgres.backend.render(steps: [OpStep(
            statement: Statement(.alterColumn(AlterColumn(table: Identifier("c"), column: Identifier("p_id"), change: .setNotNull, online: true))),
            before: Checker.schema(at: ["a1"], in: graph), after: Checker.schema(at: ["b1"], in: graph))], transactional: false).map(\.text)
        #expect(sql == [
            #"ALTER TABLE "c" ADD CONSTRAINT "c_p_id_not_null" CHECK ("p_id" IS NOT NULL) NOT VALID"#,
            #"ALTER TABLE "c" VALIDATE CONSTRAINT "c_p_id_not_null""#,
            #"ALTER TABLE "c" ALTER COLUMN "p_id" SET NOT NULL"#,
            #"ALTER TABLE "c" DROP CONSTRAINT "c_p_id_not_null""#,
        ])
    }

    @Test func dialectWarnings() throws {
        let texts = [Self.base, Self.revision("b1", "add check c_n_check on c (n > 0) not valid\n  drop index c_n_idx concurrently\n  alter column c.p_id set not null online")]
        let graph = CheckHarness.run(texts).graph
        let revisions = try MigrationPlanner.revisions(for: graph.upgradeSteps(from: ["a1"], to: RevisionTarget(["b1"])), in: graph)
        let steps = try #require(revisions.first?.steps)
        let postgres = Dialect.postgres.backend.diagnostics(for: steps, transactional: true).compactMap(\.code)
        #expect(postgres.sorted() == ["MIG803", "MIG808"])
        #expect(Dialect.postgres.backend.diagnostics(for: steps, transactional: false).isEmpty)
        #expect(Dialect.mysql.backend.diagnostics(for: steps, transactional: true).map(\.code) == ["MIG808", "MIG808"])
        #expect(Dialect.sqlite.backend.diagnostics(for: steps, transactional: true).map(\.code) == ["MIG808", "MIG808"])
    }

    @Test func durationOverTheLimitIsAnError() {
        let result = Parser.parse(source: "revision a1\nmessage \"m\"\nlock_timeout 30d\n", path: "t.mig")
        #expect(result.diagnostics.map(\.code) == ["E083"])
        let big = Parser.parse(source: "revision a1\nmessage \"m\"\nstatement_timeout 700h\n", path: "t.mig")
        #expect(big.diagnostics.map(\.code) == ["E083"])
    }
}
