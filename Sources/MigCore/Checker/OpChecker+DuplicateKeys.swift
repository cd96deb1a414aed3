// A unique key on exactly the columns of another key of the table (the primary key
// or another unique constraint). The engines disagree about such a pair: SQLite's
// and PostgreSQL's CREATE TABLE keep only one of them (so every SQLite rebuild and a
// fresh PostgreSQL database lose one), while PostgreSQL's ALTER TABLE keeps both. The
// model could not match the database on every path, so the second key is refused
// (found by the oracle, issue 11: Tests/Fixtures/oracle/duplicate_unique_key).

extension OpChecker {
    /// Reports every key of `tableName` in `after` that is new since `before` and
    /// duplicates another key's columns.
    mutating func checkDuplicateKeys(of tableName: String, before: Schema, after: Schema) {
        guard let table = after.tables[tableName] else { return }
        let old = before.tables[tableName]
        var keys: [(name: String, kind: String, columns: Set<String>, span: SourceSpan)] = []
        if let pk = table.primaryKey { keys.append((pk.name, "primary key", Set(pk.columns), pk.definedAt)) }
        for u in table.uniques.values.sorted(by: { $0.name < $1.name }) {
            keys.append((u.name, "unique constraint", Set(u.columns), u.definedAt))
        }
        for (i, key) in keys.enumerated() where key.kind == "unique constraint" && old?.uniques[key.name] == nil {
            guard let other = keys.enumerated().first(where: { $0.offset != i && $0.element.columns == key.columns })?.element,
                  other.kind == "primary key" || other.name < key.name || old?.uniques[other.name] != nil
            else { continue }
            let columns = table.columns.map(\.name).filter(key.columns.contains).joined(separator: ", ")
            error(.duplicateKey, "unique constraint `\(key.name)` on `\(table.name)` (\(columns)) duplicates \(other.kind) `\(other.name)`",
                  at: key.span, notes: Self.note("\(other.kind) `\(other.name)` defined here", other.span),
                  help: "one key is enough: the database would keep only one of the two when the table is created or rebuilt")
        }
    }
}
