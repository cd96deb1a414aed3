// Text and JSON listings of the graph for `migc heads`, `history` and `branches`,
// in Alembic's shape so its users can read them at a glance:
//
//     a41f0c9e2b17 -> 7c1e9a20b4d3 (billing) (head), add accounts
//     <base> -> a41f0c9e2b17 (branchpoint), create users

extension RevisionGraph {
    /// The labels of the branch each revision is on: its own, plus those of the
    /// revisions before it on the same unbranched line (as Alembic shows them).
    public func branchLabels() -> [String: [String]] {
        var result: [String: [String]] = [:]
        for id in topologicalOrder {
            let rev = revisions[id]!
            var own = rev.labels
            if rev.parents.count == 1, let parent = revisions[rev.parents[0]], parent.children.count == 1 {
                own = (result[parent.id] ?? []) + own
            }
            if !own.isEmpty { result[id] = own }
        }
        return result
    }

    /// The revisions from `lower` (inclusive; base = from the start) up to `upper`
    /// (inclusive), in topological order.
    public func range(from lower: RevisionTarget, to upper: RevisionTarget) throws(RevisionError) -> [String] {
        let below = closure(of: upper.revisions)
        if let stray = lower.revisions.first(where: { !below.contains($0) }) {
            throw .notAncestor(stray, of: upper.isBase ? "base" : upper.description)
        }
        let selected = lower.isBase ? below : below.intersection(descendants(of: lower.revisions).union(lower.revisions))
        return inTopologicalOrder(selected)
    }
}

public enum GraphListing {
    /// `parents -> id (labels) (head) (branchpoint) (mergepoint), message`.
    public static func line(_ id: String, in graph: RevisionGraph, labels: [String: [String]]) -> String {
        var out = ""
        appendLine(id, in: graph, labels: labels, to: &out)
        return out
    }

    /// `line` appended in place: `history` writes 10,000 of them into one string.
    static func appendLine(_ id: String, in graph: RevisionGraph, labels: [String: [String]], to out: inout String) {
        guard let rev = graph[id] else {
            out += id
            return
        }
        if rev.parents.isEmpty { out += "<base>" }
        for (k, parent) in rev.parents.enumerated() {
            if k > 0 { out += ", " }
            out += parent
        }
        out += " -> "
        out += id
        out += markers(rev, labels: labels)
        out += ", "
        out += rev.message
    }

    /// Newest first: `ids` in reverse topological order.
    public static func history(_ ids: [String], in graph: RevisionGraph, verbose: Bool) -> String {
        let labels = graph.branchLabels()
        // The whole history is already in order (sorting 10,000 ids costs more than
        // printing them).
        let ordered = ids == graph.topologicalOrder ? ids : graph.inTopologicalOrder(ids)
        var out = ""
        for (k, id) in ordered.reversed().enumerated() {
            if verbose {
                if k > 0 { out += "\n" }
                out += block(id, in: graph, labels: labels)
            } else {
                appendLine(id, in: graph, labels: labels, to: &out)
                out += "\n"
            }
        }
        return out
    }

    /// One line per head: `id (labels) (head)`; verbose gives the full block.
    public static func heads(_ graph: RevisionGraph, verbose: Bool) -> String {
        revisions(graph.heads, in: graph, verbose: verbose)
    }

    /// One line per revision, `id (labels) (head)` (what `migc heads` and
    /// `migc current` print), or the verbose blocks. Unknown ids print as they are.
    public static func revisions(_ ids: [String], in graph: RevisionGraph, verbose: Bool) -> String {
        let labels = graph.branchLabels()
        return ids.map { id in
            guard let rev = graph[id] else { return id + "\n" }
            return verbose ? block(id, in: graph, labels: labels) : id + markers(rev, labels: labels) + "\n"
        }.joined(separator: verbose ? "\n" : "")
    }

    /// Each branch point with the revisions that follow it.
    public static func branches(_ graph: RevisionGraph, verbose: Bool) -> String {
        let labels = graph.branchLabels()
        return graph.inTopologicalOrder(graph.branchPoints).reversed().map { id in
            var out = verbose ? block(id, in: graph, labels: labels) : line(id, in: graph, labels: labels) + "\n"
            let indent = String(repeating: " ", count: parentList(graph[id]!).count)
            for child in graph[id]!.children {
                out += "\(indent) -> \(child)\(markers(graph[child]!, labels: labels)), \(graph[child]!.message)\n"
            }
            return out
        }.joined(separator: "\n")
    }

    /// The verbose block (Alembic's `--verbose`).
    public static func block(_ id: String, in graph: RevisionGraph, labels: [String: [String]]) -> String {
        guard let rev = graph[id] else { return id + "\n" }
        var out = "Rev: \(id)\(markers(rev, labels: labels, withLabels: false))\n"
        if rev.isMerge {
            out += "Merges: \(rev.parents.joined(separator: ", "))\n"
        } else {
            out += "Parent: \(rev.parents.first ?? "<base>")\n"
        }
        if rev.isBranchPoint { out += "Branches into: \(rev.children.joined(separator: ", "))\n" }
        if !rev.depends.isEmpty { out += "Also depends on: \(rev.depends.joined(separator: ", "))\n" }
        if let names = labels[id], !names.isEmpty { out += "Branch names: \(names.joined(separator: ", "))\n" }
        out += "Path: \(rev.file.path)\n\n"
        out += "    \(rev.message)\n"
        if let created = rev.file.header.created?.value { out += "\n    Created: \(created)\n" }
        return out
    }

    private static func parentList(_ rev: RevisionGraph.Revision) -> String {
        rev.parents.isEmpty ? "<base>" : rev.parents.joined(separator: ", ")
    }

    private static func markers(_ rev: RevisionGraph.Revision, labels: [String: [String]], withLabels: Bool = true) -> String {
        var out = ""
        if withLabels, let names = labels[rev.id], !names.isEmpty { out += " (\(names.joined(separator: ", ")))" }
        if rev.isHead { out += " (head)" }
        if rev.isBranchPoint { out += " (branchpoint)" }
        if rev.isMerge { out += " (mergepoint)" }
        return out
    }

    /// A JSON array, one object per revision, in the order given.
    public static func json(_ ids: [String], in graph: RevisionGraph) -> String {
        let labels = graph.branchLabels()
        let objects = ids.compactMap { id -> String? in
            guard let rev = graph[id] else { return nil }
            let fields: [(String, String)] = [
                ("revision", quote(id)),
                ("parents", array(rev.parents)),
                ("children", array(rev.children)),
                ("depends", array(rev.depends)),
                ("labels", array(rev.labels)),
                ("branch_labels", array(labels[id] ?? [])),
                ("message", quote(rev.message)),
                ("created", rev.file.header.created.map { quote($0.value) } ?? "null"),
                ("path", quote(rev.file.path)),
                ("head", String(rev.isHead)),
                ("branch_point", String(rev.isBranchPoint)),
                ("merge_point", String(rev.isMerge)),
            ]
            return "  {" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    private static func array(_ items: [String]) -> String { "[" + items.map(quote).joined(separator: ", ") + "]" }

    static func quote(_ s: String) -> String { JSONText.quote(s) }
}
