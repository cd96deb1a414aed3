import Foundation
import Testing
@testable import MigCore
@testable import MigRunner

/// The generative oracle (issue 11): random valid histories run on real engines,
/// every property of `OracleRun` checked; a failure is shrunk and written out as a
/// fixture (its path in the failure message) to copy into `Tests/Fixtures/oracle/`.
///
/// Every `swift test` runs a few seeded histories. The long mode:
///   MIGC_ORACLE_HISTORIES=2000 MIGC_ORACLE_REVISIONS=100 MIGC_ORACLE_ENGINES=sqlite \
///     swift test --filter OracleTests
/// (`MIGC_ORACLE_SEED` moves the seeds; `MIGC_ORACLE_OUT` is where shrunk failures go).
@Suite struct OracleTests {
    static let env = ProcessInfo.processInfo.environment
    static let longHistories = Int(env["MIGC_ORACLE_HISTORIES"] ?? "")
    static let seedBase = UInt64(env["MIGC_ORACLE_SEED"] ?? "") ?? 11_000

    static func config(_ engine: Engine) -> (histories: Int, revisions: Int) {
        if let n = longHistories {
            let engines = (env["MIGC_ORACLE_ENGINES"] ?? "sqlite,postgres").split(separator: ",").map(String.init)
            return (engines.contains(engine.rawValue) ? n : 0, Int(env["MIGC_ORACLE_REVISIONS"] ?? "") ?? 100)
        }
        return engine == .sqlite ? (6, 12) : (3, 10)
    }

    @Test(arguments: Engine.transactional)
    func generatedHistories(engine: Engine) throws {
        let (count, revisions) = Self.config(engine)
        var ran = 0, failures = 0
        for k in 0..<count {
            let seed = Self.seedBase + UInt64(k)
            let history = OracleHistory.generate(seed: seed, revisions: revisions)
            var run = OracleRun(history: history, engine: engine)
            let failure = run.check()
            ran += run.revisionsRun
            if Self.longHistories != nil, (k + 1) % 10 == 0 {
                print("oracle \(engine): \(k + 1)/\(count) histories, \(ran) revisions, \(failures + (failure == nil ? 0 : 1)) failing")
            }
            guard let failure else { continue }
            failures += 1
            _ = OracleShrinker.writeFixture(history, name: "\(engine)-seed\(seed)-original", failure: failure)
            var shrinker = OracleShrinker(engine: engine, signature: failure.signature)
            let (small, smallFailure) = shrinker.shrink(history, failure)
            let path = OracleShrinker.writeFixture(small, name: "\(engine)-seed\(seed)", failure: smallFailure)
            Issue.record("seed \(seed) on \(engine): \(failure)\nshrunk (\(small.revisions.count) revisions, \(small.opCount) ops) to \(path):\n\(smallFailure)\n\(small)")
            if failures >= (Self.longHistories == nil ? 5 : 40) { break }
        }
        if Self.longHistories != nil {
            print("oracle \(engine): \(count) histories, \(ran) revisions upgraded, \(failures) failing")
        }
    }

    /// Every shrunk failure kept as a fixture runs on both engines.
    static let fixtureRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/oracle")
    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtureRoot.path)) ?? []).filter { !$0.contains(".") }.sorted()
    }

    @Test(arguments: Engine.transactional, fixtures)
    func fixtureHistories(engine: Engine, name: String) throws {
        let history = try OracleHistory.read(from: Self.fixtureRoot.appendingPathComponent(name).path)
        var run = OracleRun(history: history, engine: engine)
        let failure = run.check()
        #expect(failure == nil, "\(name) on \(engine): \(failure.map(\.description) ?? "")")
    }

    /// Written downgrades with one statement removed: whenever that leaves a schema
    /// other than the one before the revision, the checker must reject the file.
    @Test func mutatedDowngradesAreRejected() throws {
        var mutated = 0
        for k in 0..<(Self.longHistories.map { min($0, 200) } ?? 20) {
            let history = OracleHistory.generate(seed: Self.seedBase + 50_000 + UInt64(k), revisions: 10)
            mutated += try OracleMutations.check(history)
        }
        #expect(mutated > 0, "no written downgrade was mutated")
    }
}
