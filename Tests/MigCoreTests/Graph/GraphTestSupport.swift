@testable import MigCore

/// A header-only revision file built by hand, for graph tests that need no parser.
func revision(
    _ id: String?, parents: [String] = [], depends: [String] = [], labels: [String] = [],
    message: String? = nil, path: String? = nil
) -> MigFile {
    let header = RevisionHeader(
        revision: id.map { Identifier($0) }, parents: parents.map { Identifier($0) },
        message: StringLiteral(message ?? "revision \(id ?? "?")"), labels: labels.map { Identifier($0) },
        depends: depends.map { Identifier($0) })
    return MigFile(path: path ?? "\(id ?? "none").mig", header: header, upgrade: nil, downgrade: nil, span: .synthesized)
}

/// Builds a graph from `(id, parents)` pairs; depends and labels by id.
func graph(
    _ edges: [(String, [String])], depends: [String: [String]] = [:], labels: [String: [String]] = [:]
) -> (RevisionGraph, [Diagnostic]) {
    RevisionGraph.build(edges.map { id, parents in
        revision(id, parents: parents, depends: depends[id] ?? [], labels: labels[id] ?? [])
    })
}

/// A linear history r0000 <- r0001 <- ... of `count` revisions.
func linearHistory(_ count: Int) -> [MigFile] {
    (0..<count).map { i in revision(rid(i), parents: i == 0 ? [] : [rid(i - 1)]) }
}

/// `r00042` for 42: ids that sort in numeric order.
func rid(_ i: Int) -> String {
    let digits = String(i)
    return "r" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
}

/// The diamond: a <- b, a <- c, (b, c) <- m.
let diamond: [(String, [String])] = [("a", []), ("b", ["a"]), ("c", ["a"]), ("m", ["b", "c"])]
