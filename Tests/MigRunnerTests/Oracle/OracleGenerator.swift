import Foundation
@testable import MigCore

/// Random, valid histories covering the language's ops and modifiers, generated
/// against the model so every revision checks cleanly and runs on a database that
/// holds rows (the oracle inserts one row per table after each revision, see
/// `OracleRows`). Data rules the generator keeps, tracked per column in `Meta`:
/// `set not null` only where no row can be NULL, unique keys only where no two rows
/// can share a value, foreign keys only on nullable `bigint` columns (the oracle
/// leaves those NULL), type changes within a family.
struct OracleGenerator {
    struct Meta: Hashable {
        var mayNull = false
        var mayDup = false
        /// Was NOT NULL once: dropped while nullable, its derived downgrade re-adds
        /// it NULL, and undoing the `drop not null` before that then fails.
        var wasNotNull = false
        /// Was in a unique key or index once: dropped with a fill value, its derived
        /// downgrade gives every row one value, and re-creating that key then fails.
        var wasKey = false
    }

    var rng: OracleRandom
    var counter = 0
    var schema = Schema.empty
    var meta: [String: [String: Meta]] = [:]
    /// Names used once and gone now (drop or rename): reused to catch stale state.
    var retiredTables: [String] = []
    var retiredColumns: [String] = []
    let dataBlocks: Bool
    /// A branch's side revision: no foreign keys in new tables (the main line may
    /// rename or drop any table they could point at), fresh table names only.
    var noForeignKeys = false
    /// Only `create index ... concurrently` (a `transaction off` revision).
    var concurrentIndexesOnly = false
    /// Joins the ops of one candidate that must stay together.
    static let opSeparator = "\u{1}"
    var sqlRowID = 20_000

    static let quotedTableNames = ["Order Items", "select", "MixedCase", "dash-name", "group"]
    static let quotedColumnNames = ["Unit Price", "order", "from", "CamelCol", "key"]
    static let keywords: Set<String> = ["select", "group", "order", "from", "key", "table", "index", "column", "check", "unique", "primary", "references", "null", "default", "to", "on"]

    init(seed: UInt64) {
        rng = OracleRandom(seed: seed)
        dataBlocks = rng.chance(50)
    }

    static func q(_ name: String) -> String {
        let plain = name.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil
        return plain && !keywords.contains(name) ? name : "`\(name)`"
    }

    static func sqlQuote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    mutating func fresh(_ prefix: String) -> String { counter += 1; return "\(prefix)\(counter)" }

    mutating func tableName() -> String {
        // A side branch takes fresh names only: the main line may reuse any other.
        if noForeignKeys { return fresh("t") }
        if rng.chance(20), let n = rng.pick(retiredTables.filter { n in !schema.tables.keys.contains { $0.lowercased() == n.lowercased() } }) { return n }
        if rng.chance(10), let n = rng.pick(Self.quotedTableNames.filter { n in !schema.tables.keys.contains { $0.lowercased() == n.lowercased() } && !retiredTables.contains(n) }) { return n }
        return fresh("t")
    }

    mutating func columnName(in table: Table?) -> String {
        let taken = Set((table?.columns ?? []).map { $0.name.lowercased() })
        if rng.chance(20), let n = rng.pick(retiredColumns.filter { !taken.contains($0.lowercased()) }) { return n }
        if rng.chance(10), let n = rng.pick(Self.quotedColumnNames.filter { !taken.contains($0.lowercased()) }) { return n }
        return fresh("c")
    }

    // MARK: Types and values

    static let types = ["int", "smallint", "text", "varchar(40)", "varchar(200)", "char(12)", "bool", "decimal(10, 2)", "double", "real",
                        "date", "time", "timestamp", "timestamptz", "uuid", "json", "blob", "\"text\""]
    static func dupType(_ t: String) -> Bool { ["bool", "date", "time", "timestamp", "timestamptz", "json", "blob"].contains(t) }
    static func numeric(_ t: String) -> Bool { ["int", "smallint", "decimal(10, 2)", "double", "real"].contains(t) }

    mutating func defaultExpr(_ t: String) -> String? {
        switch t {
        case "int", "smallint", "decimal(10, 2)", "double", "real": return String(rng.int(0..<100))
        case "text", "varchar(40)", "varchar(200)", "char(12)", "\"text\"": return rng.chance(50) ? "\"d\"" : "lower(\"X\")"
        case "bool": return rng.chance(50) ? "true" : "false"
        case "date": return rng.chance(50) ? "current_date" : "\"2026-01-02\""
        case "timestamp", "timestamptz": return "current_timestamp"
        case "time": return "\"10:00:00\""
        case "uuid": return "\"00000000-0000-4000-8000-000000000001\""
        default: return nil
        }
    }

    static func typeText(_ type: ColumnType) -> String {
        switch type {
        case .int: "int"
        case .smallint: "smallint"
        case .bigint: "bigint"
        case .text: "text"
        case .varchar(let n): "varchar(\(n))"
        case .char(let n): "char(\(n))"
        case .decimal(let p, let s): "decimal(\(p ?? 10), \(s ?? 0))"
        default: "other"
        }
    }

    static func sameFamily(_ t: String) -> [String] {
        switch t {
        case "int", "smallint": ["int", "smallint"]
        case "text", "varchar(200)", "varchar(40)": ["text", "varchar(200)", "varchar(40)"]
        case "decimal(10, 2)": ["decimal(12, 2)"]
        case "decimal(12, 2)": ["decimal(10, 2)"]
        default: []
        }
    }

    // MARK: Candidates

    func pkTables() -> [Table] { schema.sortedTables.filter { $0.primaryKey?.columns == ["id"] } }

    mutating func referencesClause() -> String? {
        guard !noForeignKeys, let target = rng.pick(pkTables()) else { return nil }
        var s = "references \(Self.q(target.name)) (id)"
        if rng.chance(50) { s += " on delete " + rng.pick(["cascade", "set null", "restrict", "no action"])! }
        if rng.chance(20) { s += " on update " + rng.pick(["cascade", "restrict", "no action"])! }
        return s
    }

    /// A column definition for a new table (empty) or an added column (rows).
    mutating func columnDefinition(in table: Table?, tableHasRows: Bool) -> (text: String, name: String, meta: Meta)? {
        let name = columnName(in: table)
        if rng.chance(20), let refs = referencesClause() {
            return ("\(Self.q(name)) bigint \(refs)", name, Meta(mayNull: true, mayDup: false))
        }
        let type = rng.pick(Self.types)!
        var mods: [String] = []
        var m = Meta(mayNull: false, mayDup: Self.dupType(type))
        let notNull = type != "blob" && rng.chance(35)
        let def = rng.chance(35) ? defaultExpr(type) : nil
        if notNull { mods.append("not null"); m.wasNotNull = true } else if rng.chance(10) { mods.append("null") }
        if let def { mods.append("default \(def)") }
        if tableHasRows {
            if notNull && def == nil { return nil }
            if def != nil { m.mayDup = true } else { m.mayNull = true }
        }
        if type == "blob" { m.mayNull = true }
        if !m.mayDup, rng.chance(12) { mods.append("unique"); m.wasKey = true }
        if Self.numeric(type), rng.chance(15) { mods.append("check (\(Self.q(name)) >= 0)") }
        return ("\(Self.q(name)) \(type)" + mods.map { " " + $0 }.joined(), name, m)
    }

    mutating func createTable() -> (String, Meta.Effect)? {
        let name = tableName()
        var items: [String] = []
        var metas: [String: Meta] = ["id": Meta(wasNotNull: true)]
        let inlinePK = rng.chance(70)
        let noPK = !inlinePK && rng.chance(40)
        items.append(inlinePK ? "id int primary key" + (rng.chance(20) ? " autoincrement" : "") : "id int not null")
        var plain: [String] = []
        for _ in 0..<rng.int(1..<5) {
            let probe = Table(name: name, columns: metas.keys.map { Column(name: $0, type: .int) })
            guard let c = columnDefinition(in: probe, tableHasRows: false) else { continue }
            items.append(c.text)
            metas[c.name] = c.meta
            if !c.meta.mayDup, !c.meta.mayNull { plain.append(c.name) }
        }
        if !inlinePK && !noPK { items.append("primary key (id)") }
        if plain.count >= 2, rng.chance(20) {
            items.append("unique \(Self.q(fresh("u"))) (\(Self.q(plain[0])), \(Self.q(plain[1])))")
            metas[plain[0]]?.wasKey = true
            metas[plain[1]]?.wasKey = true
        }
        if rng.chance(15) { items.append("check \(Self.q(fresh("ck"))) (id > 0)") }
        if rng.chance(15), let refs = referencesClause() {
            let col = fresh("fk")
            items.append("\(col) bigint")
            metas[col] = Meta(mayNull: true)
            items.append("foreign key \(fresh("f")) (\(col)) \(refs)")
        }
        let sep = rng.chance(30) ? "; " : "\n    "
        let body = rng.chance(30) ? " " + items.joined(separator: "; ") + " " : sep + items.joined(separator: sep) + "\n  "
        return ("create table \(Self.q(name)) {\(body)}", .table(name, metas))
    }
}

extension OracleGenerator.Meta {
    /// What an accepted op does to the per-column data facts.
    enum Effect {
        case none
        case table(String, [String: OracleGenerator.Meta])
        case column(String, String, OracleGenerator.Meta)
        case renameTable(String, String)
        case renameColumn(String, String, String)
        case dropTable(String)
        case dropColumn(String, String)
        case dup(String, String)
        case notNull(String, String)
        case key(String, [String])
    }
}

/// SplitMix64: the same seed gives the same history.
struct OracleRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[int(0..<items.count)] }
}
