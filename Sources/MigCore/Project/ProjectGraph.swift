extension LoadedProject {
    /// The graph of the loaded files, and every diagnostic so far: the loader's and
    /// parser's, then the graph's, minus graph findings the parser already reported
    /// (a missing `revision` line in a file with parse errors; anything at the exact
    /// spot of a parse error, such as an invalid id), so each mistake is told once.
    public func buildGraph() -> (RevisionGraph, [Diagnostic]) {
        let (graph, graphDiagnostics) = RevisionGraph.build(files)
        let parseErrors = diagnostics.filter { $0.severity == .error }
        let filesWithErrors = Set(parseErrors.map(\.span.file))
        let spots = Set(parseErrors.filter { !$0.span.isSynthesized }.map { "\($0.span.file):\($0.span.start.offset)" })
        let kept = graphDiagnostics.filter { d in
            if d.code == .noRevisionLine { return !filesWithErrors.contains(d.span.file) }
            return d.span.isSynthesized || !spots.contains("\(d.span.file):\(d.span.start.offset)")
        }
        return (graph, diagnostics + kept)
    }
}
