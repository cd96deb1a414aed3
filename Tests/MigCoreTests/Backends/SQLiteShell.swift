import Foundation
@testable import MigCore

/// Runs SQL through the `sqlite3` command-line shell on a database file in a fresh
/// temp directory (the test target does not link libsqlite3).
struct SQLiteShell {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let executable = "/usr/bin/sqlite3"
    let directory: URL
    var database: URL { directory.appendingPathComponent("test.db") }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("migc-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `sql` as `sqlite3 test.db < file`; throws with stderr on a non-zero exit.
    @discardableResult
    func run(_ sql: String) throws -> String {
        let script = directory.appendingPathComponent("script-\(UUID().uuidString).sql")
        try sql.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = [database.path]
        process.standardInput = try FileHandle(forReadingFrom: script)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stdout = String(decoding: output, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "sqlite3 failed (\(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self))")
        }
        return stdout
    }

    /// One query's output lines.
    func query(_ sql: String) throws -> [String] {
        try run(sql.hasSuffix(";") ? sql : sql + ";").split(separator: "\n").map(String.init)
    }

    func count(_ table: String) throws -> Int {
        Int(try query("SELECT count(*) FROM \(SQLText.doubleQuoted(table))").first ?? "") ?? -1
    }
}
