import Foundation
import Testing
@testable import MigCore

/// `Fixtures/check/err/<case>` must produce errors, rendered as in `<case>.stderr`;
/// `Fixtures/check/ok/<case>` must produce no diagnostic at all.
@Suite struct CheckFixtureTests {
    @Test(arguments: CheckHarness.cases("check/err"))
    func errorCase(_ url: URL) {
        let outcome = CheckHarness.run(url)
        #expect(outcome.diagnostics.hasErrors, "\(Golden.relativePath(url)) checks cleanly")
        Golden.check(outcome.rendered, against: url, suffix: ".stderr")
    }

    @Test(arguments: CheckHarness.cases("check/ok"))
    func okCase(_ url: URL) {
        let outcome = CheckHarness.run(url)
        #expect(outcome.diagnostics.isEmpty, "\(Golden.relativePath(url)):\n\(outcome.rendered)")
    }
}
