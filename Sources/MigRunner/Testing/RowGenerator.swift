import MigCore

/// What filling one table did: how many rows went in, and why not more.
public struct TableFill: Sendable, Hashable {
    public var table: String
    public var rows: Int
    /// Why the table got no rows, or fewer than asked (nil when it got them all).
    public var note: String?
}

/// Fills every table of a schema with rows that satisfy it (types, NOT NULL,
/// unique keys, foreign keys in dependency order, checks the evaluator can solve),
/// so `migc test` meets the failures that only happen on a table with rows. A
/// table it cannot fill is skipped with the reason; the run goes on.
public struct RowGenerator: Sendable {
    public let rowsPerTable: Int
    private var random: SeededRandom
    /// Grows by one per generated row, run-wide: unique values never repeat.
    private var sequence = 0
    private static let attempts = 40

    public init(seed: UInt64, rowsPerTable: Int) {
        random = SeededRandom(seed: seed)
        self.rowsPerTable = rowsPerTable
    }

    public mutating func fill(_ schema: Schema, driver: any DatabaseDriver) -> [TableFill] {
        guard rowsPerTable > 0 else { return [] }
        return Self.dependencyOrder(schema).map { fill($0, schema: schema, driver: driver) }
    }

    /// Referenced tables before the tables that reference them; cycles and
    /// self-references are broken by name order (their nullable keys get NULL).
    static func dependencyOrder(_ schema: Schema) -> [Table] {
        var remaining = schema.sortedTables
        var done: Set<String> = []
        var order: [Table] = []
        while !remaining.isEmpty {
            let ready = remaining.firstIndex { table in
                table.foreignKeys.values.allSatisfy { $0.referencedTable == table.name || done.contains($0.referencedTable) || schema.tables[$0.referencedTable] == nil }
            } ?? 0
            let table = remaining.remove(at: ready)
            done.insert(table.name)
            order.append(table)
        }
        return order
    }

    private mutating func fill(_ table: Table, schema: Schema, driver: any DatabaseDriver) -> TableFill {
        do {
            var plan = try TablePlan(table, schema: schema, driver: driver)
            if let reason = plan.unfillable { return TableFill(table: table.name, rows: 0, note: reason) }
            var rows: [[DataValue]] = []
            var stopped: String?
            for _ in 0..<rowsPerTable {
                switch generateRow(&plan) {
                case .success(let row): rows.append(row)
                case .failure(let why): stopped = why.reason
                }
                if stopped != nil { break }
            }
            if rows.isEmpty { return TableFill(table: table.name, rows: 0, note: stopped) }
            try insert(rows, into: plan, driver: driver)
            let note = stopped.map { "\(rows.count) of \(rowsPerTable) rows: \($0)" }
            return TableFill(table: table.name, rows: rows.count, note: note)
        } catch {
            driver.rollbackQuietly()
            return TableFill(table: table.name, rows: 0, note: "the database refused the generated rows: \(error)")
        }
    }

    private struct GenerationFailure: Error { var reason: String }

    private mutating func generateRow(_ plan: inout TablePlan) -> Result<[DataValue], GenerationFailure> {
        var lastReason = "no row satisfies the table's constraints"
        for _ in 0..<Self.attempts {
            sequence += 1
            var values: [String: DataValue] = [:]
            for (fk, tuples) in plan.parentRows {
                if tuples.isEmpty || (fk.columns.allSatisfy { plan.nullable.contains($0) } && random.chance(0.1)) {
                    for c in fk.columns { values[c] = .null }
                } else {
                    let tuple = tuples[random.int(0...tuples.count - 1)]
                    for (c, v) in zip(fk.columns, tuple) where values[c] == nil { values[c] = v.map(DataValue.text) ?? .null }
                }
            }
            for column in plan.columns where values[column.name] == nil {
                values[column.name] = value(for: column, plan: plan)
            }
            let row = plan.columns.map { values[$0.name] ?? .null }
            let evaluated = Dictionary(uniqueKeysWithValues: plan.columns.map { ($0.name, values[$0.name]?.evaluated ?? .null) })
            if let failed = plan.checks.first(where: { CheckEvaluator.passes($0.expression, row: evaluated) != true }) {
                lastReason = "no generated row satisfies check `\(failed.name)`"
                continue
            }
            let keys = plan.uniqueSets.map { set in set.map { values[$0]?.key ?? "\u{0}" } }
            if let taken = zip(plan.uniqueSets, keys).first(where: { set, key in
                !key.contains("\u{0}") && plan.takenKeys[set]?.contains(key) == true
            }) {
                lastReason = "unique (\(taken.0.joined(separator: ", "))) has no unused values left"
                continue
            }
            for (set, key) in zip(plan.uniqueSets, keys) { plan.takenKeys[set, default: []].insert(key) }
            return .success(row)
        }
        return .failure(GenerationFailure(reason: lastReason))
    }

    private mutating func value(for column: Column, plan: TablePlan) -> DataValue {
        if plan.sequenced.contains(column.name), let unique = random.unique(for: column.type, sequence: sequence) {
            return unique
        }
        if column.nullable, random.chance(0.15) { return .null }
        if let hints = plan.hints[column.name], !hints.isEmpty, random.chance(0.7) {
            return Self.fitted(hints[random.int(0...hints.count - 1)], to: column.type) ?? .null
        }
        return random.value(for: column.type, dialect: plan.dialect) ?? .null
    }

    /// A literal from a check, in the column's type.
    private static func fitted(_ hint: CheckValue, to type: ColumnType) -> DataValue? {
        switch hint {
        case .number(let n): type.isInteger ? .number(String(Int(n.rounded()))) : .number(String(n))
        case .text(let s): .text(s)
        case .bool(let b): .bool(b)
        default: nil
        }
    }

    private func insert(_ rows: [[DataValue]], into plan: TablePlan, driver: any DatabaseDriver) throws(DatabaseError) {
        let backend = plan.dialect.backend
        let target = backend.quote(plan.table)
        try driver.begin()
        if plan.columns.isEmpty {
            let statement = plan.dialect == .mysql ? "INSERT INTO \(target) () VALUES ()" : "INSERT INTO \(target) DEFAULT VALUES"
            for _ in rows { try driver.execute(statement) }
        } else {
            let names = plan.columns.map { backend.quote($0.name) }.joined(separator: ", ")
            for start in stride(from: 0, to: rows.count, by: 100) {
                let chunk = rows[start..<min(start + 100, rows.count)]
                let values = chunk.map { "(" + $0.map { $0.literal(plan.dialect) }.joined(separator: ", ") + ")" }
                try driver.execute("INSERT INTO \(target) (\(names)) VALUES \(values.joined(separator: ", "))")
            }
        }
        try driver.commit()
    }
}
