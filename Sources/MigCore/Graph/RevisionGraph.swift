// The revision graph: every revision of a project indexed by id, with its edges in
// both directions and a deterministic topological order. Built once per run from
// the parsed files (`RevisionGraph.build`); everything after it (checker, paths,
// history) reads it. Edges that are wrong (unknown parents, cycles, ...) are reported
// and dropped, so the graph is always a DAG and later phases can still run.

public struct RevisionGraph: Sendable {
    /// One revision and its edges. `parents` and `depends` keep the order written
    /// (minus dropped edges); `children` and `dependents` are sorted by id.
    public struct Revision: Sendable {
        public var id: String
        public var file: MigFile
        /// Revisions this one follows (`parent`); two or more make it a merge.
        public var parents: [String]
        /// Revisions that list this one as a parent, sorted.
        public var children: [String]
        /// Revisions on other branches this one needs first (`depends`).
        public var depends: [String]
        /// Revisions that list this one in `depends`, sorted.
        public var dependents: [String]
        public var labels: [String]

        public init(
            id: String, file: MigFile, parents: [String] = [], children: [String] = [],
            depends: [String] = [], dependents: [String] = [], labels: [String] = []
        ) {
            self.id = id
            self.file = file
            self.parents = parents
            self.children = children
            self.depends = depends
            self.dependents = dependents
            self.labels = labels
        }

        /// The `message` line, or "" when missing.
        public var message: String { file.header.message?.value ?? "" }
        public var isMerge: Bool { parents.count > 1 }
        public var isBranchPoint: Bool { children.count > 1 }
        public var isHead: Bool { children.isEmpty }
        public var isBase: Bool { parents.isEmpty }
    }

    public var revisions: [String: Revision]
    /// Parents and depends before children; ties broken by id.
    public var topologicalOrder: [String]
    /// Revisions no other revision names as a parent, sorted by id. A revision that is
    /// only depended upon is still the head of its own branch (as in Alembic).
    public var heads: [String]
    /// Revisions with no parent, sorted by id.
    public var bases: [String]
    /// Branch label -> the revision that carries it.
    public var labels: [String: String]
    /// Ids that squash revisions replace (their files moved aside) -> the squash.
    public var replacedBy: [String: String] = [:]
    /// Position of each id in `topologicalOrder`.
    public var topologicalIndex: [String: Int]

    public init(revisions: [String: Revision], topologicalOrder: [String], labels: [String: String]) {
        self.init(
            revisions: revisions, topologicalOrder: topologicalOrder, labels: labels,
            heads: revisions.values.filter(\.isHead).map(\.id).sorted(),
            bases: revisions.values.filter(\.isBase).map(\.id).sorted())
    }

    init(revisions: [String: Revision], topologicalOrder: [String], labels: [String: String], heads: [String], bases: [String]) {
        self.revisions = revisions
        self.topologicalOrder = topologicalOrder
        self.labels = labels
        self.heads = heads
        self.bases = bases
        var index: [String: Int] = [:]
        index.reserveCapacity(topologicalOrder.count)
        for (i, id) in topologicalOrder.enumerated() { index[id] = i }
        topologicalIndex = index
    }

    public static let empty = RevisionGraph(revisions: [:], topologicalOrder: [], labels: [:])

    public subscript(id: String) -> Revision? { revisions[id] }
    public var count: Int { revisions.count }
    public var isEmpty: Bool { revisions.isEmpty }

    /// Revisions with more than one child, sorted by id.
    public var branchPoints: [String] { topologicalOrder.filter { revisions[$0]!.isBranchPoint }.sorted() }
    /// Revisions with more than one parent, sorted by id.
    public var mergePoints: [String] { topologicalOrder.filter { revisions[$0]!.isMerge }.sorted() }

    public func children(of id: String) -> [String] { revisions[id]?.children ?? [] }
    public func parents(of id: String) -> [String] { revisions[id]?.parents ?? [] }

    /// Every revision reachable from `ids` through parents (and depends, unless
    /// `includeDepends` is false), not including `ids` themselves unless reachable.
    public func ancestors(of ids: some Sequence<String>, includeDepends: Bool = true) -> Set<String> {
        walk(from: ids, includeStart: false) { rev in
            includeDepends ? rev.parents + rev.depends : rev.parents
        }
    }

    public func ancestors(of id: String, includeDepends: Bool = true) -> Set<String> {
        ancestors(of: [id], includeDepends: includeDepends)
    }

    /// Every revision reachable from `ids` through children (and dependents).
    public func descendants(of ids: some Sequence<String>, includeDepends: Bool = true) -> Set<String> {
        walk(from: ids, includeStart: false) { rev in
            includeDepends ? rev.children + rev.dependents : rev.children
        }
    }

    public func descendants(of id: String, includeDepends: Bool = true) -> Set<String> {
        descendants(of: [id], includeDepends: includeDepends)
    }

    /// `ids` and all their ancestors: what is applied when `ids` are the version
    /// table's heads.
    public func closure(of ids: some Sequence<String>) -> Set<String> {
        walk(from: ids, includeStart: true) { $0.parents + $0.depends }
    }

    /// The heads reachable from `id` through children (itself when it is a head).
    public func headsReachable(from id: String) -> [String] {
        var reach = descendants(of: id, includeDepends: false)
        reach.insert(id)
        return reach.filter { revisions[$0]?.isHead == true }.sorted()
    }

    /// `ids` sorted by topological position (unknown ids dropped).
    public func inTopologicalOrder(_ ids: some Sequence<String>) -> [String] {
        ids.compactMap { id in topologicalIndex[id].map { (id, $0) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Iterative graph walk; ids not in the graph are ignored.
    private func walk(from start: some Sequence<String>, includeStart: Bool, next: (Revision) -> [String]) -> Set<String> {
        var seen = Set<String>()
        var stack: [String] = []
        for id in start where revisions[id] != nil {
            if includeStart { seen.insert(id) }
            stack.append(id)
        }
        while let id = stack.popLast() {
            guard let rev = revisions[id] else { continue }
            for n in next(rev) where !seen.contains(n) {
                seen.insert(n)
                stack.append(n)
            }
        }
        return seen
    }
}
