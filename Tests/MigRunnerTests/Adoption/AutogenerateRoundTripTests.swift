import Foundation
import MigCore
import Testing
@testable import MigRunner

/// `migc new --autogenerate`: for every revision N+1 of every history (merges
/// excepted), the operations generated from N's schema to N+1's (its renames given
/// as hints) check cleanly and fold to N+1's schema exactly; the schema file of each
/// head reads back as the same schema; and a hand-made change to a live database
/// comes back as a revision that leaves `migc check` clean.
@Suite struct AutogenerateRoundTripTests {
    /// The renames a revision makes, as hints (tables by their new names).
    static func hints(_ file: MigFile) -> RenameHints {
        var hints = RenameHints()
        var renamedTo: [String: String] = [:]
        for statement in file.upgrade?.statements ?? [] {
            switch statement.operation {
            case .renameTable(let r):
                hints.tables.append((r.name.name, r.newName.name))
                renamedTo[r.name.name] = r.newName.name
            case .renameColumn(let r):
                hints.columns.append(.init(table: renamedTo[r.table.name] ?? r.table.name, from: r.column.name, to: r.newName.name))
            default: break
            }
        }
        return hints
    }

    @Test(arguments: AdoptionHistories.names)
    func consecutiveRevisions(_ history: String) throws {
        let graph = try AdoptionHistories.project(history).graph
        var pairs = 0
        for id in graph.topologicalOrder {
            let r = graph.revisions[id]!
            guard r.parents.count <= 1, r.depends.isEmpty else { continue }
            let before = Checker.schema(at: Set(r.parents), in: graph)
            let after = Checker.schema(at: [id], in: graph)
            let changes = SchemaOps.changes(from: before, to: after, renames: Self.hints(r.file))
            let header = RevisionHeader(revision: Identifier("g1"), parents: r.parents.map { Identifier($0) }, message: StringLiteral("generated"))
            let generated = GeneratedRevision.make(header: header, statements: changes.statements, before: before, path: "g1.mig", lint: nil)
            #expect(!generated.diagnostics.hasErrors, "\(id): \(generated.diagnostics.map(\.message))\n\(generated.text)")
            #expect(AdoptionHistories.differences(after, generated.after) == [], "\(id):\n\(generated.text)")
            let empty = SchemaOps.changes(from: after, to: after)
            #expect(empty.statements.isEmpty, "nothing for what is equal")
            pairs += 1
        }
        #expect(pairs > 5)
    }

    @Test(arguments: AdoptionHistories.names)
    func schemaFileReadsBack(_ history: String) throws {
        let graph = try AdoptionHistories.project(history).graph
        let schema = Checker.schema(at: Set(graph.heads), in: graph)
        let text = Printer.printSchemaFile(SchemaOps.creating(schema), header: ["test"])
        let desired = DesiredSchema.read(source: text, path: "schema.mig")
        #expect(desired.diagnostics.isEmpty, "\(desired.diagnostics.map(\.message))")
        #expect(AdoptionHistories.differences(schema, desired.schema) == [])
    }

    @Test func dependentsFirstAndCycles() throws {
        let text = """
            create table a {
              id bigint primary key
              b_id bigint
            }
            create table b {
              id bigint primary key
              a_id bigint references a (id)
            }
            add foreign key a_b on a (b_id) references b (id)
            create table c {
              id bigint primary key
              b_id bigint references b (id)
            }
            """
        let desired = DesiredSchema.read(source: text, path: "s.mig")
        #expect(desired.diagnostics.isEmpty, "\(desired.diagnostics.map(\.message))")
        let create = SchemaOps.changes(from: .empty, to: desired.schema)
        let made = GeneratedRevision.make(header: RevisionHeader(revision: Identifier("x1"), message: StringLiteral("m")), statements: create.statements, before: .empty, path: "x1.mig", lint: nil)
        #expect(!made.diagnostics.hasErrors, "\(made.text)")
        #expect(AdoptionHistories.differences(desired.schema, made.after) == [])
        let drop = SchemaOps.changes(from: desired.schema, to: .empty)
        let dropped = GeneratedRevision.make(header: RevisionHeader(revision: Identifier("x2"), message: StringLiteral("m")), statements: drop.statements, before: desired.schema, path: "x2.mig", lint: nil)
        #expect(!dropped.diagnostics.hasErrors, "\(dropped.text)")
        #expect(dropped.after.tables.isEmpty)
    }

    @Test func likelyRenamesAreWarnedAndHintsUsed() throws {
        let schema = { (text: String) in DesiredSchema.read(source: text, path: "s.mig").schema }
        let before = schema("create table users {\n  id bigint primary key\n  name text\n}")
        let moved = schema("create table people {\n  id bigint primary key\n  name text\n}")
        #expect(SchemaOps.changes(from: before, to: moved).warnings.contains { $0.contains("--rename-table users:people") })
        // A renamed table keeps its key's name; the target names it after `people`.
        let after = schema("create table people {\n  id bigint primary key\n  full_name text\n}")
        let hinted = SchemaOps.changes(from: before, to: after, renames: RenameHints(tables: [("users", "people")], columns: [.init(table: "people", from: "name", to: "full_name")]))
        #expect(hinted.warnings.isEmpty, "\(hinted.warnings)")
        #expect(hinted.statements.map { Printer.print(statements: [$0], indent: 0) } == [
            "rename table users to people\n", "rename column people.name to full_name\n",
            "drop constraint users_pkey on people\n", "add primary key people_pkey on people (id)\n",
        ])
        let column = SchemaOps.changes(from: after, to: schema("create table people {\n  id bigint primary key\n  nick text\n}"))
        #expect(column.warnings.contains { $0.contains("--rename people.full_name:nick") })
        let unused = SchemaOps.changes(from: before, to: before, renames: RenameHints(tables: [("nope", "x")]))
        #expect(unused.statements.isEmpty && unused.warnings.count == 1)
    }

    /// A column added by hand to a live database comes back as `add column`; after
    /// applying that revision, `check` is clean.
    @Test(arguments: Engine.transactional)
    func fromDatabase(_ engine: Engine) throws {
        let dir = try AdoptionHistories.copy("examples/blog")
        let url = try engine.freshDatabase()
        let source = try AdoptionHistories.upgrade(try Project.open(directory: dir), url)
        try source.driver.execute("ALTER TABLE users ADD COLUMN nickname varchar(40)")
        try source.driver.execute("CREATE INDEX users_nickname_idx ON users (nickname)")
        let graph = source.graph
        let before = Checker.schema(at: Set(graph.heads), in: graph)
        let actual = try Introspector.schema(of: source.driver)
        let expected = try Introspector.canonicalTypes(before, for: source.driver)
        let changes = SchemaOps.changes(from: expected, to: actual, comparing: (
            SchemaComparison.normalized(expected, for: engine.dialect, expected: true), SchemaComparison.normalized(actual, for: engine.dialect, expected: false)))
        let text = changes.statements.map { Printer.print(statements: [$0], indent: 0) }.joined()
        #expect(text == "add column users.nickname varchar(40)\ncreate index users_nickname_idx on users (nickname)\n")
        let header = RevisionHeader(revision: Identifier("g1"), parents: graph.heads.map { Identifier($0) }, message: StringLiteral("by hand"))
        let generated = GeneratedRevision.make(header: header, statements: changes.statements, before: before, path: dir + "/g1_by_hand.mig", lint: nil)
        try generated.text.write(toFile: generated.file.path, atomically: true, encoding: .utf8)
        let project = try Project.open(directory: dir)
        let stamped = try Migrator(project: project, url: url)
        _ = try stamped.stamp(["g1"], lockTimeout: 5)
        #expect(try stamped.drift().differences.map(\.description) == [])
    }
}
