import Foundation
import Testing
@testable import MigCore

/// `grammar/mig.ebnf` carries one example per production, in a comment right above it:
///
///     /* example(op): create index i on t (a, b desc) */
///     create_index ::= ...
///
/// The context in parentheses says where the example is parsed (see `wrap`); `\n` in an
/// example stands for a newline. Every example must parse without diagnostics, and
/// every production must have one.
@Suite struct GrammarExampleTests {
    struct Production: Sendable, CustomTestStringConvertible {
        var name: String
        var context: String?
        var example: String?
        var line: Int
        var testDescription: String { "\(name) (line \(line))" }
    }

    static let grammarURL = Golden.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("grammar/mig.ebnf")

    static let productions: [Production] = {
        guard let text = try? String(contentsOf: grammarURL, encoding: .utf8) else { return [] }
        return parseGrammar(text)
    }()

    /// Productions (`name ::= ...` at the start of a line) with the example comment on
    /// the line right above each.
    static func parseGrammar(_ text: String) -> [Production] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Production] = []
        for (i, line) in lines.enumerated() {
            guard let range = line.range(of: "::="), let first = line.first, first.isLetter else { continue }
            let name = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            var production = Production(name: name, line: i + 1)
            if i > 0, let (context, example) = exampleComment(lines[i - 1]) {
                production.context = context
                production.example = example
            }
            out.append(production)
        }
        return out
    }

    /// `/* example(CONTEXT): TEXT */` -> (CONTEXT, TEXT with `\n` decoded).
    static func exampleComment(_ line: String) -> (String, String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("/* example("), trimmed.hasSuffix("*/"),
              let close = trimmed.range(of: "): ") else { return nil }
        let context = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 11)..<close.lowerBound])
        let body = trimmed[close.upperBound...].dropLast(2).trimmingCharacters(in: .whitespaces)
        return (context, decodeNewlines(body))
    }

    /// `\n` becomes a newline; `\\` stays as written (a `.mig` escape).
    static func decodeNewlines(_ text: String) -> String {
        var out = ""
        var chars = text.makeIterator()
        while let ch = chars.next() {
            guard ch == "\\" else { out.append(ch); continue }
            switch chars.next() {
            case "n"?: out.append("\n")
            case let next?: out.append(ch); out.append(next)
            case nil: out.append(ch)
            }
        }
        return out
    }

    static let contexts = ["file", "header", "op", "column", "constraint", "expr", "type", "schema"]

    /// A whole `.mig` file with the example in its place.
    static func wrap(_ example: String, context: String) -> String {
        let header = "revision r1\nmessage \"m\"\n"
        switch context {
        case "file", "schema": return example + "\n"
        case "header":
            let first = example.split(separator: " ").first.map { $0.lowercased() }
            let needsRevision = first != "revision", needsMessage = first != "message"
            return (needsRevision ? "revision r1\n" : "") + (needsMessage ? "message \"m\"\n" : "") + example + "\n"
        case "op": return header + "\nupgrade {\n  " + example + "\n}\n"
        case "column": return header + "\nupgrade {\n  create table t {\n    " + example + "\n  }\n}\n"
        case "constraint": return header + "\nupgrade {\n  create table t {\n    a int\n    " + example + "\n  }\n}\n"
        case "expr": return header + "\nupgrade {\n  add check c on t (" + example + ")\n}\n"
        case "type": return header + "\nupgrade {\n  add column t.c " + example + "\n}\n"
        default: return ""
        }
    }

    @Test func grammarHasProductions() {
        #expect(Self.productions.count >= 40, "grammar/mig.ebnf missing or nearly empty")
    }

    @Test func everyProductionHasAnExample() {
        for p in Self.productions {
            #expect(p.example != nil, "production `\(p.name)` (line \(p.line)) has no `/* example(CONTEXT): ... */` line above it")
            if let context = p.context {
                #expect(Self.contexts.contains(context), "production `\(p.name)`: unknown example context `\(context)`")
            }
        }
    }

    @Test func productionNamesAreUnique() {
        let names = Self.productions.map(\.name)
        #expect(Set(names).count == names.count)
    }

    /// Each production's right-hand side: from its `::=` to the next production.
    static func rightHandSides(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        var current: String?
        var inComment = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.contains("/*") { inComment = true }
            if inComment {
                if line.contains("*/") { inComment = false }
                continue
            }
            if let range = line.range(of: "::="), line.first?.isLetter == true {
                current = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                out[current!] = String(line[range.upperBound...])
            } else if let name = current {
                out[name, default: ""] += " " + line
            }
        }
        return out
    }

    /// The nonterminals a right-hand side mentions (quoted literals and character
    /// classes removed).
    static func references(_ rhs: String) -> Set<String> {
        var cleaned = ""
        var quote: Character?
        var inClass = false, inCharCode = false
        for ch in rhs {
            if let q = quote { if ch == q { quote = nil }; continue }
            if inClass { if ch == "]" { inClass = false }; continue }
            if inCharCode { if ch.isHexDigit || ch == "x" { continue }; inCharCode = false }
            if ch == "#" { inCharCode = true; continue }
            if ch == "'" || ch == "\"" { quote = ch; continue }
            if ch == "[" { inClass = true; continue }
            cleaned.append(ch.isLetter || ch == "_" ? ch : " ")
        }
        return Set(cleaned.split(separator: " ").map(String.init))
    }

    @Test func everyReferenceIsDefinedAndEveryProductionReachable() throws {
        let text = try String(contentsOf: Self.grammarURL, encoding: .utf8)
        let rules = Self.rightHandSides(text)
        let defined = Set(rules.keys)
        for (name, rhs) in rules {
            for ref in Self.references(rhs) where !defined.contains(ref) {
                Issue.record("production `\(name)` mentions undefined `\(ref)`")
            }
        }
        var reached: Set<String> = ["file", "schema_file"], queue = ["file", "schema_file"]
        // Lexical productions are reached through the comment/whitespace convention.
        for implicit in ["ws", "comment"] { reached.insert(implicit); queue.append(implicit) }
        while let next = queue.popLast() {
            for ref in Self.references(rules[next] ?? "") where reached.insert(ref).inserted { queue.append(ref) }
        }
        #expect(defined.subtracting(reached).isEmpty, "unreachable: \(defined.subtracting(reached).sorted())")
    }

    @Test(arguments: productions.filter { $0.example != nil })
    func exampleParses(_ p: Production) {
        let source = Self.wrap(p.example ?? "", context: p.context ?? "")
        let diagnostics = p.context == "schema"
            ? Parser.parseSchemaFile(source: source, path: "grammar/\(p.name).mig").diagnostics
            : Parser.parse(source: source, path: "grammar/\(p.name).mig").diagnostics
        #expect(diagnostics.isEmpty, "example of `\(p.name)` does not parse:\n\(source)\n\(diagnostics.map(\.message))")
    }
}
