// Inverses of data changes. A written `reverse { ... }` runs as written, `reverse
// nothing` undoes nothing; otherwise only an insert has one: when every row carries
// literal values for the primary key (or, failing that, for a unique key), it is
// `delete from T where key in (...)`. An update or delete without `reverse` has
// none, like `sql` without `reverse`: the revision is irreversible (MIG101).

extension Inverse {
    static func dataInverse(_ statement: Statement, in schema: Schema) -> [Statement]? {
        switch statement.operation.dataReverse {
        case .nothing?: return []
        case .block(let block)?: return block.statements
        case nil: break
        }
        guard case .insert(let insert) = statement.operation, let delete = deletion(undoing: insert, in: schema) else { return nil }
        return [Statement(.delete(delete), span: statement.span)]
    }

    /// `delete` of exactly the rows `insert` adds, or nil when its rows do not carry
    /// a key as literals (a value computed when the insert runs cannot be matched later).
    public static func deletion(undoing insert: InsertRows, in schema: Schema) -> DeleteRows? {
        guard let table = schema.tables[insert.table.name] else { return nil }
        let keys = (table.primaryKey.map { [$0.columns] } ?? []) + table.uniques.values.sorted { $0.name < $1.name }.map(\.columns)
        for key in keys {
            let positions = key.compactMap { column in insert.columns.firstIndex { $0.name == column } }
            guard positions.count == key.count else { continue }
            let tuples = insert.rows.map { row in positions.compactMap { row.values.indices.contains($0) ? row.values[$0] : nil } }
            guard tuples.allSatisfy({ $0.count == key.count && $0.allSatisfy(isKeyLiteral) }) else { continue }
            let types = key.map { table.column(named: $0)?.type }
            let typed = tuples.map { zip($0, types).compactMap { value, type in keyValue(value, as: type) } }
            guard typed.allSatisfy({ $0.count == key.count }) else { continue }
            return DeleteRows(table: plain(insert.table), predicate: matching(key, typed))
        }
        return nil
    }

    /// A literal that is not null: what a key value must be to be matched later.
    static func isKeyLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .string, .bool: true
        case .unary(.negate, let x), .unary(.plus, let x): if case .number = x.kind { true } else { false }
        default: false
        }
    }

    /// A number stored in a text column is matched as the text it became (PostgreSQL
    /// casts `1` to varchar on insert but has no `varchar = integer`). Only a plain
    /// integer becomes the same text everywhere (`1.50` is `1.5` in SQLite, `007` is
    /// `7`): any other numeral there cannot be matched, so nil.
    static func keyValue(_ e: Expr, as type: ColumnType?) -> Expr? {
        switch type {
        case .text?, .sizedText?, .varchar?, .char?: break
        default: return e
        }
        var sign = ""
        var value = e
        if case .unary(let op, let x) = e.kind, op == .negate || op == .plus {
            sign = op == .negate ? "-" : ""
            value = x
        }
        guard case .number(let n) = value.kind else { return e }
        let plain = n.allSatisfy(\.isASCII) && n.allSatisfy(\.isNumber) && (n == "0" || !n.hasPrefix("0"))
        guard plain else { return nil }
        return Expr(.string(n == "0" ? n : sign + n), span: e.span)
    }

    /// `k in (...)` for one key column; for several, rows grouped by all but the
    /// last column: `(a = 1 and b in (2, 3)) or (a = 2 and b = 1)`, portable to
    /// every dialect (no row values).
    static func matching(_ key: [String], _ tuples: [[Expr]]) -> Expr {
        func column(_ name: String) -> Expr { Expr(.column(Identifier(name))) }
        func member(_ name: String, _ values: [Expr]) -> Expr {
            values.count == 1 ? Expr(.binary(.equal, column(name), values[0])) : Expr(.inList(column(name), values, negated: false))
        }
        var groups: [(prefix: [Expr], last: [Expr])] = []
        for tuple in tuples {
            let prefix = Array(tuple.dropLast())
            if let i = groups.firstIndex(where: { $0.prefix == prefix }) {
                if !groups[i].last.contains(tuple[tuple.count - 1]) { groups[i].last.append(tuple[tuple.count - 1]) }
            } else {
                groups.append((prefix, [tuple[tuple.count - 1]]))
            }
        }
        let terms = groups.map { group -> Expr in
            let parts = zip(key, group.prefix).map { Expr(.binary(.equal, column($0), $1)) } + [member(key[key.count - 1], group.last)]
            return parts.dropFirst().reduce(parts[0]) { Expr(.binary(.and, $0, $1)) }
        }
        return terms.dropFirst().reduce(terms[0]) { Expr(.binary(.or, $0, $1)) }
    }
}
