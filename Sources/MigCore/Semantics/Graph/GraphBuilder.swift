// `RevisionGraph.build`: index the files by revision id, check every header edge,
// drop the bad ones (with a diagnostic), break cycles, then order the rest.

extension RevisionGraph {
    /// Words `RevisionSpecifier` gives a meaning of its own; no label may use them.
    public static let reservedNames: Set<String> = ["head", "heads", "base", "current"]

    /// Builds the graph of `files` (in the order given: the first of two files with the
    /// same id wins). Never fails: bad edges are reported and left out.
    public static func build(_ files: [MigFile]) -> (RevisionGraph, [Diagnostic]) {
        var builder = GraphBuilder()
        builder.index(files)
        builder.collectLabels()
        builder.linkEdges()
        builder.breakCycles()
        return (builder.finish(), builder.diagnostics)
    }
}

private struct GraphBuilder {
    var diagnostics: [Diagnostic] = []
    /// Kept revisions in input order, and where each one's id was written.
    var order: [String] = []
    var revisions: [String: RevisionGraph.Revision] = [:]
    var idSpans: [String: Identifier] = [:]
    var labels: [String: String] = [:]

    mutating func index(_ files: [MigFile]) {
        for file in files {
            guard let id = file.header.revision else {
                let span = file.header.span.isSynthesized ? SourceSpan.file(file.path) : file.header.span.startPoint
                diagnostics.append(GraphDiagnostics.missingRevision(path: file.path, at: span))
                continue
            }
            if id.name.isEmpty || !id.name.allSatisfy(GraphDiagnostics.isIDCharacter) {
                diagnostics.append(GraphDiagnostics.invalidID(id))
            }
            if let first = idSpans[id.name] {
                diagnostics.append(GraphDiagnostics.duplicateID(id, first: first))
                continue
            }
            idSpans[id.name] = id
            order.append(id.name)
            revisions[id.name] = RevisionGraph.Revision(id: id.name, file: file)
        }
    }

    mutating func collectLabels() {
        var labelSpans: [String: Identifier] = [:]
        for id in order {
            var own: [Identifier] = []
            for label in revisions[id]!.file.header.labels {
                if let first = own.first(where: { $0.name == label.name }) {
                    diagnostics.append(GraphDiagnostics.listedTwice(label, kind: "label", first: first))
                    continue
                }
                own.append(label)
                if RevisionGraph.reservedNames.contains(label.name) {
                    diagnostics.append(GraphDiagnostics.reservedLabel(label))
                } else if let revision = idSpans[label.name] {
                    diagnostics.append(GraphDiagnostics.labelIsID(label, revision: revision))
                } else if let owner = labels[label.name], let first = labelSpans[label.name] {
                    diagnostics.append(GraphDiagnostics.labelTwice(label, owner: id, first: first, firstOwner: owner))
                } else {
                    labels[label.name] = id
                    labelSpans[label.name] = label
                    revisions[id]!.labels.append(label.name)
                }
            }
        }
    }

    mutating func linkEdges() {
        let known = Set(order)
        let labels = labels
        for id in order {
            let header = revisions[id]!.file.header
            let parents = checkedEdges(header.parents, of: id, kind: "parent") { known.contains($0) ? $0 : nil }
            // A dependency that is also a parent adds nothing; keep one edge.
            let depends = checkedEdges(header.depends, of: id, kind: "dependency") { name in
                known.contains(name) ? name : labels[name]
            }.filter { !parents.contains($0) }
            revisions[id]!.parents = parents
            revisions[id]!.depends = depends
        }
    }

    /// The names of one header line that are valid edges; reports the rest.
    private mutating func checkedEdges(
        _ names: [Identifier], of id: String, kind: String, resolve: (String) -> String?
    ) -> [String] {
        var kept: [String] = []
        var written: [Identifier] = []
        for name in names {
            defer { written.append(name) }
            if let first = written.first(where: { $0.name == name.name }) {
                diagnostics.append(GraphDiagnostics.listedTwice(name, kind: kind, first: first))
                continue
            }
            guard let target = resolve(name.name) else {
                let candidates = kind == "parent" ? order : order + labels.keys.sorted()
                let suggestion = Suggest.closest(to: name.name, in: candidates.filter { $0 != id })
                diagnostics.append(
                    kind == "parent"
                        ? GraphDiagnostics.unknownParent(name, of: id, suggestion: suggestion)
                        : GraphDiagnostics.unknownDependency(name, of: id, suggestion: suggestion))
                continue
            }
            if target == id {
                diagnostics.append(GraphDiagnostics.selfReference(name, kind: kind))
                continue
            }
            if !kept.contains(target) { kept.append(target) }
        }
        return kept
    }

    /// Depth-first search over parent and depends edges (iteratively: histories are
    /// long chains); every back edge closes a cycle and is dropped. Removing all back
    /// edges of one DFS leaves a DAG.
    mutating func breakCycles() {
        enum Mark { case active, done }
        var marks: [String: Mark] = [:]
        var dropped: [(child: String, parent: String, cycle: [String])] = []
        var edgesOf: [String: [String]] = [:]
        edgesOf.reserveCapacity(order.count)
        for id in order { edgesOf[id] = revisions[id]!.parents + revisions[id]!.depends }
        for root in order.sorted() where marks[root] == nil {
            var stack: [(id: String, next: Int)] = [(root, 0)]
            marks[root] = .active
            while let top = stack.last {
                let edges = edgesOf[top.id]!
                guard top.next < edges.count else {
                    marks[top.id] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let parent = edges[top.next]
                switch marks[parent] {
                case nil:
                    marks[parent] = .active
                    stack.append((parent, 0))
                case .active:
                    let start = stack.firstIndex { $0.id == parent }!
                    dropped.append((top.id, parent, stack[start...].map(\.id)))
                case .done:
                    break
                }
            }
        }
        for edge in dropped {
            revisions[edge.child]!.parents.removeAll { $0 == edge.parent }
            revisions[edge.child]!.depends.removeAll { $0 == edge.parent }
            diagnostics.append(cycleDiagnostic(edge.child, edge.parent, followChain: edge.cycle))
        }
    }

    /// `followChain` is [parent, x1, ..., child] where each one follows the next and
    /// `child` follows `parent`; shown parent-first (`a -> b`: b follows a), from the
    /// smallest id.
    private func cycleDiagnostic(_ child: String, _ parent: String, followChain: [String]) -> Diagnostic {
        var ring = Array(followChain.reversed())
        let smallest = ring.indices.min { ring[$0] < ring[$1] }!
        ring = Array(ring[smallest...] + ring[..<smallest])
        var notes: [DiagnosticNote] = []
        for (i, later) in ring.enumerated() {
            let earlier = ring[(i + ring.count - 1) % ring.count]
            if later == child && earlier == parent { continue }
            if let span = edgeSpan(later, earlier) {
                notes.append(DiagnosticNote("`\(later)` follows `\(earlier)`", at: span))
            }
        }
        let span = edgeSpan(child, parent) ?? .file(revisions[child]!.file.path)
        return GraphDiagnostics.cycle(ring + [ring[0]], at: span, notes: notes)
    }

    /// Where `child`'s header names `parent` (as a parent, a dependency or a label).
    private func edgeSpan(_ child: String, _ parent: String) -> SourceSpan? {
        let header = revisions[child]!.file.header
        let names = header.parents + header.depends
        return names.first { $0.name == parent || labels[$0.name] == parent }?.span
    }

    /// Fills the reverse edges and orders the graph.
    mutating func finish() -> RevisionGraph {
        for id in order {
            for p in revisions[id]!.parents { revisions[p]!.children.append(id) }
            for d in revisions[id]!.depends { revisions[d]!.dependents.append(id) }
        }
        for id in order {
            revisions[id]!.children.sort()
            revisions[id]!.dependents.sort()
        }
        let sorted = TopologicalSort.order(revisions)
        return RevisionGraph(revisions: revisions, topologicalOrder: sorted, labels: labels)
    }
}
