import Foundation
import Testing

/// `migc fmt`, run as a user runs it.
@Suite struct FmtCommandTests {
    static let messy = """
        message "add users"
        revision a1b2c3d4e5f6
        upgrade {
        create table users { id bigint primary key
          email varchar(320) not null }
        }

        """

    static let tidy = """
        revision a1b2c3d4e5f6
        message  "add users"

        upgrade {
          create table users {
            id    bigint primary key
            email varchar(320) not null
          }
        }

        """

    static func project(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func read(_ dir: URL, _ path: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func rewritesTheMigrationsDirectoryInPlaceThenHasNothingToDo() throws {
        let dir = try Self.project(["migrations/sub/a_users.mig": Self.messy, "migrations/b.mig": Self.tidy, "migrations/notes.txt": "x"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CLI.run(["fmt"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "migrations/sub/a_users.mig\n")
        #expect(try Self.read(dir, "migrations/sub/a_users.mig") == Self.tidy)
        #expect(try Self.read(dir, "migrations/notes.txt") == "x")
        let second = try CLI.run(["fmt"], in: dir)
        #expect(second.status == 0 && second.stdout.isEmpty)
    }

    @Test func checkListsUnformattedFilesAndWritesNothing() throws {
        let dir = try Self.project(["m/a.mig": Self.messy, "m/b.mig": Self.tidy])
        defer { try? FileManager.default.removeItem(at: dir) }
        let check = try CLI.run(["fmt", "--check", "m"], in: dir)
        #expect(check.status == 1)
        #expect(check.stdout == "m/a.mig\n")
        #expect(try Self.read(dir, "m/a.mig") == Self.messy)
        let clean = try CLI.run(["fmt", "--check", "m/b.mig"], in: dir)
        #expect(clean.status == 0 && clean.stdout.isEmpty)
    }

    @Test func usesDirFromOptionAndConfig() throws {
        let dir = try Self.project(["db/a.mig": Self.messy, "migc.toml": "dir = \"db\"\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["fmt", "--check"], in: dir).status == 1)
        #expect(try CLI.run(["fmt", "--check", "--dir", "elsewhere"], in: dir).status == 2)
        #expect(try CLI.run(["fmt"], in: dir).status == 0)
        #expect(try Self.read(dir, "db/a.mig") == Self.tidy)
    }

    @Test func reportsSyntaxErrorsAndLeavesThoseFilesAlone() throws {
        let broken = "revision a1\nmessage \"x\"\nupgrade {\n  creat table t { a int }\n}\n"
        let dir = try Self.project(["migrations/a.mig": broken, "migrations/b.mig": Self.messy])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["fmt"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("migrations/a.mig:4:3: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("creat table"))
        #expect(try Self.read(dir, "migrations/a.mig") == broken)
        #expect(try Self.read(dir, "migrations/b.mig") == Self.tidy)
    }

    @Test func missingPathIsAUsageError() throws {
        let dir = try Self.project([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["fmt", "nope"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("nope"))
        #expect(try CLI.run(["fmt"], in: dir).status == 2)  // no ./migrations
    }

    @Test func formatsStandardInputToStandardOutput() throws {
        let dir = try Self.project([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["fmt", "-"], in: dir, stdin: Self.messy)
        #expect(result.status == 0 && result.stdout == Self.tidy, "\(result.stderr)")
        #expect(try CLI.run(["fmt", "--check", "-"], in: dir, stdin: Self.messy).status == 1)
        #expect(try CLI.run(["fmt", "--check", "-"], in: dir, stdin: Self.tidy).status == 0)
        let broken = try CLI.run(["fmt", "-"], in: dir, stdin: "revision a1\nmessage\n")
        #expect(broken.status == 1 && broken.stdout.isEmpty && broken.stderr.contains("<stdin>:2:"), "\(broken.stderr)")
    }

    @Test func theExamplesAreFormatted() throws {
        let result = try CLI.run(["fmt", "--check", "examples"], in: CLI.packageRoot)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
