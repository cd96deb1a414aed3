import Foundation
@testable import MigCore
@testable import MigRunner

/// The rows the oracle puts in every table after each revision: `bigint` columns
/// (the generator's foreign-key columns) NULL when nullable, every other column a
/// value distinct per row (`n`, kept under 20,000, where the generator's `sql`
/// rows start), valid on SQLite and PostgreSQL alike.
enum OracleRows {
    static func literal(for column: Column, n: Int) -> String {
        switch column.type {
        case .bigint: return column.nullable ? "NULL" : String(n)
        case .smallint: return String(n % 30000)
        case .int, .real, .double, .decimal: return String(n)
        case .text, .sizedText, .varchar, .char, .custom: return "'v\(n)'"
        case .bool: return n % 2 == 0 ? "true" : "false"
        case .date: return "'2026-01-\(String(format: "%02d", n % 28 + 1))'"
        case .time: return "'12:00:00'"
        case .timestamp, .timestamptz: return "'2026-01-01 10:00:00'"
        case .uuid: return "'00000000-0000-4000-8000-\(String(format: "%012d", n))'"
        case .json: return "'{\"n\": \(n)}'"
        case .blob, .array: return "NULL"
        case .interval: return "'\(n % 100) days'"
        case .unboundedVarchar: return "'v\(n)'"
        case .jsonText: return "'{\"n\": \(n)}'"
        case .enumeration(let e): return e.values.first.map { "'\($0)'" } ?? "NULL"
        }
    }

    /// One row into every table of `schema`.
    static func insert(into schema: Schema, driver: any DatabaseDriver, n: inout Int) throws {
        for table in schema.sortedTables {
            n += 1
            let columns = table.columns.map { OracleGenerator.sqlQuote($0.name) }.joined(separator: ", ")
            let values = table.columns.map { literal(for: $0, n: n) }.joined(separator: ", ")
            try driver.execute("INSERT INTO \(OracleGenerator.sqlQuote(table.name)) (\(columns)) VALUES (\(values))")
        }
    }
}
