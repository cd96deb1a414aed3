import MigCore

/// The revision graph as a picture: Mermaid `flowchart` (renders on GitHub and in
/// most Markdown viewers) or Graphviz DOT. Base at the top, edges from parent to
/// child, `depends` dashed; heads drawn bold, merges as hexagons, branch labels
/// shown, and the database's current revision(s) filled when known.
enum RevisionGraphPicture {
    static func mermaid(_ graph: RevisionGraph, current: Set<String>) -> String {
        var out = "flowchart TD\n"
        let labels = graph.branchLabels()
        for id in graph.topologicalOrder {
            let rev = graph.revisions[id]!
            var text = "<b>\(id)</b><br/>\(mermaidEscaped(rev.message))"
            if !rev.labels.isEmpty || (labels[id] != nil && rev.isHead) {
                text += "<br/><i>" + mermaidEscaped((rev.labels.isEmpty ? labels[id]! : rev.labels).map { "@" + $0 }.joined(separator: " ")) + "</i>"
            }
            let (open, close) = rev.isMerge ? ("{{", "}}") : rev.isHead ? ("([", "])") : ("[", "]")
            out += "  \(node(id))\(open)\"\(text)\"\(close)\n"
        }
        for id in graph.topologicalOrder {
            let rev = graph.revisions[id]!
            for parent in rev.parents { out += "  \(node(parent)) --> \(node(id))\n" }
            for dependency in rev.depends { out += "  \(node(dependency)) -.->|depends| \(node(id))\n" }
        }
        out += "  classDef head stroke-width:3px\n"
        out += "  classDef current fill:#ffd54f,stroke:#b28704,stroke-width:3px\n"
        let heads = graph.heads.filter { !current.contains($0) }.sorted()
        if !heads.isEmpty { out += "  class \(heads.map(node).joined(separator: ",")) head\n" }
        let shown = current.filter { graph.revisions[$0] != nil }.sorted()
        if !shown.isEmpty { out += "  class \(shown.map(node).joined(separator: ",")) current\n" }
        return out
    }

    static func dot(_ graph: RevisionGraph, current: Set<String>) -> String {
        var out = "digraph migrations {\n"
        out += "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [color=\"#555555\"];\n"
        let labels = graph.branchLabels()
        for id in graph.topologicalOrder {
            let rev = graph.revisions[id]!
            var text = "\(id)\\n\(dotEscaped(rev.message))"
            let names = rev.labels.isEmpty && rev.isHead ? labels[id] ?? [] : rev.labels
            if !names.isEmpty { text += "\\n" + dotEscaped(names.map { "@" + $0 }.joined(separator: " ")) }
            var attributes = ["label=\"\(text)\""]
            if rev.isMerge { attributes.append("shape=hexagon") }
            if rev.isHead { attributes.append("penwidth=2.5") }
            if current.contains(id) { attributes.append("style=\"rounded,filled\", fillcolor=\"#ffd54f\"") }
            out += "  \"\(id)\" [\(attributes.joined(separator: ", "))];\n"
        }
        for id in graph.topologicalOrder {
            let rev = graph.revisions[id]!
            for parent in rev.parents { out += "  \"\(parent)\" -> \"\(id)\";\n" }
            for dependency in rev.depends { out += "  \"\(dependency)\" -> \"\(id)\" [style=dashed, label=\"depends\", fontsize=9];\n" }
        }
        return out + "}\n"
    }

    static func node(_ id: String) -> String { "r_" + id.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() }

    /// Mermaid label text: quotes and angle brackets as entities (the label is
    /// quoted and may hold the `<br/>` tags migc adds).
    static func mermaidEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "#amp;").replacingOccurrences(of: "\"", with: "#quot;")
            .replacingOccurrences(of: "<", with: "#lt;").replacingOccurrences(of: ">", with: "#gt;")
            .replacingOccurrences(of: "\n", with: " ")
    }

    static func dotEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
