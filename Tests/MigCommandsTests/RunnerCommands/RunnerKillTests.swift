import Foundation
import Testing

/// `kill -9` of a running `migc upgrade` leaves the database at a revision
/// boundary, and the next `migc upgrade` finishes the job.
@Suite(.serialized) struct RunnerKillTests {
    /// Killed inside a slow revision (per-revision transactions): the revisions
    /// before it are committed, the slow one left nothing behind.
    @Test func killInsideASlowRevision() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let ids = try p.slowHistory(30, slow: [15])
        let process = try p.start(["upgrade", "--quiet", "--transaction", "per-revision"])
        // Wait until the 14 revisions before the slow one are committed, then a little more.
        let reached = try Wait.until(seconds: 60) {
            try p.sqlite("SELECT count(*) FROM sqlite_master WHERE name = 'migc_history'").hasPrefix("1")
                && Int(p.sqlite("SELECT count(*) FROM migc_history").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 14
        }
        #expect(reached)
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let index = try p.expectRevisionBoundary(ids)
        #expect(index >= 13, "killed at \(index)")
        #expect(index < ids.count - 1, "the run finished before the kill; the test proved nothing")
        #expect(try p.sqlite("SELECT count(*) FROM sqlite_master WHERE name = 'slow_s15'").hasPrefix(index >= 14 ? "1" : "0"))

        let r = try p.migc("upgrade", "--quiet")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.expectRevisionBoundary(ids) == ids.count - 1)
    }

    /// Killed inside a slow downgrade: the revisions undone before it stay undone,
    /// the slow one is still fully applied; `migc downgrade base` then finishes.
    @Test func killInsideASlowDowngrade() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let ids = try p.slowHistory(20, slow: [])
        try p.write("s10.mig", Mig.revision("s10", parent: "s09", message: "slow to undo", upgrade: """
              create table t_s10 {
                id int primary key
                v text
              }
            """, downgrade: """
              sql \"\"\"CREATE TABLE slow_down AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c; DROP TABLE slow_down\"\"\"
              drop table t_s10
            """))
        #expect(try p.migc("upgrade", "--quiet").status == 0)
        let process = try p.start(["downgrade", "base", "--quiet", "--transaction", "per-revision"])
        let reached = try Wait.until(seconds: 60) {
            Int(try p.sqlite("SELECT count(*) FROM migc_history WHERE direction = 'down'").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 10
        }
        #expect(reached)
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let version = try p.versionRows()
        #expect(version.count == 1)
        let head = try #require(version.first)
        let index = try #require(ids.firstIndex(of: head))
        #expect(index >= 8 && index <= 9, "killed at \(head)")
        #expect(try p.structure() == p.expectedStructure(at: head))
        #expect(try p.sqlite("SELECT count(*) FROM sqlite_master WHERE name = 'slow_down'").hasPrefix("0"))
        let downs = try p.rows("SELECT revision FROM migc_history WHERE direction = 'down' ORDER BY id")
        #expect(downs == Array(ids[(index + 1)...].reversed()))

        let r = try p.migc("downgrade", "base", "--quiet")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.versionRows().isEmpty)
        #expect(try p.structure() == RunnerProject.emptyStructure)
    }

    /// A 300-revision history killed part-way, in each transaction mode.
    @Test(arguments: ["per-revision", "single"])
    func killPartWayThroughALongHistory(mode: String) throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let ids = try p.generateHistory(300)
        try p.makeSlow(ids[100])
        let process = try p.start(["upgrade", "--quiet", "--transaction", mode])
        if mode == "per-revision" {
            // Commits are visible as they happen: kill in the slow 101st.
            let reached = try Wait.until(seconds: 60) {
                try p.sqlite("SELECT count(*) FROM sqlite_master WHERE name = 'migc_history'").hasPrefix("1")
                    && Int(p.sqlite("SELECT count(*) FROM migc_history").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 100
            }
            #expect(reached)
        } else {
            // One transaction: nothing is visible until the end; kill once the
            // journal shows the transaction has started writing.
            let journal = p.databasePath + "-journal"
            let started = Wait.until(seconds: 60) { FileManager.default.fileExists(atPath: journal) }
            #expect(started)
            Thread.sleep(forTimeInterval: 0.3)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let index = try p.expectRevisionBoundary(ids)
        #expect(index < ids.count - 1, "the run finished before the kill; the test proved nothing")
        if mode == "single" { #expect(index == -1, "a single-transaction run commits all or nothing") }

        let r = try p.migc("upgrade", "--quiet")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try p.expectRevisionBoundary(ids) == ids.count - 1)
    }
}
