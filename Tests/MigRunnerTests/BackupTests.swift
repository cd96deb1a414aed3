import Foundation
import MigCore
import MigRunner
import Testing

/// `--backup` on real databases: back up, run a revision that drops a table with
/// rows, restore with the printed command, and the rows are back.
@Suite struct BackupTests {
    static let createKeep = """
        revision f10000000001
        message  "create keep_me"

        upgrade {
          create table keep_me {
            id   bigint primary key
            name varchar(40) not null
          }
        }
        """
    static let dropKeep = """
        revision f10000000002
        parent   f10000000001
        message  "drop keep_me"

        upgrade {
          -- migc:allow MIG102 - the test drops a table with rows on purpose
          drop table keep_me
        }
        """

    static func project() throws -> (Project, String) {
        let dir = NSTemporaryDirectory() + "migc-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try createKeep.write(toFile: dir + "/f10000000001_create.mig", atomically: true, encoding: .utf8)
        try dropKeep.write(toFile: dir + "/f10000000002_drop.mig", atomically: true, encoding: .utf8)
        return (try Project.open(directory: dir, depth: .full), dir)
    }

    static func shell(_ command: String) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>&1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try? process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    func roundTrip(_ url: DatabaseURL, extension ext: String) throws {
        let (project, dir) = try Self.project()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = Migrator.Options(transactionMode: .perRevision)
        var migrator: Migrator? = try Migrator(project: project, url: url)
        _ = try migrator!.upgrade(to: "f10000000001", options: options)
        try migrator!.driver.execute("INSERT INTO keep_me (id, name) VALUES (1, 'ada'), (2, 'grace')")

        let path = dir + "/backup." + ext
        let result = try DatabaseBackup.run(url, driver: migrator!.driver, to: path)
        #expect(result.path == path && result.bytes > 0)
        // Never over an existing file, device or symlink.
        #expect(throws: BackupError.self) { try DatabaseBackup.run(url, driver: migrator!.driver, to: path) }
        #expect(throws: BackupError.self) { try DatabaseBackup.run(url, driver: migrator!.driver, to: "/dev/null") }
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/elsewhere")
        #expect(throws: BackupError.self) { try DatabaseBackup.run(url, driver: migrator!.driver, to: dir + "/link") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/elsewhere"))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".migc-") }.isEmpty)

        _ = try migrator!.upgrade(to: "head", options: options)
        #expect(throws: DatabaseError.self) { try migrator!.driver.query("SELECT count(*) FROM keep_me") }
        migrator!.driver.close()
        migrator = nil

        let (status, output) = Self.shell(result.restoreCommand)
        #expect(status == 0, "\(result.restoreCommand)\n\(output)")
        let after = try Migrator(project: project, url: url)
        #expect(try after.driver.query("SELECT name FROM keep_me ORDER BY id") == [["ada"], ["grace"]])
        #expect(try after.appliedHeads() == ["f10000000001"])
    }

    @Test func sqliteOnlineBackup() throws {
        try roundTrip(SQLiteFiles.fresh(), extension: "db")
    }

    @Test func postgresDump() throws {
        try roundTrip(PostgresCluster.freshDatabase(), extension: "dump")
    }

    @Test func mariadbDump() throws {
        try roundTrip(ScratchMySQL.freshDatabase(), extension: "sql")
    }

    @Test func pgDumpVersionIsRead() {
        #expect(PostgresDumpVersion.major("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)") == 15)
    }
}
