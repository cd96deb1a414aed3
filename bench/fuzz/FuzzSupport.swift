// Shared by the long-run fuzzer (bench/fuzz, `migc-fuzz`) and the test suite
// (Tests/MigCoreTests/Syntax/FuzzSupport.swift is a symlink to this file).
import MigCore

/// A small deterministic generator (SplitMix64) so random runs replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutates corpus files: byte flips, token splices, truncations, duplications.
/// Input `n` of a run depends only on (seed, n), so any input can be replayed.
struct Mutator {
    let corpus: [[UInt8]]
    let seed: UInt64

    static let fragments: [[UInt8]] = [
        "(", ")", "{", "}", "\"", "\"\"\"", "`", "--", "\n", ";", ",", ".", "create table", "drop", "not",
        "null", "upgrade {", "downgrade", "revision", "check (", "references", "on delete", "default",
        "between", " in (", "is", "0", "1e", "((((((((", "-", "\\", "unique", "primary key", "sql",
        "add column t.", "\r\n", "\u{00E9}", "7c1e9a20b4d3",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0]]

    func input(_ n: UInt64) -> [UInt8] {
        var rng = SeededGenerator(seed: seed ^ (n &* 0xD6E8_FEB8_6659_FD93))
        var bytes = corpus[Int.random(in: 0..<corpus.count, using: &rng)]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            mutate(&bytes, &rng)
        }
        return bytes
    }

    func mutate(_ b: inout [UInt8], _ rng: inout SeededGenerator) {
        let at = Int.random(in: 0...b.count, using: &rng)
        func range() -> Range<Int> {
            let lo = Int.random(in: 0...b.count, using: &rng)
            return lo..<min(b.count, lo + Int.random(in: 0...64, using: &rng))
        }
        switch Int.random(in: 0..<7, using: &rng) {
        case 0 where !b.isEmpty: b[at % b.count] ^= 1 << UInt8.random(in: 0...7, using: &rng)
        case 1 where !b.isEmpty: b[at % b.count] = UInt8.random(in: 0...255, using: &rng)
        case 2: b.insert(contentsOf: Self.fragments.randomElement(using: &rng)!, at: at)
        case 3: b.removeSubrange(range())
        case 4:
            let r = range()
            b.insert(contentsOf: Array(b[r]), at: Int.random(in: 0...b.count, using: &rng))
        case 5:
            let other = corpus.randomElement(using: &rng)!
            let lo = Int.random(in: 0...other.count, using: &rng)
            let piece = other[lo..<min(other.count, lo + Int.random(in: 0...80, using: &rng))]
            b.replaceSubrange(range(), with: piece)
        default: b.removeSubrange(at..<b.count)
        }
    }
}

/// The invariants every parse must keep, whatever the input. Empty when all hold.
func checkParseInvariants(_ bytes: [UInt8], path: String = "fuzz.mig") -> [String] {
    var problems: [String] = []
    let (tokens, _) = Lexer.tokenize(bytes, path: path)
    var previousEnd = 0
    for (i, t) in tokens.enumerated() {
        if t.start < previousEnd || t.end < t.start || t.end > bytes.count {
            problems.append("token \(i) \(t) out of order or bounds")
            break
        }
        if t.kind == .endOfFile && i != tokens.count - 1 { problems.append("end of file before the end") }
        previousEnd = t.end
    }
    if tokens.last?.kind != .endOfFile || tokens.last?.start != bytes.count { problems.append("no end of file token at the end") }
    let result = Parser.parse(bytes: bytes, path: path)
    for d in result.diagnostics {
        if d.span.start.offset > bytes.count || d.span.end.offset > bytes.count || d.span.end.offset < d.span.start.offset {
            problems.append("diagnostic span out of bounds: \(d.message)")
        }
        if d.code.map({ !$0.rawValue.hasPrefix("E0") }) ?? true { problems.append("diagnostic without a syntax code: \(d.message)") }
    }
    if !result.diagnostics.contains(where: { $0.severity == .error }), containsInvalid(result.file) {
        problems.append("invalid placeholder without an error")
    }
    let (header, _) = Parser.parseHeader(bytes: bytes, path: path)
    // The fast path stops before the blocks, so it cannot see comments between them.
    var full = result.file.header
    var fast = header
    for key in ["upgrade", "downgrade"] {
        full.trivia[key] = nil
        fast.trivia[key] = nil
    }
    if result.diagnostics.isEmpty, fast != full { problems.append("header fast path disagrees") }
    return problems
}

/// For inputs that parse cleanly: printing and re-parsing gives the same tree
/// (`Printer.roundTripNormalized`), and printing is idempotent.
func checkRoundTrip(_ bytes: [UInt8], path: String = "fuzz.mig") -> [String] {
    let result = Parser.parse(bytes: bytes, path: path)
    guard result.diagnostics.isEmpty else { return [] }
    let printed = Printer.print(result.file)
    let reparsed = Parser.parse(source: printed, path: path)
    var problems: [String] = []
    if !reparsed.diagnostics.isEmpty {
        problems.append("printed text does not parse: \(reparsed.diagnostics.map(\.message))")
    } else if reparsed.file != Printer.roundTripNormalized(result.file) {
        problems.append("round trip changes the tree")
    } else if Printer.print(reparsed.file) != printed {
        problems.append("printing is not idempotent")
    }
    return problems
}

private func containsInvalid(_ file: MigFile) -> Bool {
    var found = false
    func check(_ e: Expr?) { e?.visit { if case .invalid = $0.kind { found = true } } }
    func column(_ c: ColumnDefinition) {
        for m in c.modifiers {
            switch m.kind {
            case .defaultValue(let e), .check(let e): check(e)
            default: break
            }
        }
    }
    var statements = file.upgrade?.statements ?? []
    if case .block(let b)? = file.downgrade { statements += b.statements }
    for s in statements {
        switch s.operation {
        case .createTable(let t):
            t.columns.forEach(column)
            for c in t.constraints { if case .check(_, let e) = c.kind { check(e) } }
        case .addColumn(let a): column(a.column)
        case .createIndex(let i): check(i.predicate)
        case .alterColumn(let a):
            if case .setDefault(let e) = a.change { check(e) }
            if case .type(_, let e) = a.change { check(e) }
        case .addConstraint(let a): if case .check(let e) = a.kind { check(e) }
        default: break
        }
    }
    return found
}
