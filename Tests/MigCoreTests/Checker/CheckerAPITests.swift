import Foundation
import Testing
@testable import MigCore

/// The checker's entry points other phases call: `schema(at:in:)`, `fold`, `checked`.
@Suite struct CheckerAPITests {
    static func graph(_ area: String) -> RevisionGraph {
        CheckHarness.run(Golden.fixtures.appendingPathComponent(area)).graph
    }

    @Test func schemaAtHeadsIsTheUnionOfBranches() {
        let g = Self.graph("check/ok/merge_clean")
        let merged = Checker.schema(at: ["d4"], in: g)
        #expect(merged.tables["users"]?.column(named: "email") != nil)
        #expect(merged.tables["teams"]?.column(named: "owner_id")?.nullable == false)
        #expect(merged.indexes["users_email_idx"] != nil)
        // Both branch heads applied, no merge revision: the same tables, not its changes.
        let heads = Checker.schema(at: ["b2", "c3"], in: g)
        #expect(Set(heads.tables.keys) == ["users", "teams"])
        #expect(heads.indexes["users_email_idx"] == nil)
        #expect(Checker.schema(at: [], in: g) == .empty)
    }

    @Test func foldStreamsUpgradePathsAndBuffersOthers() {
        let g = Self.graph("check/ok/derived_downgrades")
        var up: [String] = []
        var previous: Schema = .empty
        Checker.fold(g, order: ["a1", "b2", "c3"]) { r in
            up.append(r.id)
            #expect(SchemaDiff.between(expected: previous, actual: r.before).isEmpty)
            previous = r.after
        }
        #expect(up == ["a1", "b2", "c3"])
        #expect(previous.tables.isEmpty)
        var down: [String] = []
        Checker.fold(g, order: ["c3", "b2"]) { r in
            down.append(r.id)
            #expect(r.downgradeIsDerived)
            let restored = r.downgrade?.last?.after ?? .empty
            #expect(SchemaDiff.between(expected: r.before, actual: restored).isEmpty)
        }
        #expect(down == ["c3", "b2"])
    }

    @Test func checkedGivesOneRevisionWithItsDerivedDowngrade() throws {
        let g = Self.graph("check/ok/derived_downgrades")
        let r = try #require(Checker.checked("c3", in: g))
        #expect(r.before.tables.keys.sorted() == ["customers", "purchases"])
        #expect(r.after.tables.isEmpty)
        #expect(r.downgrade?.first.map { if case .createTable = $0.statement.operation { true } else { false } } == true)
    }

    @Test func reportListsIrreversibleAndDerivedRevisions() {
        let g = Self.graph("check/ok/written_downgrades")
        let report = Checker.check(g, options: CheckOptions())
        #expect(report.diagnostics.isEmpty)
        #expect(report.irreversible == ["c3"])
        #expect(report.derivedDowngrades.isEmpty)
    }

    /// A linear history holds one schema at a time, not one per revision.
    @Test func linearHistoryKeepsOneSchemaAlive() {
        var files: [MigFile] = []
        var parent: String?
        for i in 0..<60 {
            let id = "r\(i)"
            let op: MigCore.Operation = i == 0
                ? .createTable(CreateTable(name: Identifier("t"), columns: [ColumnDefinition(name: Identifier("id"), type: TypeReference(.int))]))
                : .addColumn(AddColumn(table: Identifier("t"), column: ColumnDefinition(name: Identifier("c\(i)"), type: TypeReference(.text))))
            let header = RevisionHeader(revision: Identifier(id), parents: parent.map { [Identifier($0)] } ?? [], message: StringLiteral("m"))
            files.append(MigFile(path: "\(id).mig", header: header, upgrade: Block(statements: [Statement(op)]), downgrade: nil, span: .synthesized))
            parent = id
        }
        let (graph, _) = RevisionGraph.build(files)
        var folder = HistoryFolder(graph: Checker.foldGraph(graph, order: graph.topologicalOrder))
        var peak = 0
        for id in graph.topologicalOrder {
            let (before, _) = folder.before(id)
            folder.store(id, after: before.applying(files.first { $0.header.revision?.name == id }!.upgrade!.statements))
            peak = max(peak, folder.liveCount)
        }
        #expect(peak == 1)
    }
}

/// The merge walk finds exactly what each side lacks, whatever the shape.
@Suite struct DivergenceTests {
    static func folder(_ parents: [String: [String]]) -> HistoryFolder {
        // Topological order: by id, which the cases below respect.
        HistoryFolder(graph: FoldGraph(order: parents.keys.sorted(), parents: parents, files: [:]))
    }

    @Test func diamond() {
        let f = Self.folder(["a": [], "b1": ["a"], "b2": ["b1"], "c1": ["a"], "d": ["b2", "c1"]])
        #expect(f.divergence(["b2"], "c1") == (theirs: ["c1"], mine: ["b1", "b2"]))
    }

    @Test func twoRoots() {
        let f = Self.folder(["a": [], "b": [], "c": ["a", "b"]])
        #expect(f.divergence(["a"], "b") == (theirs: ["b"], mine: ["a"]))
    }

    @Test func ancestorSide() {
        let f = Self.folder(["a": [], "b": ["a"], "c": ["b"]])
        #expect(f.divergence(["c"], "a") == (theirs: [], mine: ["b", "c"]))
        #expect(f.divergence(["a"], "c") == (theirs: ["b", "c"], mine: []))
    }

    @Test func crissCross() {
        let f = Self.folder(["a": [], "b": ["a"], "c": ["a"], "d": ["b", "c"], "e": ["b", "c"], "f": ["d"], "g": ["e"]])
        #expect(f.divergence(["f"], "g") == (theirs: ["e", "g"], mine: ["d", "f"]))
    }
}
