import MigCore

/// SQLite stores any value in any column: a `varchar(8)` keeps a 200-character
/// string, a `smallint` keeps 2^40. PostgreSQL and MySQL refuse a narrowing type
/// change over such rows; so that `migc test` finds it on its default SQLite file
/// too, after each step the rows are checked against the declared types.
enum SQLiteTypeFit {
    /// One line per column whose rows do not fit its type (empty when all fit).
    static func misfits(_ schema: Schema, driver: any DatabaseDriver) throws(DatabaseError) -> [String] {
        guard driver.dialect == .sqlite else { return [] }
        var found: [String] = []
        let backend = driver.dialect.backend
        for table in schema.sortedTables {
            for column in table.columns {
                guard let condition = condition(backend.quote(column.name), column.type) else { continue }
                let count = try driver.scalar("SELECT count(*) FROM \(backend.quote(table.name)) WHERE \(condition)") ?? "0"
                if count != "0" {
                    found.append("\(count) row\(count == "1" ? "" : "s") of `\(table.name).\(column.name)` do not fit \(Printer.print(column.type)) (SQLite keeps them; PostgreSQL and MySQL refuse)")
                }
            }
        }
        return found
    }

    /// The SQL condition true for a value that does not fit `type`.
    static func condition(_ column: String, _ type: ColumnType) -> String? {
        switch type {
        case .varchar(let n), .char(let n), .sizedText(let n):
            return "length(\(column)) > \(n)"
        case .smallint:
            return "typeof(\(column)) = 'integer' AND \(column) NOT BETWEEN -32768 AND 32767"
        case .int:
            return "typeof(\(column)) = 'integer' AND \(column) NOT BETWEEN -2147483648 AND 2147483647"
        case .decimal(let precision?, let scale):
            let whole = precision - (scale ?? 0)
            guard whole < 18 else { return nil }
            let limit = "1" + String(repeating: "0", count: max(whole, 0))
            return "typeof(\(column)) IN ('integer', 'real') AND abs(\(column)) >= \(limit)"
        default:
            return nil
        }
    }
}
