import Foundation

/// A reader for the W3C EBNF of `grammar/mig.ebnf`, and a random sentence generator
/// over it, so tests can check that what the grammar describes, the parser accepts.
indirect enum EBNF: Sendable {
    case name(String)
    case literal(String)
    /// A character class: the characters it allows from a fixed palette.
    case chars([Character])
    case sequence([EBNF])
    case choice([EBNF])
    case optional(EBNF)
    case star(EBNF)
    case plus(EBNF)
    /// `A - B`: an `A` that is not a `B`.
    case difference(EBNF, EBNF)

    /// Every character a generated negated class may use.
    static let palette: [Character] = Array(" !#$%&'()*+,-./0123456789:;<=>?@ABCZabcxyz[]^_{|}~\t\n\"\\`é—")

    struct Reader {
        var chars: [Character]
        var i = 0

        init(_ text: String) { chars = Array(text) }

        mutating func skipSpace() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
        var peek: Character? { i < chars.count ? chars[i] : nil }

        mutating func choice() -> EBNF {
            var alternatives = [sequence()]
            skipSpace()
            while peek == "|" {
                i += 1
                alternatives.append(sequence())
                skipSpace()
            }
            return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
        }

        mutating func sequence() -> EBNF {
            var items: [EBNF] = []
            while true {
                skipSpace()
                guard let c = peek, c != "|", c != ")" else { break }
                var item = postfix()
                skipSpace()
                if peek == "-" {
                    i += 1
                    item = .difference(item, postfix())
                }
                items.append(item)
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func postfix() -> EBNF {
            let base = primary()
            switch peek {
            case "?": i += 1; return .optional(base)
            case "*": i += 1; return .star(base)
            case "+": i += 1; return .plus(base)
            default: return base
            }
        }

        mutating func primary() -> EBNF {
            skipSpace()
            guard let c = peek else { return .sequence([]) }
            switch c {
            case "(":
                i += 1
                let inner = choice()
                skipSpace()
                i += 1  // `)`
                return inner
            case "'", "\"":
                i += 1
                var text = ""
                while let d = peek, d != c { text.append(d); i += 1 }
                i += 1
                return .literal(text)
            case "[": return charClass()
            case "#":
                i += 2  // `#x`
                return .chars([Character(Unicode.Scalar(hex())!)])
            default:
                var name = ""
                while let d = peek, d.isLetter || d == "_" { name.append(d); i += 1 }
                return .name(name)
            }
        }

        mutating func hex() -> UInt32 {
            var value: UInt32 = 0
            while let d = peek, let v = d.hexDigitValue { value = value * 16 + UInt32(v); i += 1 }
            return value
        }

        /// `[...]` / `[^...]` with ranges and `#xN` codes.
        mutating func charClass() -> EBNF {
            i += 1
            let negated = peek == "^"
            if negated { i += 1 }
            var set: [Character] = []
            while let c = peek, c != "]" {
                var low = c
                if c == "#" { i += 2; low = Character(Unicode.Scalar(hex())!) } else { i += 1 }
                if peek == "-", i + 1 < chars.count, chars[i + 1] != "]" {
                    i += 1
                    let high = chars[i]
                    i += 1
                    for v in low.unicodeScalars.first!.value...high.unicodeScalars.first!.value {
                        set.append(Character(Unicode.Scalar(v)!))
                    }
                } else {
                    set.append(low)
                }
            }
            i += 1
            return .chars(negated ? EBNF.palette.filter { !set.contains($0) } : set)
        }
    }

    /// Productions by name, from the grammar text (comments removed).
    static func grammar(_ text: String) -> [String: EBNF] {
        var body = ""
        var rest = Substring(text)
        while let open = rest.range(of: "/*") {
            body += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "*/") else { break }
            rest = rest[close.upperBound...]
        }
        body += rest
        var rules: [String: EBNF] = [:]
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var name: String?
        var rhs = ""
        func flush() {
            if let name { var r = Reader(rhs); rules[name] = r.choice() }
        }
        for line in lines {
            if let range = line.range(of: "::="), line.first?.isLetter == true {
                flush()
                name = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                rhs = String(line[range.upperBound...])
            } else {
                rhs += "\n" + line
            }
        }
        flush()
        return rules
    }
}
