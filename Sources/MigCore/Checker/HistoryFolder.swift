// Streams revisions through the schema model in topological order, keeping a
// schema only for revisions whose children have not all been folded yet (a
// reference count per revision), so a long linear history holds one or two
// schemas at a time, not one per revision.
//
// A merge (or a revision with `depends`) starts from its first parent's schema and
// replays, op by op, the revisions only the other parents have: exactly what a
// database that took the other branch afterwards goes through. An op that fails
// there is a conflict between the branches (both add `users.email`, one drops a
// column the other renamed, two roots create the same table).

/// What the folder needs of a revision graph.
struct FoldGraph: Sendable {
    /// Topological order: parents (and depends) before children.
    var order: [String]
    /// Parents then depends, only ids that exist.
    var parents: [String: [String]]
    var files: [String: MigFile]
}

struct HistoryFolder {
    let graph: FoldGraph
    private var live: [String: Schema] = [:]
    private var pending: [String: Int] = [:]
    /// Revisions whose own upgrade has errors: replaying them at a merge says nothing new.
    var failed: Set<String> = []

    /// Position of each revision in `graph.order`.
    let positions: [String: Int]

    init(graph: FoldGraph, pinned: Set<String> = []) {
        self.graph = graph
        var positions: [String: Int] = [:]
        positions.reserveCapacity(graph.order.count)
        for (i, id) in graph.order.enumerated() { positions[id] = i }
        self.positions = positions
        for id in graph.order { for p in graph.parents[id] ?? [] { pending[p, default: 0] += 1 } }
        for id in pinned { pending[id, default: 0] += 1 }
    }

    /// The schema a revision starts from, with merge-conflict errors.
    mutating func before(_ id: String) -> (Schema, [Diagnostic]) {
        let parents = (graph.parents[id] ?? []).filter { live[$0] != nil }
        defer { for p in parents { release(p) } }
        guard let first = parents.first else { return (.empty, []) }
        if parents.count == 1 { return (live[first]!, []) }
        return union(parents, reportingAt: graph.files[id])
    }

    /// Stores a folded revision's schema while its children still need it.
    mutating func store(_ id: String, after: Schema) {
        if (pending[id] ?? 0) > 0 { live[id] = after }
    }

    func schema(of id: String) -> Schema? { live[id] }

    /// How many schemas are held right now (for the memory tests).
    var liveCount: Int { live.count }

    private mutating func release(_ id: String) {
        let left = (pending[id] ?? 1) - 1
        pending[id] = left
        if left <= 0 { live[id] = nil }
    }

    /// The schema after all of `ids` (live schemas), replaying what the first lacks.
    func union(_ ids: [String], reportingAt file: MigFile?) -> (Schema, [Diagnostic]) {
        union(ids) { problem, statement, r, mine in file.map { conflict(problem, statement, in: r, against: mine, at: $0) } }
    }

    /// `union`, turning each failing op into a diagnostic with `report(problem,
    /// statement, its revision, the revisions only the other side has)`.
    func union(_ ids: [String], report: (Diagnostic, Statement, String, [String]) -> Diagnostic?) -> (Schema, [Diagnostic]) {
        guard let first = ids.first, var schema = live[first] else { return (.empty, []) }
        var side = [first]
        var diagnostics: [Diagnostic] = []
        for other in ids.dropFirst() {
            let (theirs, mine) = divergence(side, other)
            for r in theirs {
                guard let rf = graph.files[r] else { continue }
                for statement in rf.upgrade?.statements ?? [] {
                    var checker = OpChecker(schema: schema)
                    checker.check(statement)
                    checker.finish()
                    schema = checker.schema
                    guard let problem = checker.diagnostics.first(where: { $0.severity == .error }), !failed.contains(r),
                          let diagnostic = report(problem, statement, r, mine) else { continue }
                    diagnostics.append(diagnostic)
                }
            }
            side.append(other)
        }
        return (schema, diagnostics)
    }

    /// The revision of `side` that last touches the tables of `statement`.
    func culprit(of statement: Statement, in side: [String]) -> (id: String, statement: Statement)? {
        let names = statement.operation.tableNames
        for id in side.reversed() {
            if let s = graph.files[id]?.upgrade?.statements.last(where: { !$0.operation.tableNames.isDisjoint(with: names) }) { return (id, s) }
        }
        return nil
    }

    /// `side`: the revisions only the other parents have, in topological order.
    private func conflict(_ problem: Diagnostic, _ statement: Statement, in revision: String, against side: [String], at file: MigFile) -> Diagnostic {
        let names = statement.operation.tableNames
        let culprit = side.reversed().first { id in
            (graph.files[id]?.upgrade?.statements ?? []).contains { !$0.operation.tableNames.isDisjoint(with: names) }
        }
        var notes = [DiagnosticNote("revision `\(revision)` does this here", at: statement.span)]
        if let culprit, let s = graph.files[culprit]?.upgrade?.statements.last(where: { !$0.operation.tableNames.isDisjoint(with: names) }) {
            notes.append(DiagnosticNote("revision `\(culprit)` changes it here", at: s.span))
        }
        let other = culprit.map { " and `\($0)`" } ?? ""
        let span = file.header.parents.first?.span ?? file.header.revision?.span ?? file.span
        let id = file.header.revision?.name ?? "?"
        let what = names.sorted().map { "`\($0)`" }.joined(separator: ", ")
        let subject = culprit == nil ? "changes" : "both change"
        return .error("revision `\(id)` merges conflicting branches: `\(revision)`\(other) \(subject) \(what): \(problem.message)",
                      at: span, code: .branchConflict, notes: notes + problem.notes)
    }
}

extension Operation {
    /// The tables an op touches, for finding what it conflicts with.
    var tableNames: Set<String> {
        switch self {
        case .createTable(let c): [c.name.name]
        case .dropTable(let d): [d.name.name]
        case .renameTable(let r): [r.name.name, r.newName.name]
        case .addColumn(let a): [a.table.name]
        case .dropColumn(let d): [d.table.name]
        case .renameColumn(let r): [r.table.name]
        case .alterColumn(let a): [a.table.name]
        case .createIndex(let c): [c.table.name, c.name.name]
        case .dropIndex(let d): [d.name.name]
        case .addConstraint(let a): Set([a.table.name] + (a.usingIndex.map { [$0.name] } ?? []))
        case .dropConstraint(let d): [d.table.name]
        case .validateConstraint(let v): [v.table.name]
        case .sql: []
        case .insert(let i): [i.table.name]
        case .update(let u): [u.table.name]
        case .delete(let d): [d.table.name]
        case .createEnum, .dropEnum, .renameEnum, .alterEnum: enumNames
        case .createView(let v), .replaceView(let v): [v.name.name]
        case .dropView(let d): [d.name.name]
        case .renameView(let r): [r.name.name, r.newName.name]
        case .comment(let c): [c.table.name]
        }
    }
}
