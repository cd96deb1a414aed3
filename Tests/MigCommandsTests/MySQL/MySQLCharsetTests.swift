import Foundation
import MigTestSupport
import Testing

/// Text survives a `migc build --dialect mysql` script run by the `mariadb` client
/// whatever the client's locale: the script says `SET NAMES utf8mb4` and every table
/// states its character set. Before, `LC_ALL=C` stored `café` as `cafÃ©`.
@Suite struct MySQLCharsetTests {
    static let migration = """
        revision 0a1b2c3d4e5f
        message  "create words"
        created  2026-01-05T09:00:00Z

        upgrade {
          create table words {
            id int primary key
            v  varchar(20) not null default "café"
          }
        }

        downgrade {
          drop table words
        }

        """

    @Test func accentsAndEmojiRoundTripUnderTheCLocale() throws {
        let server = try MariaDBServer.shared.get()
        let database = try server.freshDatabase()
        let project = try OneRevisionProject(Self.migration)
        defer { project.remove() }
        let script = try project.buildScript()
        var text = try String(contentsOf: script, encoding: .utf8)
        #expect(text.contains("SET NAMES utf8mb4;"))
        #expect(text.contains(") DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;"))
        text += "INSERT INTO words (id) VALUES (1);\nINSERT INTO words (id, v) VALUES (2, 'naïve 😀');\n"
        try text.write(to: script, atomically: true, encoding: .utf8)

        let run = try server.client([], database: database, input: script.path, environment: ["LC_ALL": "C", "LANG": "C"])
        #expect(run.status == 0, "script failed: \(run.output)")
        // The stored bytes, read back as hex so no client conversion can hide a double encoding.
        let hex = try server.client(["-e", "SELECT HEX(v) FROM words ORDER BY id"], database: database)
        let expected = ["café", "naïve 😀"].map { $0.utf8.map { String(format: "%02X", $0) }.joined() }
        #expect(hex.output.split(separator: "\n").map(String.init) == expected)
        let charset = try server.client([
            "-e", "SELECT character_set_name, collation_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'words' AND column_name = 'v'",
        ], database: database)
        #expect(charset.output.trimmingCharacters(in: .whitespacesAndNewlines) == "utf8mb4\tutf8mb4_unicode_ci")
    }
}
