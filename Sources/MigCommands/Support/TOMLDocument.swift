import Foundation
import TOMLKit

/// A parsed `migc.toml`: TOMLKit (toml++) reads the TOML, and this flattens it to
/// dotted keys (`lint.disable`) and finds where each key is written, which TOMLKit
/// does not record, so a wrong type or an unknown key can point at its line.
struct TOMLDocument {
    struct ParseError: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// Every value that is not a table, by dotted key (`section.key`, or `key` before the first section).
    private(set) var values: [String: any TOMLValueConvertible] = [:]
    private let lines: [Substring]

    init(parsing text: String) throws(ParseError) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ParseError(line: error.source.begin.line, column: error.source.begin.column, message: Self.message(error.description))
        } catch {
            throw ParseError(line: 1, column: 1, message: "\(error)")
        }
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        flatten(table, prefix: "")
    }

    /// toml++ says "Error while parsing string: encountered end-of-file"; migc's
    /// messages are lowercase and say what was wrong first: "invalid string: ...".
    private static func message(_ description: String) -> String {
        let prefix = "Error while parsing "
        guard description.hasPrefix(prefix) else { return description }
        return "invalid " + description.dropFirst(prefix.count)
    }

    private mutating func flatten(_ table: TOMLTable, prefix: String) {
        for (key, value) in table {
            let dotted = prefix + key
            if let inner = value.table {
                flatten(inner, prefix: dotted + ".")
            } else {
                values[dotted] = value
            }
        }
    }

    /// The line and column (1-based) where `key` is defined, or else its nearest
    /// enclosing table (an inline table, a `[section]` header); line 1 when not found.
    func position(of key: String) -> (line: Int, column: Int) {
        var candidate = key
        while true {
            if let found = definition(of: candidate) { return found }
            guard let dot = candidate.lastIndex(of: ".") else { return (1, 1) }
            candidate = String(candidate[..<dot])
        }
    }

    /// A `key = ` line (under its section) or a `[key]` header for `dotted`.
    private func definition(of dotted: String) -> (line: Int, column: Int)? {
        var section = ""
        for (index, raw) in lines.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            let column = raw.count - line.count + 1
            if line.hasPrefix("[") {
                let header = line.drop { $0 == "[" }.prefix { $0 != "]" }
                section = Self.normalized(header)
                if section == dotted { return (index + 1, column) }
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.normalized(line[..<equals])
                if (section.isEmpty ? key : "\(section).\(key)") == dotted { return (index + 1, column) }
            }
        }
        return nil
    }

    /// A dotted key as TOMLKit names it: without the blanks TOML allows around its
    /// dots (`a . b`) and without quotes (`"a".b`).
    private static func normalized(_ key: Substring) -> String {
        key.split(separator: ".").map { $0.trimmingCharacters(in: [" ", "\t", "\"", "'"]) }.joined(separator: ".")
    }
}
