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
        directory: String, parse: ([UInt8], String) -> (MigFile, [Diagnostic])
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
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                project.diagnostics.append(.error("cannot read file `\(path)`", at: .file(path), code: "E312"))
                continue
            }
            let bytes = [UInt8](data)
            project.sources.add(SourceFile(path: path, bytes: bytes))
            let (file, diagnostics) = parse(bytes, path)
            project.files.append(file)
            project.diagnostics += diagnostics
        }
        return project
    }

    /// The paths of the `.mig` files under `directory`, as `directory/relative/path`,
    /// sorted.
    public static func migFiles(in directory: String) throws(LoadError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .missing(directory)
        }
        guard isDirectory.boolValue else { throw .notADirectory(directory) }
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var found: [String] = []
        collect(root, relative: "", into: &found)
        return found.sorted().map { root + "/" + $0 }
    }

    /// Depth-first; `relative` is "" or "sub/dir/". (FileManager's enumerator is
    /// several times slower on 10,000 files.)
    private static func collect(_ root: String, relative: String, into found: inout [String]) {
        let here = root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: here) else { return }
        for name in names where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: here + name, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(root, relative: relative + name + "/", into: &found)
            } else if name.hasSuffix(".mig") {
                found.append(relative + name)
            }
        }
    }

    public enum LoadError: Error, Hashable, Sendable {
        case missing(String)
        case notADirectory(String)

        public var diagnostic: Diagnostic {
            switch self {
            case let .missing(path):
                .error(
                    "migrations directory `\(path)` does not exist", at: .file(path), code: "E311",
                    help: "run `migc init`, or point at the directory with `--dir` or `dir` in migc.toml")
            case let .notADirectory(path):
                .error("`\(path)` is not a directory", at: .file(path), code: "E311",
                       help: "`--dir` names the folder that holds the .mig files")
            }
        }
    }
}
