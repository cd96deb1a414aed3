import Foundation
@testable import MigCore

extension OracleGenerator {
    func m(_ t: String, _ c: String) -> Meta { meta[t]?[c] ?? Meta(mayNull: true, mayDup: true) }

    func columnTypeText(_ t: Table, _ c: String) -> String? {
        guard let col = t.column(named: c) else { return nil }
        let s = Self.typeText(col.type)
        return s == "other" ? nil : s
    }

    /// Columns a key can cover: no NULL-only bigint, no duplicate values.
    func keyable(_ t: Table) -> [String] {
        t.columns.map(\.name).filter { $0 != "id" && !m(t.name, $0).mayDup && t.column(named: $0)?.type != .bigint }
    }

    /// A unique key or primary key on exactly these columns already (a second one is
    /// refused by the checker, E124: the engines' CREATE TABLE would keep only one).
    func hasKey(_ t: Table, _ cols: [String]) -> Bool {
        t.primaryKey?.columns == cols || t.uniques.values.contains { $0.columns == cols }
    }

    func isFKColumn(_ t: Table, _ c: String) -> Bool {
        t.foreignKeys.values.contains { $0.columns.contains(c) } || schema.tables.values.contains { o in
            o.foreignKeys.values.contains { $0.referencedTable == t.name && $0.referencedColumns.contains(c) }
        } || t.column(named: c)?.type == .bigint
    }

    /// One candidate op on the current model (the caller checks it).
    mutating func candidate() -> (String, Meta.Effect)? {
        let tables = schema.sortedTables
        guard let t = rng.pick(tables), concurrentIndexesOnly || rng.int(0..<100) >= 12 else { return createTable() }
        let cols = t.columns.map(\.name).filter { $0 != "id" }
        let c = rng.pick(cols)
        let T = Self.q(t.name)
        let choice = concurrentIndexesOnly ? 10 : rng.int(0..<20)
        switch choice {
        case 0, 1:
            guard let d = columnDefinition(in: t, tableHasRows: true) else { return nil }
            return ("add column \(T).\(d.text)", .column(t.name, d.name, d.meta))
        case 2:
            guard let c, let col = t.column(named: c) else { return nil }
            // A key column refilled with one value cannot come back on a table with rows (MIG110).
            guard let fill = col.refillValue, !(col.nullable && m(t.name, c).wasNotNull) else { return nil }
            if fill.kind != .null, m(t.name, c).wasKey { return nil }
            let inUniqueIndex = schema.indexes(on: t.name).contains { $0.unique && $0.columns.contains { $0.name.name == c } }
            if fill.kind != .null, inUniqueIndex || t.uniques.values.contains(where: { $0.columns.contains(c) }) { return nil }
            return ("drop column \(T).\(Self.q(c))", .dropColumn(t.name, c))
        case 3:
            guard let c else { return nil }
            let n = columnName(in: t)
            return ("rename column \(T).\(Self.q(c)) to \(Self.q(n))", .renameColumn(t.name, c, n))
        case 4:
            let n = tableName()
            return ("rename table \(T) to \(Self.q(n))", .renameTable(t.name, n))
        case 5:
            guard let c, !isFKColumn(t, c), let ty = columnTypeText(t, c), let to = rng.pick(Self.sameFamily(ty)) else { return nil }
            return ("alter column \(T).\(Self.q(c)) type \(to)", .none)
        case 6:
            guard let c, t.column(named: c)?.nullable == true else { return nil }
            if m(t.name, c).mayNull {
                guard dataBlocks, !isFKColumn(t, c), let ty = columnTypeText(t, c), !ty.hasPrefix("decimal") else { return nil }
                // Fill the NULLs first, one distinct value per row, as people do.
                let value = ty == "int" || ty == "smallint" ? "\"id\"" : "'v' || \"id\""
                let sql = "sql \"\"\"UPDATE \(Self.sqlQuote(t.name)) SET \(Self.sqlQuote(c)) = \(value) WHERE \(Self.sqlQuote(c)) IS NULL\"\"\" reverse \"\"\"SELECT 1\"\"\""
                return (sql + Self.opSeparator + "alter column \(T).\(Self.q(c)) set not null", .notNull(t.name, c))
            }
            return ("alter column \(T).\(Self.q(c)) set not null", .notNull(t.name, c))
        case 7:
            guard let c, t.column(named: c)?.nullable == false else { return nil }
            return ("alter column \(T).\(Self.q(c)) drop not null", .none)
        case 8:
            guard let c, let col = t.column(named: c) else { return nil }
            let ty = Self.typeText(col.type) == "other" ? String(describing: col.type) : Self.typeText(col.type)
            guard let d = defaultExpr(ty) else { return nil }
            return ("alter column \(T).\(Self.q(c)) set default \(d)", .none)
        case 9:
            guard let c, t.column(named: c)?.defaultValue != nil else { return nil }
            return ("alter column \(T).\(Self.q(c)) drop default", .none)
        case 10, 11:
            guard let c else { return nil }
            let unique = rng.chance(30) && keyable(t).contains(c)
            var list = Self.q(c) + (rng.chance(20) ? " desc" : rng.chance(10) ? " asc" : "")
            var indexed = [c]
            if rng.chance(30), let second = rng.pick(cols), second != c { list += ", " + Self.q(second); indexed.append(second) }
            var clauses = rng.chance(25) ? " where \(Self.q(c)) is not null" : ""
            if concurrentIndexesOnly { clauses = rng.chance(50) ? clauses + " concurrently" : " concurrently" + clauses }
            return ("create \(unique ? "unique " : "")index \(Self.q(fresh("i"))) on \(T) (\(list))\(clauses)", unique ? .key(t.name, indexed) : .none)
        case 12:
            guard let i = rng.pick(schema.indexes(on: t.name)) else { return nil }
            return ("drop index \(Self.q(i.name))", .none)
        case 13:
            guard let c = rng.pick(keyable(t)), !hasKey(t, [c]) else { return nil }
            return ("add unique \(Self.q(fresh("uq"))) on \(T) (\(Self.q(c)))", .key(t.name, [c]))
        case 14:
            let numeric = cols.filter { t.column(named: $0).map { [.int, .smallint].contains($0.type) } ?? false }
            guard let c = rng.pick(numeric) else { return nil }
            return ("add check \(Self.q(fresh("ck"))) on \(T) (\(Self.q(c)) >= 0 or \(Self.q(c)) is null)", .none)
        case 15:
            let nullRefs = cols.filter { t.column(named: $0)?.type == .bigint && t.column(named: $0)?.nullable == true }
            guard let c = rng.pick(nullRefs), let refs = referencesClause() else { return nil }
            return ("add foreign key \(Self.q(fresh("fk"))) on \(T) (\(Self.q(c))) \(refs)", .none)
        case 16:
            guard t.primaryKey == nil else { return nil }
            return ("add primary key \(Self.q(fresh("pk"))) on \(T) (id)", .none)
        case 17:
            guard let n = rng.pick(t.constraintNames.sorted()) else { return nil }
            return ("drop constraint \(Self.q(n)) on \(T)", .none)
        case 18:
            return ("drop table \(T)", .dropTable(t.name))
        default:
            guard dataBlocks else { return nil }
            return (insertBlock(t), .none)
        }
    }

    /// `sql` inserting one row, with its reverse deleting it.
    mutating func insertBlock(_ t: Table) -> String {
        sqlRowID += 1
        let values = t.columns.map { OracleRows.literal(for: $0, n: sqlRowID) }
        let insert = "INSERT INTO \(Self.sqlQuote(t.name)) (\(t.columns.map { Self.sqlQuote($0.name) }.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))"
        let dialect = rng.chance(20) ? rng.pick(["sqlite ", "postgres "])! : ""
        return "sql \(dialect)\"\"\"\(insert)\"\"\" reverse \"\"\"DELETE FROM \(Self.sqlQuote(t.name)) WHERE \"id\" = \(sqlRowID)\"\"\""
    }

    mutating func apply(_ effect: Meta.Effect) {
        switch effect {
        case .none: break
        case .table(let t, let metas): meta[t] = metas
        case .column(let t, let c, let mm): meta[t, default: [:]][c] = mm
        case .renameTable(let a, let b):
            meta[b] = meta.removeValue(forKey: a)
            retiredTables.append(a)
        case .renameColumn(let t, let a, let b):
            let moved = meta[t]?.removeValue(forKey: a)
            meta[t]?[b] = moved
            retiredColumns.append(a)
        case .dropTable(let t):
            meta.removeValue(forKey: t)
            retiredTables.append(t)
        case .dropColumn(let t, let c):
            meta[t]?.removeValue(forKey: c)
            retiredColumns.append(c)
        case .dup(let t, let c): meta[t]?[c]?.mayDup = true
        case .notNull(let t, let c): meta[t]?[c]?.wasNotNull = true
        case .key(let t, let cs): for c in cs { meta[t]?[c]?.wasKey = true }
        }
    }

    /// Ops for one revision, each checked against the model before it is kept.
    mutating func revisionOps(maxOps: Int) -> [String] {
        var checker = OpChecker(schema: schema)
        var out: [String] = []
        let wanted = rng.int(1..<(maxOps + 1))
        var attempts = 0
        while out.count < wanted, attempts < 100 {
            attempts += 1
            guard let (text, effect) = candidate() else { continue }
            let ops = text.components(separatedBy: Self.opSeparator)
            guard let statements = OracleHistory.statements(ops) else { continue }
            var trial = checker
            for s in statements { trial.check(s) }
            trial.finish()
            guard !trial.diagnostics.hasErrors else { continue }
            checker = trial
            schema = trial.schema
            apply(effect)
            out += ops
        }
        return out
    }
}
