// `migc squash`: one revision that creates the schema at REV and `replaces` every
// revision from the base up to REV (REV last). Refused, with every reason listed,
// when the range holds `sql` blocks (a schema cannot carry what raw SQL did to the
// data), a branch leaves the range before REV, or a revision that is a squash
// already (databases stopped inside its range would lose their originals).

public struct SquashPlan: Sendable {
    /// The replaced revisions in topological order, REV last.
    public var replaced: [String]
    public var revision: GeneratedRevision
}

public struct SquashRefusal: Error, Sendable {
    public var problems: [String]
}

public enum Squash {
    public static func plan(
        _ graph: RevisionGraph, to last: String, header: RevisionHeader, path: String, lint: LintConfig?
    ) throws(SquashRefusal) -> SquashPlan {
        let range = graph.inTopologicalOrder(graph.closure(of: [last]))
        try refuseUnsquashable(range, last: last, graph: graph)
        let schema = Checker.schema(at: [last], in: graph)
        var header = header
        header.labels = range.flatMap { graph.revisions[$0]!.labels }.map { Identifier($0) }
        header.replaces = range.map { Identifier($0) }
        let revision = GeneratedRevision.make(header: header, statements: SchemaOps.creating(schema), before: .empty, path: path, lint: lint)
        if !SchemaDiff.between(expected: schema, actual: revision.after).isEmpty {
            throw SquashRefusal(problems: ["the squash would not recreate the schema at \(last) (a migc bug: please report it)"])
        }
        return SquashPlan(replaced: range, revision: revision)
    }

    static func refuseUnsquashable(_ range: [String], last: String, graph: RevisionGraph) throws(SquashRefusal) {
        guard range.count > 1 else { throw SquashRefusal(problems: ["\(last) is a base revision: nothing to squash it with"]) }
        let inRange = Set(range)
        var problems: [String] = []
        for id in range {
            let r = graph.revisions[id]!
            if id != last, let child = (r.children + r.dependents).first(where: { !inRange.contains($0) }) {
                problems.append("revision \(child) follows \(id), inside the range but not \(last): squash up to a revision every branch has reached (merge first)")
            }
            if !r.file.header.replaces.isEmpty {
                problems.append("revision \(id) is already a squash: squashing it again would leave databases stopped inside its range without their originals; squash again once every database has passed it, by hand")
            }
            for statement in r.file.upgrade?.statements ?? [] {
                switch statement.operation {
                case .sql:
                    problems.append("revision \(id) runs a `sql` block (\(statement.span)): a squash recreates the schema, not what raw SQL did to the data; squash up to a revision before it")
                case .insert, .update, .delete:
                    problems.append("revision \(id) changes rows (\(statement.span)): a squash recreates the schema, not the rows; squash up to a revision before it")
                default:
                    break
                }
            }
        }
        if !problems.isEmpty { throw SquashRefusal(problems: problems) }
    }
}
