@testable import MigCore

/// A seeded generator (SplitMix64): the same seed gives the same history.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random operations generated against the current model; only candidates that
/// check cleanly are kept, so every history is valid.
struct RandomHistory {
    var rng: SeededRandom
    var counter = 0

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func name(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &rng)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    static let types: [ColumnType] = [.int, .bigint, .smallint, .text, .varchar(40), .varchar(200), .bool, .decimal(precision: 10, scale: 2), .timestamp, .date, .uuid, .json]

    mutating func defaultValue(for type: ColumnType) -> Expr? {
        switch type.family {
        case .integer, .numeric: Expr(.number(String(Int.random(in: 0..<100, using: &rng))))
        case .text: Expr(.string("x"))
        case .bool: Expr(.bool(chance(50)))
        case .temporal: type == .date ? Expr(.currentDate) : Expr(.currentTimestamp)
        default: nil
        }
    }

    mutating func column(in schema: Schema, table: String, allowKeys: Bool) -> ColumnDefinition {
        let type = pick(Self.types)!
        var mods: [ColumnModifier] = []
        if chance(30) { mods.append(ColumnModifier(.notNull)) }
        if chance(30), let d = defaultValue(for: type) { mods.append(ColumnModifier(.defaultValue(d))) }
        if allowKeys, chance(15) { mods.append(ColumnModifier(.unique)) }
        let c = name("c")
        if allowKeys, chance(15) { mods.append(ColumnModifier(.check(Expr(.isNull(Expr(.column(Identifier(c))), negated: true))))) }
        if allowKeys, chance(25), let target = pick(schema.sortedTables.filter { $0.primaryKey?.columns.count == 1 }),
           let pkColumn = target.column(named: target.primaryKey!.columns[0]) {
            return ColumnDefinition(name: Identifier(c), type: TypeReference(pkColumn.type),
                                    modifiers: [ColumnModifier(.references(ForeignKeyTarget(table: Identifier(target.name), columns: [Identifier(pkColumn.name)], onDelete: pick([nil, .cascade, .setNull]) ?? nil)))])
        }
        return ColumnDefinition(name: Identifier(c), type: TypeReference(type), modifiers: mods)
    }

    mutating func candidate(in schema: Schema) -> Operation? {
        let tables = schema.sortedTables
        let table = pick(tables)
        let column = table.flatMap { pick($0.columns) }
        switch Int.random(in: 0..<15, using: &rng) {
        case 0, 1:
            let t = name("t")
            var cols = [ColumnDefinition(name: Identifier("id"), type: TypeReference(.bigint), modifiers: [ColumnModifier(.primaryKey)] + (chance(50) ? [ColumnModifier(.autoincrement)] : []))]
            for _ in 0..<Int.random(in: 1...4, using: &rng) { cols.append(self.column(in: schema, table: t, allowKeys: true)) }
            var constraints: [TableConstraint] = []
            if chance(30), cols.count >= 3 {
                constraints.append(TableConstraint(.unique(name: Identifier(name("u")), columns: [cols[1].name, cols[2].name])))
            }
            return .createTable(CreateTable(name: Identifier(t), columns: cols, constraints: constraints))
        case 2, 3:
            guard let table else { return nil }
            return .addColumn(AddColumn(table: Identifier(table.name), column: self.column(in: schema, table: table.name, allowKeys: true)))
        case 4:
            guard let table, let column else { return nil }
            return .dropColumn(DropColumn(table: Identifier(table.name), column: Identifier(column.name)))
        case 5:
            guard let table, let column else { return nil }
            return .renameColumn(RenameColumn(table: Identifier(table.name), column: Identifier(column.name), newName: Identifier(name("r"))))
        case 6:
            guard let table else { return nil }
            return .renameTable(RenameTable(name: Identifier(table.name), newName: Identifier(name("rt"))))
        case 7:
            guard let table, let column else { return nil }
            let change: AlterColumn.Change
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: change = .type(TypeReference(pick(Self.types)!), using: nil)
            case 1: change = .setNotNull
            case 2: change = .dropNotNull
            case 3: guard let d = defaultValue(for: column.type) else { return nil }; change = .setDefault(d)
            default: change = .dropDefault
            }
            return .alterColumn(AlterColumn(table: Identifier(table.name), column: Identifier(column.name), change: change))
        case 8, 9:
            guard let table, let column else { return nil }
            var cols = [IndexColumn(name: Identifier(column.name), descending: chance(20))]
            if chance(30), let second = pick(table.columns), second.name != column.name { cols.append(IndexColumn(name: Identifier(second.name))) }
            let predicate = chance(20) ? Expr(.isNull(Expr(.column(Identifier(column.name))), negated: true)) : nil
            return .createIndex(CreateIndex(name: Identifier(name("i")), table: Identifier(table.name), unique: chance(30), columns: cols, predicate: predicate))
        case 10:
            guard let index = pick(schema.indexes.keys.sorted()) else { return nil }
            return .dropIndex(DropIndex(name: Identifier(index)))
        case 11:
            guard let table, let column else { return nil }
            let kind: AddConstraint.Kind
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: kind = .unique(columns: [Identifier(column.name)])
            case 1: kind = .check(Expr(.isNull(Expr(.column(Identifier(column.name))), negated: true)))
            default:
                guard let target = pick(tables.filter { $0.primaryKey?.columns.count == 1 }),
                      let pk = target.column(named: target.primaryKey!.columns[0]) else { return nil }
                kind = .foreignKey(columns: [Identifier(column.name)], target: ForeignKeyTarget(table: Identifier(target.name), columns: [Identifier(pk.name)]))
            }
            return .addConstraint(AddConstraint(name: Identifier(name("k")), table: Identifier(table.name), kind: kind))
        case 12:
            guard let table, let n = pick(table.constraintNames.sorted()) else { return nil }
            return .dropConstraint(DropConstraint(name: Identifier(n), table: Identifier(table.name)))
        case 13:
            guard let table else { return nil }
            return .dropTable(DropTable(name: Identifier(table.name)))
        default:
            guard let table, table.primaryKey == nil, let column else { return nil }
            return .addConstraint(AddConstraint(name: Identifier(name("pk")), table: Identifier(table.name), kind: .primaryKey(columns: [Identifier(column.name)])))
        }
    }

    /// A valid revision body of 1...max ops from `schema`.
    mutating func revision(from schema: Schema, maxOps: Int = 5) -> [Statement] {
        var checker = OpChecker(schema: schema)
        var out: [Statement] = []
        var attempts = 0
        let wanted = Int.random(in: 1...maxOps, using: &rng)
        while out.count < wanted, attempts < 200 {
            attempts += 1
            guard let op = candidate(in: checker.schema) else { continue }
            var trial = checker
            trial.check(Statement(op))
            trial.finish()
            guard trial.diagnostics.isEmpty else { continue }
            checker = trial
            out.append(Statement(op))
        }
        return out
    }
}
