import Foundation
import Testing
@testable import MigCore

/// The example histories under `examples/` form the intended graphs and, between
/// them, use every operation, modifier and referential action of the language.
@Suite struct ExampleCoverageTests {
    static let root = Golden.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func graph(_ name: String) -> (RevisionGraph, [Diagnostic]) {
        ProjectLoader.load(directory: root.appendingPathComponent(name).path).buildGraph()
    }

    @Test(arguments: ["blog", "shop", "saas"])
    func loadsAsOneHistory(_ name: String) {
        let (graph, diagnostics) = Self.graph(name)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))")
        #expect(graph.revisions.count >= 8)
        #expect(graph.heads.count == 1)
        for revision in graph.revisions.values {
            #expect(revision.id.count == 12 && revision.id.allSatisfy(\.isHexDigit) && revision.id == revision.id.lowercased())
            let fileName = URL(fileURLWithPath: revision.file.path).lastPathComponent
            #expect(fileName.hasPrefix(revision.id + "_") && fileName.hasSuffix(".mig"), "\(fileName)")
        }
    }

    @Test func shopBranchesAndMerges() {
        let (graph, _) = Self.graph("shop")
        let merges = graph.revisions.values.filter(\.isMerge)
        #expect(merges.count == 1 && merges.first?.parents.count == 2)
        #expect(Set(graph.labels.keys) == ["billing", "shipping"])
        #expect(graph.revisions.values.contains { !$0.depends.isEmpty })
        #expect(graph.revisions.values.filter(\.isBranchPoint).count == 1)
    }

    /// Between them the examples use every operation, modifier and action.
    @Test func examplesCoverTheLanguage() throws {
        let graphs = ["blog", "shop", "saas"].map { Self.graph($0).0 }
        var seen = Set<String>()
        for graph in graphs {
            for revision in graph.revisions.values {
                if revision.file.header.runsOutsideTransaction { seen.insert("transaction off") }
                if case .irreversible? = revision.file.downgrade { seen.insert("downgrade irreversible") }
                var statements = revision.file.upgrade?.statements ?? []
                if case .block(let b)? = revision.file.downgrade { statements += b.statements }
                for s in statements { seen.formUnion(Self.features(s.operation)) }
            }
        }
        let expected: Set<String> = [
            "create table", "drop table", "rename table", "add column", "drop column", "rename column",
            "alter type", "set not null", "drop not null", "set default", "drop default",
            "create index", "unique index", "partial index", "concurrently", "desc", "drop index",
            "add unique", "add foreign key", "add check", "add primary key", "drop constraint",
            "sql", "sql reverse", "sql dialect", "transaction off", "downgrade irreversible",
            "null", "not null", "primary key", "unique", "default", "autoincrement", "references", "check",
            "table primary key", "table unique", "table foreign key", "table check", "composite foreign key",
            "action cascade", "action set null", "action set default", "action restrict", "action no action", "on update",
            "insert", "update", "delete", "backfill", "reverse block", "reverse nothing", "case",
        ]
        #expect(expected.subtracting(seen).isEmpty, "not used by any example: \(expected.subtracting(seen).sorted())")
    }

    static func features(_ op: MigCore.Operation) -> Set<String> {
        var out = Set<String>()
        func target(_ t: ForeignKeyTarget) {
            for a in [t.onDelete, t.onUpdate].compactMap({ $0 }) { out.insert("action " + a.rawValue) }
            if t.onUpdate != nil { out.insert("on update") }
            if t.columns.count > 1 { out.insert("composite foreign key") }
        }
        switch op {
        case .createTable(let c):
            out.insert("create table")
            for column in c.columns {
                for m in column.modifiers {
                    switch m.kind {
                    case .null: out.insert("null")
                    case .notNull: out.insert("not null")
                    case .primaryKey: out.insert("primary key")
                    case .unique: out.insert("unique")
                    case .defaultValue: out.insert("default")
                    case .autoincrement: out.insert("autoincrement")
                    case .references(let t): out.insert("references"); target(t)
                    case .check: out.insert("check")
                    }
                }
            }
            for k in c.constraints {
                switch k.kind {
                case .primaryKey: out.insert("table primary key")
                case .unique: out.insert("table unique")
                case .foreignKey(_, _, let t): out.insert("table foreign key"); target(t)
                case .check: out.insert("table check")
                }
            }
        case .dropTable: out.insert("drop table")
        case .renameTable: out.insert("rename table")
        case .addColumn(let a):
            out.insert("add column")
            if a.column.modifiers.contains(where: { $0.kind == .null }) { out.insert("null") }
            for m in a.column.modifiers { if case .references(let t) = m.kind { target(t) } }
        case .dropColumn: out.insert("drop column")
        case .renameColumn: out.insert("rename column")
        case .alterColumn(let a):
            switch a.change {
            case .type: out.insert("alter type")
            case .setNotNull: out.insert("set not null")
            case .dropNotNull: out.insert("drop not null")
            case .setDefault: out.insert("set default")
            case .dropDefault: out.insert("drop default")
            }
        case .createIndex(let c):
            out.insert("create index")
            if c.unique { out.insert("unique index") }
            if c.predicate != nil { out.insert("partial index") }
            if c.concurrently { out.insert("concurrently") }
            if c.columns.contains(where: \.descending) { out.insert("desc") }
            if c.options.method != nil { out.insert("index using") }
            if c.columns.contains(where: { $0.expression != nil }) { out.insert("expression key") }
            if !c.options.include.isEmpty { out.insert("index include") }
            if c.options.nullsNotDistinct { out.insert("nulls not distinct") }
        case .dropIndex: out.insert("drop index")
        case .addConstraint(let a):
            switch a.kind {
            case .unique: out.insert("add unique")
            case .foreignKey(_, let t): out.insert("add foreign key"); target(t)
            case .check: out.insert("add check")
            case .primaryKey: out.insert("add primary key")
            }
        case .dropConstraint: out.insert("drop constraint")
        case .validateConstraint: out.insert("validate constraint")
        case .sql(let s):
            out.insert("sql")
            if s.reverse != nil { out.insert("sql reverse") }
            if s.dialect != nil { out.insert("sql dialect") }
        case .insert: out.insert("insert")
        case .update(let u):
            out.insert("update")
            if u.assignments.contains(where: { if case .caseWhen = $0.value.kind { true } else { false } }) { out.insert("case") }
        case .delete: out.insert("delete")
        case .createEnum, .dropEnum, .renameEnum, .alterEnum: out.insert(MigParser.enumOperationName(op))
        case .createView(let v): out.insert(v.depends == nil ? "create view" : "view depends")
        case .replaceView: out.insert("replace view")
        case .dropView: out.insert("drop view")
        case .renameView: out.insert("rename view")
        case .comment(let c): out.insert(c.text == nil ? "comment null" : "comment")
        }
        switch op.dataReverse {
        case .nothing?: out.insert("reverse nothing")
        case .block?: out.insert("reverse block")
        case nil: break
        }
        if case .addColumn(let a) = op, let b = a.backfill {
            out.insert("backfill")
            if case .caseWhen = b.kind { out.insert("case") }
        }
        return out
    }
}
