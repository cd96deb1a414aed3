import Foundation
import Testing

/// Two runners on one database: each revision is applied once; a runner that
/// cannot get the lock in time fails cleanly.
@Suite(.serialized) struct RunnerConcurrencyTests {
    @Test(arguments: ["per-revision", "single"])
    func twoUpgradesApplyEachRevisionOnce(mode: String) throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let ids = try p.generateHistory(300)
        let first = try p.start(["upgrade", "--quiet", "--transaction", mode])
        let second = try p.start(["upgrade", "--quiet", "--transaction", mode])
        #expect(Wait.exit(first) == 0)
        #expect(Wait.exit(second) == 0)

        #expect(try p.versionRows() == [ids.last!])
        let counts = try p.rows("SELECT revision, count(*) FROM migc_history WHERE direction = 'up' GROUP BY revision HAVING count(*) <> 1")
        #expect(counts.isEmpty, "applied more than once: \(counts)")
        #expect(try p.rows("SELECT count(*) FROM migc_history WHERE direction = 'up'") == ["\(ids.count)"])
        try p.expectRevisionBoundary(ids)
    }

    /// Waiting for the lock: the second runner starts while the first is in a slow
    /// revision, waits, then finds the rest already applied.
    @Test func secondRunnerWaitsForTheLock() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let ids = try p.slowHistory(6, slow: [2, 3, 4, 5])
        let first = try p.start(["upgrade", "--quiet", "--transaction", "per-revision"])
        #expect(try Wait.until(seconds: 60) { try p.versionRows() == ["s01"] })
        let second = try p.migc("upgrade", "--migc-lock-timeout", "60")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("nothing to do"), "\(second.stdout)")
        #expect(Wait.exit(first) == 0)
        try p.expectRevisionBoundary(ids)
        #expect(try p.expectRevisionBoundary(ids) == ids.count - 1)
    }

    /// `--migc-lock-timeout 0` on a database another migc is migrating: exit 2, a clear
    /// message, nothing changed by the second runner.
    @Test func lockTimeoutZeroFailsCleanly() throws {
        let p = try RunnerProject()
        defer { p.remove() }
        let ids = try p.slowHistory(10, slow: Set(2...9))
        let first = try p.start(["upgrade", "--quiet", "--transaction", "per-revision"])
        #expect(try Wait.until(seconds: 60) { try p.versionRows() == ["s01"] })

        let upgrade = try p.migc("upgrade", "--migc-lock-timeout", "0")
        #expect(upgrade.status == 2, "\(upgrade.stderr)")
        #expect(upgrade.stderr.contains("another migc is migrating this database"), "\(upgrade.stderr)")
        #expect(upgrade.stdout.isEmpty)
        let downgrade = try p.migc("downgrade", "base", "--migc-lock-timeout", "0")
        #expect(downgrade.status == 2, "\(downgrade.stderr)")
        #expect(downgrade.stderr.contains("another migc is migrating this database"), "\(downgrade.stderr)")
        let stamp = try p.migc("stamp", "base", "--migc-lock-timeout", "0")
        #expect(stamp.status == 2, "\(stamp.stderr)")
        #expect(stamp.stderr.contains("another migc is migrating this database"), "\(stamp.stderr)")
        // migc.toml's migc_lock_timeout counts the same as the flag, for every command.
        try "database = \"sqlite:app.db\"\ndir = \"migrations\"\n[runner]\nmigc_lock_timeout = 0\n"
            .write(to: p.dir.appendingPathComponent("zero.toml"), atomically: true, encoding: .utf8)
        for command in [["stamp", "base"], ["upgrade"], ["downgrade", "base"]] {
            let started = Date()
            let r = try p.migc(command + ["--config", "zero.toml"])
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("another migc is migrating this database"), "\(command): \(r.stderr)")
            #expect(Date().timeIntervalSince(started) < 3, "\(command) waited for the lock")
        }
        // Reading is not migrating: `current` answers while the lock is held.
        let current = try p.migc("current")
        #expect(current.status == 0, "\(current.stderr)")

        #expect(Wait.exit(first) == 0)
        #expect(try p.expectRevisionBoundary(ids) == ids.count - 1)
        #expect(try p.rows("SELECT count(*) FROM migc_history WHERE direction <> 'up'") == ["0"])
    }
}
