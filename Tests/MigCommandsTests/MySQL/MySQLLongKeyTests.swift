import Foundation
import MigTestSupport
import Testing

/// What MIG117 says, checked on MariaDB with the script `migc build --dialect mysql`
/// writes: `text unique` is unique on a 191-character prefix only, and
/// `varchar(1000) unique` (4,000 bytes) becomes a hash key. `migc lint` warns on both.
@Suite struct MySQLLongKeyTests {
    static let migration = """
        revision 0a1b2c3d4e5f
        message  "pages"
        created  2026-01-05T09:00:00Z

        upgrade {
          create table pages {
            id    int primary key
            url   text unique
            title varchar(1000) unique
          }
        }

        downgrade {
          drop table pages
        }

        """

    @Test func prefixAndHashKeysOnMariaDB() throws {
        let server = try MariaDBServer.shared.get()
        let database = try server.freshDatabase()
        let project = try OneRevisionProject(Self.migration)
        defer { project.remove() }

        let lint = try CLI.run(["lint", "--dir", project.dir.path])
        #expect(lint.stderr.components(separatedBy: "[MIG117]").count == 3, "\(lint.stderr)")

        let up = try server.client([], database: database, input: try project.buildScript().path)
        #expect(up.status == 0, "\(up.output)")

        // Two urls that differ after character 191 collide.
        let prefix = String(repeating: "a", count: 191)  // MySQLBackend.indexPrefixLength
        let first = try server.client(["-e", "INSERT INTO pages (id, url, title) VALUES (1, '\(prefix)x', 't1')"], database: database)
        #expect(first.status == 0, "\(first.output)")
        let second = try server.client(["-e", "INSERT INTO pages (id, url, title) VALUES (2, '\(prefix)y', 't2')"], database: database)
        #expect(second.status != 0 && second.output.contains("Duplicate entry"), "\(second.output)")

        let kind = try server.client([
            "-e", "SELECT index_type FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'pages' AND index_name = 'pages_title_key'",
        ], database: database)
        #expect(kind.output.trimmingCharacters(in: .whitespacesAndNewlines) == "HASH")
    }
}
