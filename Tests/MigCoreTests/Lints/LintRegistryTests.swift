import Foundation
import Testing
@testable import MigCore

/// Walks the registry: every rule's examples are its tests, and docs/lints.md is
/// generated from them (stale docs fail; `MIGC_RECORD=1 swift test` regenerates).
@Suite struct LintRegistryTests {
    static let codes = LintRegistry.descriptions.map(\.code)

    /// Note-level rules (MIG114: every `create table` has a derived downgrade that
    /// drops it) fire on most examples; each is tested by its own examples only.
    static func config(for code: DiagnosticCode) -> LintConfig {
        LintConfig(disabled: Set(LintRegistry.descriptions.filter { $0.defaultSeverity == .note && $0.code != code }.map(\.code)))
    }

    static func run(_ example: LintExample, config: LintConfig = .default) -> CheckHarness.Outcome {
        let texts = example.files.enumerated().map { ("example/\($0.offset + 1).mig", $0.element) }
        return CheckHarness.run(texts, lint: config)
    }

    @Test func codesAreUniqueAndWellFormed() {
        #expect(Set(Self.codes).count == Self.codes.count)
        for code in Self.codes {
            #expect(code.rawValue.count == 6 && code.rawValue.hasPrefix("MIG") && Int(code.rawValue.dropFirst(3)) != nil, "bad code \(code)")
        }
        #expect(Self.codes == Self.codes.sorted())
    }

    @Test(arguments: codes)
    func triggeringExamplesTriggerExactlyTheirCode(_ code: DiagnosticCode) {
        let d = LintRegistry.rule(code)!.description
        #expect(!d.triggering.isEmpty)
        for example in d.triggering {
            let outcome = Self.run(example, config: Self.config(for: code))
            #expect(!outcome.diagnostics.hasErrors, "\(code): example has errors:\n\(outcome.rendered)")
            #expect(Set(outcome.diagnostics.compactMap(\.code)) == [code], "\(code):\n\(outcome.rendered)")
        }
    }

    @Test(arguments: codes)
    func nonTriggeringExamplesAreClean(_ code: DiagnosticCode) {
        let d = LintRegistry.rule(code)!.description
        #expect(!d.nonTriggering.isEmpty)
        for example in d.nonTriggering {
            let outcome = Self.run(example, config: Self.config(for: code))
            #expect(outcome.diagnostics.isEmpty, "\(code):\n\(outcome.rendered)")
        }
    }

    @Test(arguments: codes)
    func disablingACodeSilencesIt(_ code: DiagnosticCode) {
        for example in LintRegistry.rule(code)!.description.triggering {
            let outcome = Self.run(example, config: LintConfig(disabled: [code]))
            #expect(!outcome.diagnostics.contains { $0.code == code })
        }
    }

    @Test func severityOverridesApply() {
        let example = LintRegistry.rule("MIG102")!.description.triggering[0]
        let outcome = Self.run(example, config: LintConfig(disabled: ["MIG114"], severities: ["MIG102": .error]))
        #expect(outcome.diagnostics.map(\.severity) == [.error])
    }

    @Test func docsAreGeneratedFromTheRegistry() throws {
        let url = Golden.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/lints.md")
        let generated = LintDocs.markdown()
        if Golden.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let current = try? String(contentsOf: url, encoding: .utf8)
        #expect(current == generated, "docs/lints.md is stale; run MIGC_RECORD=1 swift test")
    }
}
