import Foundation
import MigCore

/// The project's settings, from `migc.toml` in the working directory (or the file
/// named by `--config`). Command-line options and `MIGC_DATABASE_URL` override it.
///
///     database = "sqlite:app.db"
///     dir = "migrations"
///     dialect = "sqlite"
///     [lint]
///     disable = ["MIG106"]
///     strict = false
///     [runner]
///     transaction = "per-revision"   # or "single"
///     lock_timeout = "5s"            # each statement's wait for another session's lock
///     statement_timeout = "off"
///     retries = 3                    # after a lock timeout
///     retry_delay = "1s"             # doubled per retry
///     migc_lock_timeout = 30         # seconds to wait for another migc
struct ProjectConfig: Equatable {
    var database: String?
    var dir: String?
    var dialect: String?
    var lintDisabled: [String] = []
    var lintStrict = false
    var transactionMode: String?
    var lockTimeout: TimeoutDuration?
    var statementTimeout: TimeoutDuration?
    var retries: Int?
    var retryDelay: TimeoutDuration?
    var migcLockTimeoutSeconds: Int?
    /// The file it was read from, for messages.
    var path: String?

    static let fileName = "migc.toml"

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `path`, or returns an empty config when the default file is absent.
    static func load(path explicitPath: String?) throws(LoadError) -> ProjectConfig {
        let path = explicitPath ?? fileName
        guard FileManager.default.fileExists(atPath: path) else {
            if explicitPath != nil { throw LoadError(description: "\(path): error: config file not found") }
            return ProjectConfig()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): error: cannot read config file")
        }
        return try ProjectConfig(parsing: String(decoding: data, as: UTF8.self), path: path)
    }

    static let knownKeys: Set<String> = [
        "database", "dir", "dialect", "lint.disable", "lint.strict", "runner.transaction", "runner.lock_timeout",
        "runner.statement_timeout", "runner.retries", "runner.retry_delay", "runner.migc_lock_timeout",
    ]

    private init() {}

    /// Reads the settings from `text`, the contents of the file at `path`.
    init(parsing text: String, path: String) throws(LoadError) {
        let toml: TOMLDocument
        do {
            toml = try TOMLDocument(parsing: text)
        } catch {
            throw LoadError(description: "\(path):\(error.line):\(error.column): error: \(error.message)")
        }
        self.path = path
        for key in toml.values.keys.sorted() where !Self.knownKeys.contains(key) {
            let hint = Suggest.closest(to: key, in: Self.knownKeys.sorted()).map { "; did you mean `\($0)`?" } ?? ""
            throw LoadError(description: "\(Self.location(path, toml, key)): error: unknown setting `\(key)`\(hint)")
        }
        func string(_ key: String) throws(LoadError) -> String? {
            guard let value = toml.values[key] else { return nil }
            guard let s = value.string else { throw Self.typeError(path, toml, key, "a string") }
            return s
        }
        database = try string("database")
        dir = try string("dir")
        dialect = try string("dialect")
        transactionMode = try string("runner.transaction")
        if let value = toml.values["lint.disable"] {
            guard let items = value.array else { throw Self.typeError(path, toml, "lint.disable", "an array of strings") }
            for item in items {
                guard let code = item.string else { throw Self.typeError(path, toml, "lint.disable", "an array of strings") }
                lintDisabled.append(code)
            }
        }
        if let value = toml.values["lint.strict"] {
            guard let b = value.bool else { throw Self.typeError(path, toml, "lint.strict", "true or false") }
            lintStrict = b
        }
        func duration(_ key: String) throws(LoadError) -> TimeoutDuration? {
            guard let value = toml.values[key] else { return nil }
            let parsed = value.int.flatMap { $0 >= 0 ? TimeoutDuration.parse(String($0)) : nil }
                ?? value.double.flatMap { $0 >= 0 ? TimeoutDuration.parse(String($0)) : nil }
                ?? value.string.flatMap(TimeoutDuration.parse)
            guard let parsed else { throw Self.typeError(path, toml, key, "a duration: seconds, or a string such as \"5s\", \"200ms\", \"off\"") }
            return parsed
        }
        lockTimeout = try duration("runner.lock_timeout")
        statementTimeout = try duration("runner.statement_timeout")
        retryDelay = try duration("runner.retry_delay")
        if let value = toml.values["runner.retries"] {
            guard let n = value.int, (0...100).contains(n) else { throw Self.typeError(path, toml, "runner.retries", "a number from 0 to 100") }
            retries = n
        }
        if let value = toml.values["runner.migc_lock_timeout"] {
            guard let n = value.int, n >= 0 else { throw Self.typeError(path, toml, "runner.migc_lock_timeout", "a number of seconds") }
            migcLockTimeoutSeconds = n
        }
    }

    private static func typeError(_ path: String, _ toml: TOMLDocument, _ key: String, _ expected: String) -> LoadError {
        LoadError(description: "\(location(path, toml, key)): error: `\(key)` must be \(expected)")
    }

    private static func location(_ path: String, _ toml: TOMLDocument, _ key: String) -> String {
        let (line, column) = toml.position(of: key)
        return "\(path):\(line):\(column)"
    }
}
