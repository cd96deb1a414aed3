import Foundation
import Testing
@testable import MigCore

/// `Fixtures/lints/<case>` (a directory of .mig files, or one file), linted with
/// the default config, rendered as in `<case>.stderr`. A `<case>.dialect` file
/// holding `sqlite` or `postgres` sets the target dialect.
@Suite struct LintFixtureTests {
    @Test(arguments: CheckHarness.cases("lints"))
    func lintCase(_ url: URL) {
        let dialectFile = url.deletingPathExtension().appendingPathExtension("dialect")
        let dialect = (try? String(contentsOf: dialectFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome = CheckHarness.run(url, lint: LintConfig(dialect: dialect))
        Golden.check(outcome.rendered, against: url, suffix: ".stderr")
    }
}
