import Foundation
@testable import MigCore

/// Recognises token streams against `grammar/mig.ebnf` (an Earley recogniser over the
/// grammar turned into BNF), so tests can check that what the parser accepts, the
/// grammar describes. Lexical productions are terminals matched by token kind.
struct EarleyRecognizer {
    enum Symbol: Hashable {
        case nonterminal(String)
        /// A keyword or punctuation, compared with the token text (keywords ignoring case).
        case literal(String)
        /// A lexical production, matched by token kind.
        case token(String)
    }

    struct Rule {
        var lhs: String
        var rhs: [Symbol]
    }

    private(set) var rules: [Rule] = []
    private var byLHS: [String: [Int]] = [:]
    private var nullable: Set<String> = []
    private var fresh = 0

    init(grammar: [String: EBNF], lexical: Set<String>) {
        for (name, rule) in grammar where !lexical.contains(name) {
            for alternative in alternatives(rule) { add(name, converting(alternative, lexical)) }
        }
        for (i, rule) in rules.enumerated() { byLHS[rule.lhs, default: []].append(i) }
        var changed = true
        while changed {
            changed = false
            for rule in rules where !nullable.contains(rule.lhs) && rule.rhs.allSatisfy(isNullable) {
                nullable.insert(rule.lhs)
                changed = true
            }
        }
    }

    private func alternatives(_ e: EBNF) -> [EBNF] {
        if case .choice(let alts) = e { return alts }
        return [e]
    }

    private mutating func add(_ lhs: String, _ rhs: [Symbol]) { rules.append(Rule(lhs: lhs, rhs: rhs)) }

    private mutating func converting(_ e: EBNF, _ lexical: Set<String>) -> [Symbol] {
        if case .sequence(let items) = e { return items.flatMap { converting($0, lexical) } }
        return [symbol(e, lexical)]
    }

    private mutating func newName() -> String {
        fresh += 1
        return "#\(fresh)"
    }

    private mutating func symbol(_ e: EBNF, _ lexical: Set<String>) -> Symbol {
        switch e {
        case .name(let n): return lexical.contains(n) ? .token(n) : .nonterminal(n)
        case .literal(let text): return .literal(text)
        case .optional(let inner):
            let n = newName()
            add(n, [])
            add(n, converting(inner, lexical))
            return .nonterminal(n)
        case .star(let inner):
            let n = newName()
            add(n, [])
            add(n, [.nonterminal(n)] + converting(inner, lexical))
            return .nonterminal(n)
        case .plus(let inner):
            let n = newName()
            let body = converting(inner, lexical)
            add(n, body)
            add(n, [.nonterminal(n)] + body)
            return .nonterminal(n)
        case .choice(let alts):
            let n = newName()
            for alt in alts { add(n, converting(alt, lexical)) }
            return .nonterminal(n)
        case .sequence:
            let n = newName()
            add(n, converting(e, lexical))
            return .nonterminal(n)
        case .chars, .difference:
            return .token("?")  // only inside lexical productions, never reached
        }
    }

    private func isNullable(_ s: Symbol) -> Bool {
        if case .nonterminal(let n) = s { return nullable.contains(n) }
        return false
    }

    /// A token as the grammar sees it: its kind's lexical production and its text.
    struct Terminal {
        var production: String
        var text: String
    }

    /// The file's tokens without comments, without newlines inside parentheses (the
    /// parser skips those), and with a bare `created` timestamp joined into one.
    static func terminals(_ source: String) -> [Terminal] {
        let bytes = Array(source.utf8)
        let tokens = Lexer.tokenize(bytes, path: "t.mig").tokens
        var out: [Terminal] = []
        var depth = 0
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            let text = String(decoding: bytes[t.start..<t.end], as: UTF8.self)
            i += 1
            switch t.kind {
            case .comment, .endOfFile: continue
            case .newline: if depth == 0 { out.append(Terminal(production: "newline", text: text)) }
            case .leftParen: depth += 1; out.append(Terminal(production: "", text: text))
            case .rightParen: depth = max(0, depth - 1); out.append(Terminal(production: "", text: text))
            case .word where joinedValue(out) != nil, .number where joinedValue(out) != nil:
                let production = joinedValue(out)!
                var end = t.end
                while i < tokens.count, tokens[i].start == end, ![.newline, .comment, .semicolon, .endOfFile, .string].contains(tokens[i].kind) {
                    end = tokens[i].end
                    i += 1
                }
                out.append(Terminal(production: production, text: String(decoding: bytes[t.start..<end], as: UTF8.self)))
            case .word: out.append(Terminal(production: "word", text: text))
            case .number:
                out.append(Terminal(production: text.allSatisfy(\.isNumber) ? "integer" : "number", text: text))
            case .string: out.append(Terminal(production: "string", text: text))
            case .tripleString: out.append(Terminal(production: "triple_string", text: text))
            case .quotedIdentifier: out.append(Terminal(production: "quoted_name", text: text))
            default: out.append(Terminal(production: "", text: text))
            }
        }
        return out
    }

    /// After a `created` keyword that starts a line, a bare timestamp follows; after
    /// `lock_timeout` / `statement_timeout`, a duration (`1.5s` is two tokens).
    private static func joinedValue(_ out: [Terminal]) -> String? {
        guard let last = out.last, last.production == "word" else { return nil }
        let before = out.dropLast().last
        guard before == nil || before?.production == "newline" || before?.text == ";" else { return nil }
        switch last.text.lowercased() {
        case "created": return "timestamp"
        case "lock_timeout", "statement_timeout": return "duration"
        default: return nil
        }
    }

    func matches(_ s: Symbol, _ t: Terminal) -> Bool {
        switch s {
        case .nonterminal: return false
        case .literal(let text):
            return t.production == "word" ? t.text.lowercased() == text : t.production == "" && t.text == text
        case .token(let name):
            // An integer is also a number (type arguments take only integers).
            return name == t.production || (name == "number" && t.production == "integer")
        }
    }

    struct Item: Hashable {
        var rule: Int
        var dot: Int
        var origin: Int
    }

    /// Whether `terminals` is a sentence of `start`.
    func recognizes(_ terminals: [Terminal], start: String) -> Bool {
        var sets = Array(repeating: [Item](), count: terminals.count + 1)
        var seen = Array(repeating: Set<Item>(), count: terminals.count + 1)
        func add(_ item: Item, _ k: Int) {
            if seen[k].insert(item).inserted { sets[k].append(item) }
        }
        for r in byLHS[start] ?? [] { add(Item(rule: r, dot: 0, origin: 0), 0) }
        for k in 0...terminals.count {
            var j = 0
            while j < sets[k].count {
                let item = sets[k][j]
                j += 1
                let rule = rules[item.rule]
                guard item.dot < rule.rhs.count else {
                    for parent in sets[item.origin] where parent.dot < rules[parent.rule].rhs.count
                        && rules[parent.rule].rhs[parent.dot] == .nonterminal(rule.lhs) {
                        add(Item(rule: parent.rule, dot: parent.dot + 1, origin: parent.origin), k)
                    }
                    continue
                }
                let next = rule.rhs[item.dot]
                if case .nonterminal(let n) = next {
                    for r in byLHS[n] ?? [] { add(Item(rule: r, dot: 0, origin: k), k) }
                    if nullable.contains(n) { add(Item(rule: item.rule, dot: item.dot + 1, origin: item.origin), k) }
                } else if k < terminals.count, matches(next, terminals[k]) {
                    add(Item(rule: item.rule, dot: item.dot + 1, origin: item.origin), k + 1)
                }
            }
        }
        return sets[terminals.count].contains { $0.origin == 0 && rules[$0.rule].lhs == start && $0.dot == rules[$0.rule].rhs.count }
    }
}
