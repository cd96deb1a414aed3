import Testing
@testable import MigRunner

@Test func runnerModuleLinks() {}
