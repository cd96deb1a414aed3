/// What a specifier resolved to: the set of revisions that should be the version
/// table's heads. Empty means `base` (nothing applied).
public struct RevisionTarget: Hashable, Sendable, CustomStringConvertible {
    /// Sorted ids.
    public var revisions: [String]

    public init(_ revisions: some Sequence<String>) { self.revisions = Set(revisions).sorted() }

    public static let base = RevisionTarget([])
    public var isBase: Bool { revisions.isEmpty }
    public var description: String { isBase ? "base" : revisions.joined(separator: ", ") }
}

extension RevisionGraph {
    /// Parses and resolves `spec`; `current` is the applied heads (empty offline).
    public func resolve(_ spec: String, current: Set<String>) throws(RevisionError) -> RevisionTarget {
        try resolve(RevisionSpecifier.parse(spec), current: current)
    }

    public func resolve(_ spec: RevisionSpecifier, current: Set<String>) throws(RevisionError) -> RevisionTarget {
        switch spec {
        case .head:
            guard !heads.isEmpty else { throw .noRevisions }
            guard heads.count == 1 else { throw .multipleHeads(heads) }
            return RevisionTarget(heads)
        case .heads:
            return RevisionTarget(heads)
        case .base:
            return .base
        case .current:
            return RevisionTarget(current)
        case let .name(name):
            return RevisionTarget([try revisionID(named: name)])
        case let .headOf(name):
            let start = try revisionID(named: name)
            let reachable = headsReachable(from: start)
            guard reachable.count == 1 else { throw .multipleHeadsFrom(name + "@head", heads: reachable) }
            return RevisionTarget(reachable)
        case let .relative(nil, steps):
            let count = abs(steps)
            let path = steps > 0
                ? upgradePath(from: current, to: RevisionTarget(heads))
                : try downgradePath(from: current, to: .base)
            guard path.count >= count else {
                throw steps > 0
                    ? .notEnoughPending(requested: steps, pending: path.count)
                    : .notEnoughApplied(requested: count, applied: path.count)
            }
            let taken = steps > 0
                ? self.steps(applying: path.prefix(count), from: current)
                : self.steps(undoing: path.prefix(count), from: current)
            return RevisionTarget(taken.last!.headsAfter)
        case let .relative(from?, steps):
            let start = try resolve(from, current: current)
            return try walk(from: start, steps: steps, spec: spec.description, stem: from.description)
        }
    }

    /// An exact id, then a label, then a unique id prefix.
    public func revisionID(named name: String) throws(RevisionError) -> String {
        if revisions[name] != nil { return name }
        if let labelled = labels[name] { return labelled }
        let candidates = revisions.keys.filter { $0.hasPrefix(name) }.sorted()
        if candidates.count == 1 { return candidates[0] }
        if candidates.count > 1 { throw .ambiguousPrefix(name, candidates: candidates) }
        if revisions.isEmpty { throw .noRevisions }
        throw .unknownRevision(name, suggestion: Suggest.closest(to: name, in: Array(revisions.keys) + labels.keys))
    }

    /// `REV+N` / `REV-N`: follow the only child / parent N times. Going back from a
    /// base reaches `base` (nothing applied); going forward from `base` needs a single
    /// base.
    private func walk(from start: RevisionTarget, steps: Int, spec: String, stem: String) throws(RevisionError) -> RevisionTarget {
        guard start.revisions.count <= 1 else { throw .needsSingleRevision(stem, got: start.revisions) }
        var at: String? = start.revisions.first
        if let id = at, revisions[id] == nil { throw .unknownRevision(id, suggestion: nil) }
        for done in 0..<abs(steps) {
            if steps > 0 {
                let next = at.map { revisions[$0]!.children } ?? bases
                guard !next.isEmpty else { throw .pastHead(spec, steps: abs(steps) - done) }
                guard next.count == 1 else { throw .branchesAfter(at ?? "", children: next) }
                at = next[0]
            } else {
                guard let id = at else { throw .pastBase(spec, steps: abs(steps) - done) }
                let back = revisions[id]!.parents
                guard back.count <= 1 else { throw .mergeBefore(id, parents: back) }
                at = back.first
            }
        }
        return RevisionTarget(at.map { [$0] } ?? [])
    }
}
