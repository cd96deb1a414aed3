@testable import MigCore

/// A small deterministic generator (SplitMix64) so random tests replay exactly.
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

/// The invariants every parse must keep, whatever the input.
func checkParseInvariants(_ bytes: [UInt8], path: String = "fuzz.mig") -> [String] {
    var problems: [String] = []
    let (tokens, _) = Lexer.tokenize(bytes, path: path)
    var previousEnd = 0
    for (i, t) in tokens.enumerated() {
        if t.start < previousEnd || t.end < t.start || t.end > bytes.count {
            problems.append("token \(i) \(t) out of order or bounds")
            break
        }
        if t.kind == .endOfFile && i != tokens.count - 1 { problems.append("EOF before the end") }
        previousEnd = t.end
    }
    if tokens.last?.kind != .endOfFile || tokens.last?.start != bytes.count { problems.append("no EOF at the end") }
    let result = Parser.parse(bytes: bytes, path: path)
    for d in result.diagnostics where d.span.start.offset > bytes.count || d.span.end.offset > bytes.count || d.span.end.offset < d.span.start.offset {
        problems.append("diagnostic span out of bounds: \(d.message)")
    }
    if result.diagnostics.isEmpty, containsInvalid(result.file) { problems.append("invalid placeholder without a diagnostic") }
    return problems
}

private func containsInvalid(_ file: MigFile) -> Bool {
    var found = false
    func check(_ e: Expr) { e.visit { if case .invalid = $0.kind { found = true } } }
    var statements = file.upgrade?.statements ?? []
    if case .block(let b)? = file.downgrade { statements += b.statements }
    for s in statements {
        switch s.operation {
        case .createTable(let t):
            for c in t.columns { for m in c.modifiers { if case .defaultValue(let e) = m.kind { check(e) }; if case .check(let e) = m.kind { check(e) } } }
        case .createIndex(let i): if let p = i.predicate { check(p) }
        default: break
        }
    }
    return found
}
