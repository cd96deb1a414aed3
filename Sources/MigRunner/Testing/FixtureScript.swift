import Foundation

/// A user's data test for one revision, `tests/<revision>.sql` in the migrations
/// directory:
///
///     -- before
///     INSERT INTO users (id, name) VALUES (1, NULL);
///     -- after
///     -- expect: SELECT display_name = 'anonymous' FROM users WHERE id = 1
///
/// `-- before` runs before the revision's upgrade (after the generated rows),
/// `-- after` right after it. SQL lines run as one script each (in a transaction);
/// an `-- expect: SELECT ...` line must return true (`t`, `true` or `1`). The
/// expectations of `-- after` are checked again after the second upgrade.
public struct FixtureScript: Sendable {
    public enum Item: Sendable, Hashable {
        case sql(String, line: Int)
        case expect(String, line: Int)
    }

    public let path: String
    public var before: [Item] = []
    public var after: [Item] = []

    /// Reads `tests/<revision>.sql` under `directory`, if there is one.
    public static func load(revision: String, directory: String) throws -> FixtureScript? {
        let path = (directory as NSString).appendingPathComponent("tests/\(revision).sql")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try FixtureScript(path: path, text: String(contentsOfFile: path, encoding: .utf8))
    }

    public init(path: String, text: String) throws(FixtureError) {
        self.path = path
        var section: Int?  // 0 before, 1 after
        var pending: (text: String, line: Int)?
        func flush(into items: inout [Item]) {
            if let p = pending, !p.text.trimmingWhitespace().isEmpty { items.append(.sql(p.text, line: p.line)) }
            pending = nil
        }
        var items: [[Item]] = [[], []]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let trimmed = String(raw).trimmingWhitespace()
            let lower = trimmed.lowercased()
            if lower == "-- before" || lower == "-- after" {
                if let s = section { flush(into: &items[s]) }
                section = lower == "-- before" ? 0 : 1
                continue
            }
            if lower.hasPrefix("-- expect:") {
                guard let s = section else { throw FixtureError(path: path, line: line, message: "`-- expect:` before any `-- before` or `-- after` line") }
                flush(into: &items[s])
                let query = String(trimmed.dropFirst("-- expect:".count)).trimmingWhitespace()
                if query.isEmpty { throw FixtureError(path: path, line: line, message: "`-- expect:` needs a query returning true") }
                items[s].append(.expect(query, line: line))
                continue
            }
            guard section != nil else {
                if trimmed.isEmpty || trimmed.hasPrefix("--") { continue }
                throw FixtureError(path: path, line: line, message: "SQL before any `-- before` or `-- after` line")
            }
            if pending == nil { pending = ("", line) }
            pending!.text += raw + "\n"
        }
        if let s = section { flush(into: &items[s]) }
        before = items[0]
        after = items[1]
    }

    /// Runs `items`; the first expectation that does not hold, or statement that
    /// fails, is returned as a message located in the fixture file.
    public func run(_ items: [Item], driver: any DatabaseDriver, expectationsOnly: Bool = false) -> FixtureError? {
        for item in items {
            switch item {
            case .sql(let text, let line):
                if expectationsOnly { continue }
                do {
                    try driver.begin()
                    try driver.execute(text)
                    try driver.commit()
                } catch {
                    driver.rollbackQuietly()
                    return FixtureError(path: path, line: line, message: "the fixture's SQL failed: \(error)")
                }
            case .expect(let query, let line):
                do {
                    let value = try driver.scalar(query)
                    guard let value, ["t", "true", "1"].contains(value.lowercased()) else {
                        return FixtureError(path: path, line: line, message: "expectation failed: `\(query)` returned \(value ?? "NULL")")
                    }
                } catch {
                    return FixtureError(path: path, line: line, message: "expectation `\(query)` failed: \(error)")
                }
            }
        }
        return nil
    }
}

/// A fixture file that cannot be read, or an expectation that does not hold.
public struct FixtureError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String
    public var description: String { "\(path):\(line): \(message)" }
}
