import Foundation
import Testing
@testable import MigCore

/// Random trees through the printer and back: `parse(print(t)) == t` (up to
/// `roundTripNormalized`) and printing is idempotent. A few hundred seeded cases in
/// every run; `MIGC_FUZZ_N=100000 swift test --filter PrinterProperty` for a long run.
@Suite struct PrinterPropertyTests {
    static var count: Int { Int(ProcessInfo.processInfo.environment["MIGC_FUZZ_N"] ?? "") ?? 400 }

    @Test func randomTreesRoundTrip() {
        var random = RandomTrees(seed: 0x6d69_6763)
        var failures = 0
        for n in 0..<Self.count where failures < 3 {
            let file = random.file()
            let printed = Printer.print(file)
            let parsed = Parser.parse(source: printed, path: file.path)
            let expected = Printer.roundTripNormalized(file)
            if !parsed.diagnostics.isEmpty || parsed.file != expected || Printer.print(parsed.file) != printed {
                failures += 1
                Issue.record("""
                    case \(n) does not round-trip: \(parsed.diagnostics.map(\.message))
                    \(printed)
                    --- expected tree:
                    \(ASTDump.dump(expected, spans: false))
                    --- parsed tree:
                    \(ASTDump.dump(parsed.file, spans: false))
                    """)
            }
        }
    }

    @Test func randomExpressionsRoundTrip() {
        var random = RandomTrees(seed: 42)
        for _ in 0..<Self.count * 5 {
            let expr = random.expr(5)
            let source = "revision r1\nmessage \"m\"\nupgrade {\n  add check c on t (\(Printer.print(expr)))\n}\n"
            let parsed = Parser.parse(source: source, path: "e.mig")
            guard case .addConstraint(let add)? = parsed.file.upgrade?.statements.first?.operation,
                  case .check(let back) = add.kind, back == expr else {
                Issue.record("does not round-trip: \(Printer.print(expr))\n\(ASTDump.dump(expr))")
                return
            }
        }
    }
}
