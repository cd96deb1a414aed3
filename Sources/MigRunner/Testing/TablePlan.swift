import MigCore

/// What the generator knows about one table before it makes rows: the columns it
/// writes, the parent rows each foreign key can point at, the unique column sets
/// (and the keys already taken), the checks and the literals they mention.
struct TablePlan {
    let table: String
    let dialect: Dialect
    /// Every column but autoincrement ones (the database numbers those) and
    /// columns of a type migc cannot generate that have a default.
    var columns: [Column] = []
    var nullable: Set<String> = []
    var parentRows: [(ForeignKey, [[String?]])] = []
    var uniqueSets: [[String]] = []
    var takenKeys: [[String]: Set<[String]>] = [:]
    /// Columns that get run-wide unique values (one per unique set that has one).
    var sequenced: Set<String> = []
    var checks: [CheckConstraint] = []
    var hints: [String: [CheckValue]] = [:]
    /// Why no row can be generated, if so.
    var unfillable: String?

    init(_ table: Table, schema: Schema, driver: any DatabaseDriver) throws(DatabaseError) {
        self.table = table.name
        dialect = driver.dialect
        let backend = dialect.backend
        for column in table.columns where !column.autoincrement {
            if case .custom(let name) = column.type, column.defaultValue != nil || column.nullable {
                if column.defaultValue == nil { columns.append(column) }  // NULL
                continue
            } else if case .custom(let name) = column.type {
                unfillable = "column `\(column.name)` has type \"\(name)\", for which migc generates no values"
                return
            }
            columns.append(column)
        }
        nullable = Set(table.columns.filter(\.nullable).map(\.name))
        let writable = Set(columns.map(\.name))
        for fk in table.foreignKeys.values.sorted(by: { $0.name < $1.name }) where fk.columns.allSatisfy(writable.contains) {
            let parent = schema.tables[fk.referencedTable] != nil
            let selected = fk.referencedColumns.map(backend.quote).joined(separator: ", ")
            let notNull = fk.referencedColumns.map { "\(backend.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
            let tuples = parent
                ? try driver.query("SELECT DISTINCT \(selected) FROM \(backend.quote(fk.referencedTable)) WHERE \(notNull) LIMIT 1000")
                : []
            if tuples.isEmpty, !fk.columns.allSatisfy(nullable.contains) {
                unfillable = "foreign key `\(fk.name)` needs rows in `\(fk.referencedTable)`, which has none"
                return
            }
            parentRows.append((fk, tuples))
        }
        let fkColumns = Set(parentRows.flatMap { $0.0.columns })
        var sets: [[String]] = []
        if let pk = table.primaryKey { sets.append(pk.columns) }
        sets += table.uniques.values.sorted { $0.name < $1.name }.map(\.columns)
        sets += schema.indexes(on: table.name).filter(\.unique).map { $0.columns.map(\.name.name) }
        for set in sets where set.allSatisfy(writable.contains) && !uniqueSets.contains(set) {
            uniqueSets.append(set)
            if set.contains(where: sequenced.contains) { continue }
            if let column = set.first(where: { name in
                !fkColumns.contains(name) && table.column(named: name).map { Self.sequenceable($0.type) } == true
            }) {
                sequenced.insert(column)
            } else {
                // No column can make the key unique by itself: read the keys taken.
                let list = set.map(backend.quote).joined(separator: ", ")
                let rows = try driver.query("SELECT \(list) FROM \(backend.quote(table.name))")
                takenKeys[set] = Set(rows.map { row in row.map { $0 ?? "\u{0}" } })
            }
        }
        checks = table.checks.values.sorted { $0.name < $1.name }
        for check in checks { Self.collectHints(check.expression, into: &hints) }
    }

    /// Types `SeededRandom.unique` can number (wide enough for many rows).
    static func sequenceable(_ type: ColumnType) -> Bool {
        var probe = SeededRandom(seed: 0)
        return probe.unique(for: type, sequence: 0) != nil
    }

    /// Literals a check compares a column with (`x >= 0`, `x in (...)`, `between`):
    /// values near them satisfy most checks that random values would not.
    static func collectHints(_ expr: Expr, into hints: inout [String: [CheckValue]]) {
        expr.visit { e in
            switch e.kind {
            case .binary(let op, let l, let r) where op.precedence == 4:
                if case .column(let c) = l.kind, let v = literal(r) { hints[c.name, default: []] += near(v) }
                if case .column(let c) = r.kind, let v = literal(l) { hints[c.name, default: []] += near(v) }
            case .inList(let x, let list, false):
                if case .column(let c) = x.kind { hints[c.name, default: []] += list.compactMap(literal) }
            case .between(let x, let lo, let hi, false):
                if case .column(let c) = x.kind { hints[c.name, default: []] += [lo, hi].compactMap(literal) }
            default: break
            }
        }
    }

    private static func literal(_ e: Expr) -> CheckValue? {
        let v = CheckEvaluator.evaluate(e, [:])
        return v == .unknown || v == .null ? nil : v
    }

    private static func near(_ v: CheckValue) -> [CheckValue] {
        if case .number(let n) = v { return [.number(n), .number(n + 1), .number(n + 10)] }
        return [v]
    }
}
