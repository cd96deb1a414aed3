import Foundation

/// Every revision file of a project, parsed, with the bytes kept for diagnostics.
public struct LoadedProject: Sendable {
    public var sources: SourceStore
    /// In path order.
    public var files: [MigFile]
    public var diagnostics: [Diagnostic]
    /// False when the directory itself is missing or unreadable (an I/O problem:
    /// commands exit 2, not 1).
    public var directoryFound: Bool

    public init(sources: SourceStore = SourceStore(), files: [MigFile] = [], diagnostics: [Diagnostic] = [], directoryFound: Bool = true) {
        self.sources = sources
        self.files = files
        self.diagnostics = diagnostics
        self.directoryFound = directoryFound
    }
}

/// Finds and reads the `.mig` files under a migrations directory: recursively,
/// skipping hidden files and folders, sorted by path so every run sees them in the
/// same order (the first of two files with one id wins).
public enum ProjectLoader {
    /// Reads every file and parses it with `parse` (full or header-only).
    public static func load(
        directory: String, parse: @Sendable ([UInt8], String) -> (MigFile, [Diagnostic])
    ) -> LoadedProject {
        var project = LoadedProject()
        let paths: [String]
        do {
            paths = try migFiles(in: directory)
        } catch {
            project.directoryFound = false
            project.diagnostics.append(error.diagnostic)
            return project
        }
        var inputs: [(path: String, bytes: [UInt8])] = []
        inputs.reserveCapacity(paths.count)
        for path in paths {
            guard let bytes = DirectoryWalk.read(path: path) else {
                project.diagnostics.append(unreadable(path))
                continue
            }
            project.sources.add(SourceFile(path: path, bytes: bytes))
            inputs.append((path, bytes))
        }
        for (file, diagnostics) in parseAll(inputs, parse) {
            project.files.append(file)
            project.diagnostics += diagnostics
        }
        return project
    }

    /// Parses independent files on every core (a 10,000-file history parses in about
    /// half the wall time on two). Results come back in input order.
    static func parseAll(
        _ inputs: [(path: String, bytes: [UInt8])], _ parse: @Sendable ([UInt8], String) -> (MigFile, [Diagnostic])
    ) -> [(MigFile, [Diagnostic])] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, inputs.count / 64))
        guard workers > 1 else { return inputs.map { parse($0.bytes, $0.path) } }
        let results = ParseResults(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for k in stride(from: worker, to: inputs.count, by: workers) {
                results.store(parse(inputs[k].bytes, inputs[k].path), at: k)
            }
        }
        return results.collected()
    }

    static func unreadable(_ path: String) -> Diagnostic {
        .error("cannot read file `\(path)`", at: .file(path), code: .unreadableFile)
    }

    /// The paths of the `.mig` files under `directory`, as `directory/relative/path`,
    /// sorted.
    public static func migFiles(in directory: String) throws(LoadError) -> [String] {
        let root = rootPath(directory)
        return try DirectoryWalk.migFiles(root: root).map { root + "/" + $0.relative }
    }

    /// `directory` without a trailing slash, so paths read `root/relative`.
    static func rootPath(_ directory: String) -> String {
        directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    public enum LoadError: Error, Hashable, Sendable {
        case missing(String)
        case notADirectory(String)
        /// A directory under the migrations directory (or itself) that cannot be listed.
        case unreadable(String)

        public var diagnostic: Diagnostic {
            switch self {
            case let .missing(path):
                .error(
                    "migrations directory `\(path)` does not exist", at: .file(path), code: .migrationsDirectoryUnreadable,
                    help: "run `migc init`, or point at the directory with `--dir` or `dir` in migc.toml")
            case let .notADirectory(path):
                .error("`\(path)` is not a directory", at: .file(path), code: .migrationsDirectoryUnreadable,
                       help: "`--dir` names the folder that holds the .mig files")
            case let .unreadable(path):
                .error("cannot read directory `\(path)`", at: .file(path), code: .migrationsDirectoryUnreadable,
                       help: "check its permissions: every folder under the migrations directory is read")
            }
        }
    }
}

/// One slot per input; each slot is written by exactly one worker and read only
/// after `concurrentPerform` returns. Raw memory, not an array property: concurrent
/// `modify` accesses to a class's array would trip exclusivity checking.
private final class ParseResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<(MigFile, [Diagnostic])?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: (MigFile, [Diagnostic]), at index: Int) { slots[index] = result }

    func collected() -> [(MigFile, [Diagnostic])] { slots.map { $0! } }
}
