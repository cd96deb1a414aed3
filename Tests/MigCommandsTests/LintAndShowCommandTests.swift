import Foundation
import Testing

/// `migc lint` and `migc show`, run as a user would, on the checker's fixtures.
@Suite struct LintAndShowCommandTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/Fixtures")

    static func project(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let migrations = dir.appendingPathComponent("migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: migrations.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    static let users = """
        revision a1
        message "users"

        upgrade {
          create table users {
            id bigint primary key
            nickname text
          }
        }
        """
    static let dropNickname = """
        revision b2
        parent a1
        message "drop nickname"

        upgrade {
          drop column users.nickname
        }
        """

    @Test func cleanProjectExitsZero() throws {
        let dir = try Self.project(["a1.mig": Self.users])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // Only the note that undoing the create drops the table (MIG114, a note).
        #expect(!r.stderr.contains("warning"), "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "[MIG").count == 2, "\(r.stderr)")
        #expect(r.stderr.contains("note: the derived downgrade of `a1` drops table `users`, with the data written since [MIG114]"), "\(r.stderr)")
        #expect(try CLI.run(["lint", "--strict"], in: dir).status == 0)
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let dir = try Self.project(["a1.mig": Self.users, "b2.mig": Self.dropNickname])
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try CLI.run(["lint"], in: dir)
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("warning: dropping column `users.nickname` deletes its data [MIG102]"))
        #expect(plain.stderr.contains("1 warning generated."))
        let strict = try CLI.run(["lint", "--strict"], in: dir)
        #expect(strict.status == 1)
    }

    @Test func configDisablesCodes() throws {
        let dir = try Self.project(["a1.mig": Self.users, "b2.mig": Self.dropNickname])
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[lint]\ndisable = [\"MIG102\"]\nstrict = true\n".write(to: dir.appendingPathComponent("migc.toml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func configSetsSeverities() throws {
        let dir = try Self.project(["a1.mig": Self.users, "b2.mig": Self.dropNickname])
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[lint.severity]\nMIG102 = \"error\"\nMIG114 = \"off\"\nMIG147 = \"note\"\n".write(to: dir.appendingPathComponent("migc.toml"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["lint"], in: dir)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("error: dropping column `users.nickname` deletes its data [MIG102]"), "\(r.stderr)")
        #expect(!r.stderr.contains("[MIG114]"), "\(r.stderr)")
        // Off by default, on as a note here: `id bigint` is fine, nothing reported.
        #expect(!r.stderr.contains("[MIG147]"), "\(r.stderr)")
    }

    @Test func explainPrintsACodesDocs() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lint = try CLI.run(["lint", "--explain", "mig130"], in: dir)
        #expect(lint.status == 0)
        #expect(lint.stdout.hasPrefix("## MIG130\n"), "\(lint.stdout)")
        #expect(lint.stdout.contains("drop index users_email_idx"))
        let error = try CLI.run(["lint", "--explain", "E101"], in: dir)
        #expect(error.status == 0 && error.stdout.hasPrefix("## E101"), "\(error.stdout)")
        let unknown = try CLI.run(["lint", "--explain", "MIG13"], in: dir)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("error: unknown code `MIG13`"), "\(unknown.stderr)")
    }

    @Test func errorsExitOneWithRenderedDiagnostics() throws {
        let r = try CLI.run(["lint", "--dir", "check/err/E350_two_roots"], in: Self.fixtures)
        #expect(r.status == 1)
        #expect(r.stderr.contains("check/err/E350_two_roots/c2_merge.mig:2:8: error: revision `c2` merges conflicting branches"))
    }

    @Test func githubAndJSONFormats() throws {
        let gh = try CLI.run(["lint", "--dir", "lints/sqlite_rebuilds", "--format", "github"], in: Self.fixtures)
        #expect(gh.stdout.contains("::warning file=lints/sqlite_rebuilds/b2_changes.mig,line=6,col=3,"))
        #expect(gh.stdout.hasPrefix("::notice file=lints/sqlite_rebuilds/a1_users.mig,"), "\(gh.stdout)")
        #expect(gh.stdout.contains("title=MIG107::"))
        let ok = try CLI.run(["lint", "--dir", "lints/sqlite_rebuilds", "--format", "json"], in: Self.fixtures)
        let items = try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [[String: Any]]
        // No dialect in this run: the mysql lint MIG117 applies too (`email text` made unique),
        // and the postgres locking lints (MIG134 `set not null`, MIG132 `add unique`).
        #expect(items?.compactMap { $0["code"] as? String } == ["MIG114", "MIG114", "MIG107", "MIG134", "MIG140", "MIG107", "MIG117", "MIG132", "MIG139", "MIG105"])
        #expect(items?.first?["severity"] as? String == "note")
    }

    @Test func filePathsRestrictTheReport() throws {
        let r = try CLI.run(["lint", "--dir", "lints/realistic", "lints/realistic/d3_search.mig", "--format", "json"], in: Self.fixtures)
        let items = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { ($0["file"] as? String) == "lints/realistic/d3_search.mig" })
    }

    @Test func missingDirectoryIsAUsageError() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["lint"], in: dir)
        #expect(r.status == 2)
    }

    @Test func showPrintsDerivedAndWrittenDowngrades() throws {
        let derived = try CLI.run(["show", "c3", "--downgrade", "--dir", "check/ok/derived_downgrades"], in: Self.fixtures)
        #expect(derived.status == 0, "\(derived.stderr)")
        #expect(derived.stdout.hasPrefix("-- downgrade of c3, derived by migc from the upgrade\ndowngrade {\n  create table customers {"))
        let written = try CLI.run(["show", "b2", "--downgrade", "--dir", "check/ok/written_downgrades"], in: Self.fixtures)
        #expect(written.stdout.contains("as written"))
        #expect(written.stdout.contains("  drop column users.bio\n}"))
        let irreversible = try CLI.run(["show", "c3", "--downgrade", "--dir", "check/ok/written_downgrades"], in: Self.fixtures)
        #expect(irreversible.status == 1)
        let file = try CLI.run(["show", "a1", "--dir", "check/ok/written_downgrades"], in: Self.fixtures)
        #expect(file.stdout.hasPrefix("revision a1\n"))
        let unknown = try CLI.run(["show", "zz", "--dir", "check/ok/written_downgrades"], in: Self.fixtures)
        #expect(unknown.status == 2)
    }
}

extension LintAndShowCommandTests {
    @Test func fileOutsideTheProjectIsAUsageError() throws {
        let r = try CLI.run(["lint", "--dir", "lints/realistic", "lints/allows/a1_users.mig"], in: Self.fixtures)
        #expect(r.status == 2)
        #expect(r.stderr.contains("is not in the migrations directory"))
    }
}
