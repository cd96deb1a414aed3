import Foundation
import Testing
@testable import MigCore

/// Random sentences generated from `grammar/mig.ebnf` parse: the grammar does not
/// describe more than the parser accepts. Diagnostics for the rules the grammar
/// states in words only (duplicates, required lines, ranges) are expected and ignored.
@Suite struct GrammarSentenceTests {
    /// Productions whose terminals are written without spaces between them.
    static let lexical: Set<String> = [
        "timestamp", "duration", "integer", "word", "word_byte", "quoted_name", "number", "exponent", "digit",
        "string", "string_char", "escape", "triple_string", "triple_char", "comment", "newline", "ws",
    ]

    /// The codes of the rules the grammar's header comment lists in words.
    static let wordRules: Set<DiagnosticCode> = [
        "E010", "E011", "E012", "E014", "E017", "E019", "E022", "E026", "E049", "E053", "E054",
        "E064", "E068", "E071", "E086", "E087", "E088", "E009", "E080", "E083",
    ]

    struct Generator {
        let rules: [String: EBNF]
        var random: RandomTrees
        var heights: [String: Int] = [:]
        let maxDepth = 9

        init(rules: [String: EBNF], seed: UInt64) {
            self.rules = rules
            random = RandomTrees(seed: seed)
            // Fixpoint: the least depth at which each production can finish.
            var changed = true
            while changed {
                changed = false
                for (name, rule) in rules {
                    let h = height(rule)
                    if h < (heights[name] ?? Int.max) { heights[name] = h; changed = true }
                }
            }
        }

        func height(_ e: EBNF) -> Int {
            switch e {
            case .name(let n): return (heights[n] ?? Int.max - 1) + 1
            case .literal, .chars, .optional, .star: return 0
            case .sequence(let items): return items.map(height).max() ?? 0
            case .choice(let alts): return alts.map(height).min() ?? 0
            case .plus(let inner), .difference(let inner, _): return height(inner)
            }
        }

        /// Tokens (syntactic level) or characters (inside a lexical production).
        mutating func generate(_ e: EBNF, depth: Int, lexical: Bool, into out: inout [String]) {
            let deep = depth > maxDepth
            switch e {
            case .name(let n):
                guard let rule = rules[n] else { return }
                if Self.isLexical(n) && !lexical {
                    var chars: [String] = []
                    generateToken(n, rule, depth: depth, into: &chars)
                    out.append(chars.joined())
                } else {
                    generate(rule, depth: depth + 1, lexical: lexical, into: &out)
                }
            case .literal(let text):
                // Keywords are case-insensitive: write some in capitals.
                out.append(!lexical && random.chance(10) ? text.uppercased() : text)
            case .chars(let set): out.append(String(random.pick(set)))
            case .sequence(let items): for item in items { generate(item, depth: depth, lexical: lexical, into: &out) }
            case .choice(let alts):
                let pick = deep ? alts.min { height($0) < height($1) }! : random.pick(alts)
                generate(pick, depth: depth, lexical: lexical, into: &out)
            case .optional(let inner):
                if !deep && random.chance(50) { generate(inner, depth: depth, lexical: lexical, into: &out) }
            case .star(let inner):
                for _ in 0..<(deep ? 0 : random.int(3)) { generate(inner, depth: depth, lexical: lexical, into: &out) }
            case .plus(let inner):
                for _ in 0..<(deep ? 1 : 1 + random.int(3)) { generate(inner, depth: depth, lexical: lexical, into: &out) }
            case .difference(let left, _):
                generate(left, depth: depth, lexical: lexical, into: &out)
            }
        }

        static func isLexical(_ name: String) -> Bool { GrammarSentenceTests.lexical.contains(name) }

        /// A token; words that are keywords or numerals are drawn again (the grammar
        /// resolves those by the notes in its header comment).
        mutating func generateToken(_ name: String, _ rule: EBNF, depth: Int, into out: inout [String]) {
            for _ in 0..<20 {
                var chars: [String] = []
                generate(rule, depth: depth + 1, lexical: true, into: &chars)
                let text = chars.joined()
                if name == "word" {
                    let lower = text.lowercased()
                    if Printer.keywords.contains(lower) || ColumnType.keywords.contains(lower) || lower.allSatisfy(\.isNumber) { continue }
                    if let first = lower.first, first.isNumber, Self.isNumeral(lower) { continue }
                }
                out = chars
                return
            }
        }

        /// `digits` or `digits e digits`: the subtrahend of `word`.
        static func isNumeral(_ s: String) -> Bool {
            let parts = s.split(separator: "e", omittingEmptySubsequences: false)
            return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        }
    }

    static let rules: [String: EBNF] = {
        guard let text = try? String(contentsOf: GrammarExampleTests.grammarURL, encoding: .utf8) else { return [:] }
        return EBNF.grammar(text)
    }()

    @Test func grammarIsRead() { #expect(Self.rules.count == GrammarExampleTests.productions.count) }

    @Test(arguments: ["file", "statement"])
    func sentencesParse(_ start: String) {
        var generator = Generator(rules: Self.rules, seed: start == "file" ? 11 : 12)
        var failures = 0
        for _ in 0..<PrinterPropertyTests.count where failures < 3 {
            var tokens: [String] = []
            generator.generate(.name(start), depth: 0, lexical: false, into: &tokens)
            let sentence = tokens.joined(separator: " ")
            let source = start == "file" ? sentence : "revision r1\nmessage \"m\"\nupgrade {\n" + sentence + "\n}\n"
            let errors = Parser.parse(source: source, path: "sentence.mig").diagnostics
                .filter { !($0.code.map(Self.wordRules.contains) ?? false) }
            if !errors.isEmpty {
                failures += 1
                Issue.record("the grammar generates a sentence the parser rejects: \(errors.map { "\($0.code ?? ""): \($0.message) at \($0.span)" })\n\(source)")
            }
        }
    }
}
