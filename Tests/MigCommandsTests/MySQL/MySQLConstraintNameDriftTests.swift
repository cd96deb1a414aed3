import Foundation
import MigTestSupport
import Testing

/// A database another tool built names its keys MySQL's way (`T_ibfk_N`, a unique
/// key after its first column); the model names them PostgreSQL's way. Stamped at
/// the revision that creates the same tables, `check` on MariaDB must report the
/// names as drift (a later `drop constraint` by the model's name would fail).
@Suite struct MySQLConstraintNameDriftTests {
    @Test func keysNamedByAnotherToolAreDrift() throws {
        let (p, server, database, url) = try MySQLRunnerCommandTests.project()
        defer { p.remove() }
        try p.write("a1.mig", Mig.revision("a1", parent: nil, message: "teams and users", upgrade: """
              create table teams {
                id int primary key
              }
              create table users {
                id int primary key
                email varchar(100) unique
                team_id int references teams (id)
              }
            """))
        _ = try server.client(["-e", """
            CREATE TABLE teams (id INT NOT NULL PRIMARY KEY) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
            CREATE TABLE users (id INT NOT NULL PRIMARY KEY, email VARCHAR(100) UNIQUE, team_id INT,
              FOREIGN KEY (team_id) REFERENCES teams (id)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """], database: database)
        let stamp = try p.migc("stamp", "a1", "--database", url)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        let check = try p.migc("check", "--database", url)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("users_ibfk_1"), "\(check.stdout)")
        #expect(check.stdout.contains("users_team_id_fkey"), "\(check.stdout)")
        #expect(check.stdout.contains("users_email_key"), "\(check.stdout)")

        // The same tables made by migc itself: no drift.
        let (q, _, _, fresh) = try MySQLRunnerCommandTests.project()
        defer { q.remove() }
        try q.write("a1.mig", try String(contentsOf: p.migrations.appendingPathComponent("a1.mig"), encoding: .utf8))
        #expect(try q.migc("upgrade", "--database", fresh).status == 0)
        let clean = try q.migc("check", "--database", fresh)
        #expect(clean.status == 0 && clean.stdout.contains("no drift"), "\(clean.stdout)\(clean.stderr)")
    }
}
