import Foundation
import Testing
@testable import MigCore

/// Walks the registry: every rule's examples are its tests, and docs/lints.md is
/// generated from them (stale docs fail; `MIGC_RECORD=1 swift test` regenerates).
@Suite struct LintRegistryTests {
    static let codes = LintRegistry.descriptions.map(\.code)

    /// Note-level rules (MIG114: every `create table` has a derived downgrade that
    /// drops it) fire on most examples; each is tested by its own examples only.
    /// Policy rules' examples run with the settings their docs show.
    static func config(for code: DiagnosticCode) -> LintConfig {
        var config = LintRegistry.rule(code)?.description.exampleSettings?.config ?? LintConfig()
        config.disabled = Set(LintRegistry.descriptions.filter { $0.defaultSeverity == .note && $0.code != code }.map(\.code))
        return config
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

    /// A policy rule (off by default) runs only when given a severity; `.off`-style
    /// disabling wins over a severity.
    @Test(arguments: LintRegistry.descriptions.filter { !$0.enabledByDefault }.map(\.code))
    func policyRulesAreOffByDefault(_ code: DiagnosticCode) {
        for example in LintRegistry.rule(code)!.description.triggering {
            #expect(!Self.run(example).diagnostics.contains { $0.code == code })
            let both = LintConfig(disabled: [code], severities: [code: .warning])
            #expect(!Self.run(example, config: both).diagnostics.contains { $0.code == code })
            let error = Self.run(example, config: LintConfig(severities: [code: .error]))
            #expect(error.diagnostics.contains { $0.code == code && $0.severity == .error })
        }
    }

    /// An allow for a policy rule that is off silences nothing, but is not "unused" (MIG112) either.
    @Test func allowOfAnInactivePolicyRuleIsNotUnused() {
        let text = """
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
                -- migc:allow MIG147 - legacy
                quantity int
              }
            }
            """
        let off = Self.run(LintExample(text), config: LintConfig(disabled: ["MIG114"]))
        #expect(off.diagnostics.isEmpty, "\(off.rendered)")
        let on = Self.run(LintExample(text), config: LintConfig(disabled: ["MIG114"], severities: ["MIG147": .warning]))
        #expect(on.diagnostics.isEmpty, "\(on.rendered)")
    }

    @Test func explainPrintsTheRuleSectionOrTheDiagnosticEntry() {
        let lint = LintDocs.explain("MIG130")
        #expect(lint?.hasPrefix("## MIG130\n\n**drop index without `concurrently` (postgres)** (default: warning)") == true)
        #expect(lint?.contains("Fixed:") == true)
        #expect(LintDocs.explain("MIG147")?.contains("(default: off)") == true)
        #expect(LintDocs.explain("E101")?.hasPrefix("## E101") == true)
        #expect(LintDocs.explain("MIG999") == nil)
    }

    @Test func everyRuleIsInTheParityTable() {
        let docs = LintDocs.markdown()
        for d in LintRegistry.descriptions { #expect(docs.contains("| [\(d.code)](#\(d.code.anchor)) | "), "\(d.code)") }
        #expect(docs.contains("| migc code | Atlas | squawk | strong_migrations |"))
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
