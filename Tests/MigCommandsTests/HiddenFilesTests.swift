import Foundation
import Testing

/// Every command that reads the migrations directory walks it the same way: hidden
/// folders and hidden files (names starting with `.`) are not part of the project.
@Suite struct HiddenFilesTests {
    static let broken = "revision 0ld0ld0ld0ld\nupgrade { this is not a revision\n"

    @Test func everyCommandIgnoresHiddenFoldersAndFiles() throws {
        let dir = try FmtCommandTests.project([
            "migc.toml": "database = \"sqlite:app.db\"\ndir = \"migrations\"\n",
            "migrations/a_users.mig": FmtCommandTests.tidy,
            "migrations/.old/x.mig": Self.broken,
            "migrations/sub/.y.mig": Self.broken,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let commands: [[String]] = [
            ["fmt", "--check"], ["fmt"], ["lint"], ["heads"], ["history"], ["branches"], ["show", "head"],
            ["build", "--dialect", "sqlite"], ["upgrade", "--sql"], ["upgrade"], ["current"], ["check"],
            ["downgrade", "--sql", "base"], ["stamp", "head"], ["new", "-m", "next"],
        ]
        for command in commands {
            let r = try CLI.run(command, in: dir)
            #expect(r.status == 0, "migc \(command.joined(separator: " ")): \(r.stderr)")
            for hidden in [".old", "x.mig", ".y.mig", "0ld0ld"] {
                #expect(!(r.stdout + r.stderr).contains(hidden), "migc \(command.joined(separator: " ")) read `\(hidden)`")
            }
        }
        #expect(try FmtCommandTests.read(dir, "migrations/.old/x.mig") == Self.broken)
    }
}
