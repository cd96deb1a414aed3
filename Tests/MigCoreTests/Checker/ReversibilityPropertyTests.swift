import Foundation
import Testing
@testable import MigCore

/// Random valid histories: the derived downgrade of every revision checks cleanly
/// and, applied after the upgrade, gives back exactly the schema before it.
@Suite struct ReversibilityPropertyTests {
    /// Small N in the normal run; `MIGC_FUZZ_LONG=1` runs 2,000 seeds.
    static let seeds: [UInt64] = Array(1...(ProcessInfo.processInfo.environment["MIGC_FUZZ_LONG"] == "1" ? 2000 : 40))

    @Test(arguments: seeds)
    func derivedDowngradeRestoresTheSchema(seed: UInt64) {
        var gen = RandomHistory(seed: seed)
        var schema = Schema.empty
        for revision in 0..<15 {
            let statements = gen.revision(from: schema)
            let after = schema.applying(statements)
            let (derived, irreversible) = Inverse.downgrade(of: statements, from: schema)
            #expect(irreversible == nil)
            guard let derived else { return }
            var down = OpChecker(schema: after)
            for s in derived { down.check(s) }
            down.finish()
            #expect(down.diagnostics.isEmpty, "seed \(seed) rev \(revision): derived downgrade has errors: \(down.diagnostics.map(\.message)) for \(statements.map(\.operation)) -> \(derived.map(\.operation))")
            let diff = SchemaDiff.between(expected: schema, actual: down.schema)
            #expect(diff.isEmpty, "seed \(seed) rev \(revision): \(diff.map(\.description)) for \(statements.map(\.operation))")
            // The whole revision, as the checker sees it (its scoped comparison included).
            let file = MigFile(path: "r.mig", header: RevisionHeader(), upgrade: Block(statements: statements), downgrade: nil, span: .synthesized)
            let (checked, diagnostics) = RevisionChecker.check(id: "r\(revision)", file: file, before: schema, verifyDerived: true)
            #expect(diagnostics.isEmpty, "seed \(seed) rev \(revision): \(diagnostics.map(\.message))")
            #expect(checked.downgrade?.last.map { SchemaDiff.between(expected: schema, actual: $0.after).isEmpty } ?? statements.isEmpty)
            // Written out as a downgrade block, the derived downgrade passes the
            // written-downgrade verification (the scoped comparison) too.
            let written = MigFile(path: "r.mig", header: RevisionHeader(), upgrade: Block(statements: statements), downgrade: .block(Block(statements: derived)), span: .synthesized)
            let (_, writtenDiagnostics) = RevisionChecker.check(id: "w\(revision)", file: written, before: schema)
            #expect(writtenDiagnostics.isEmpty, "seed \(seed) rev \(revision): \(writtenDiagnostics.map(\.message))")
            // Dropping its last statement must be caught (when that changes anything).
            if derived.count > 1 {
                let short = MigFile(path: "r.mig", header: RevisionHeader(), upgrade: Block(statements: statements), downgrade: .block(Block(statements: Array(derived.dropLast()))), span: .synthesized)
                let (_, shortDiagnostics) = RevisionChecker.check(id: "s\(revision)", file: short, before: schema)
                let full = SchemaDiff.between(expected: schema, actual: after.applying(Array(derived.dropLast())))
                #expect(shortDiagnostics.contains { $0.code == DiagnosticCode.downgradeMismatch } == !full.isEmpty || shortDiagnostics.contains { $0.severity == .error && $0.code != DiagnosticCode.downgradeMismatch })
            }
            schema = after
        }
    }
}
