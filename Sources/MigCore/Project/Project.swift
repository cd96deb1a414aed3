// The one front door to a migrations directory: every command opens its history
// here (`Project.open`) and checks it here (`check`). Loading is the only file I/O
// in MigCore (the directory walk, the files, the header cache); checking runs the
// checker and then the lints, which the checker itself knows nothing of.

/// A migrations directory: its files (parsed fully or headers only), its revision
/// graph, and every diagnostic found on the way, each mistake told once.
public struct Project: Sendable {
    /// How much of each file to parse.
    public enum Depth: Sendable {
        /// Headers only, through the header cache unless `cache` is false: enough for
        /// `heads`, `history`, `branches`, `current`, `stamp`, `new`, `merge`.
        case headers(cache: Bool)
        /// Whole files: for anything that checks, plans or shows ops.
        case full
    }

    /// The directory is missing or unreadable (an I/O problem: commands exit 2).
    public struct OpenError: Error, Sendable {
        public var diagnostics: [Diagnostic]
        public var sources: SourceStore
    }

    public let directory: String
    public let graph: RevisionGraph
    /// The file texts diagnostics quote (for headers from the cache, read on demand
    /// by `readSources(for:)`).
    public private(set) var sources: SourceStore
    /// Loading, parsing and graph diagnostics.
    public let diagnostics: [Diagnostic]

    /// Loads every `.mig` file under `directory` (hidden files and folders skipped)
    /// and builds the revision graph.
    public static func open(directory: String, depth: Depth = .full) throws(OpenError) -> Project {
        let loaded: LoadedProject = switch depth {
        case .full: ProjectLoader.load(directory: directory)
        case .headers(let cache): ProjectLoader.loadHeaders(directory: directory, cache: cache)
        }
        guard loaded.directoryFound else { throw OpenError(diagnostics: loaded.diagnostics, sources: loaded.sources) }
        return Project(directory: directory, loaded: loaded)
    }

    /// A project from files already loaded (tests, tools that build files in memory).
    public init(directory: String, loaded: LoadedProject) {
        let (graph, diagnostics) = loaded.buildGraph()
        self.directory = directory
        self.graph = graph
        self.sources = loaded.sources
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// Reads the files `diagnostics` point at whose text is not loaded yet (headers
    /// from the cache come without it), so the renderer can quote them.
    public mutating func readSources(for diagnostics: [Diagnostic]) {
        var loaded = LoadedProject(sources: sources)
        loaded.readSources(for: diagnostics)
        sources = loaded.sources
    }

    /// Checks every revision (names, types, reversibility, merges), then, with
    /// `lint`, lints each revision that checked cleanly and the graph as a whole.
    /// The report holds the checker's and the lints' findings (not `diagnostics`).
    public func check(lint: LintConfig? = nil, options: CheckOptions = CheckOptions()) -> CheckReport {
        Self.check(graph, lint: lint, options: options)
    }

    /// `check` for a graph built elsewhere.
    public static func check(_ graph: RevisionGraph, lint: LintConfig? = nil, options: CheckOptions = CheckOptions()) -> CheckReport {
        guard let lint else { return Checker.check(graph, options: options) }
        let linter = Linter(config: lint)
        var options = options
        options.checkHeadsTogether = true  // lint: several heads must not conflict (E350)
        var report = Checker.check(graph, options: options) { revision, clean in
            clean ? linter.lint(revision) : []
        }
        let files = graph.revisions.mapValues(\.file)
        report.diagnostics += linter.lint(graph: GraphFacts(heads: graph.heads, bases: graph.bases, files: files))
        return report
    }
}
