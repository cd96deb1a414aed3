// Differences between two schemas, table by table, column by column, in a fixed
// order (tables by name; in each: columns in expected order, then the primary key,
// unique constraints, foreign keys, checks and indexes by name). The checker uses
// it to verify written downgrades; `migc check` uses it to report drift between
// the migrations (expected) and a live database (actual).
//
// Column order is not compared: no dialect can put a column back where it was,
// so a downgrade that restores every column restores the schema.

public struct SchemaDifference: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// In the expected schema, not in the actual one.
        case missing
        /// In the actual schema, not in the expected one.
        case unexpected
        /// In both, but different.
        case changed
    }

    public var kind: Kind
    /// The table it belongs to (an index's table).
    public var table: String
    /// What it is about, e.g. "column `accounts.name`".
    public var object: String
    /// For `.changed`: what differs, e.g. "has type `text`, expected `int`".
    public var detail: String?
    /// Where the expected and the actual objects were defined (when known).
    public var expectedAt: SourceSpan?
    public var actualAt: SourceSpan?

    public init(kind: Kind, table: String, object: String, detail: String? = nil, expectedAt: SourceSpan? = nil, actualAt: SourceSpan? = nil) {
        self.kind = kind
        self.table = table
        self.object = object
        self.detail = detail
        self.expectedAt = expectedAt
        self.actualAt = actualAt
    }

    public var description: String {
        switch kind {
        case .missing: "missing \(object)"
        case .unexpected: "unexpected \(object)"
        case .changed: "\(object) \(detail ?? "differs")"
        }
    }
}

public enum SchemaDiff {
    public static func between(expected: Schema, actual: Schema) -> [SchemaDifference] {
        between(expected: expected, actual: actual, tables: Set(expected.tables.keys).union(actual.tables.keys)
                .union(expected.indexes.values.map(\.table)).union(actual.indexes.values.map(\.table)))
    }

    /// The differences in `tables` only (their columns, constraints and indexes):
    /// what the checker uses when it knows which tables a revision touched.
    /// `indexNames`, when given, are the only indexes that can differ (the checker
    /// knows which ones a revision names); nil compares every index on `tables`.
    public static func between(expected: Schema, actual: Schema, tables: Set<String>, indexNames: Set<String>? = nil) -> [SchemaDifference] {
        var out = expected.enums.isEmpty && actual.enums.isEmpty ? [] : enumDifferences(expected, actual)
        var expectedIndexes: [String: [Index]] = [:], actualIndexes: [String: [Index]] = [:]
        if let indexNames {
            for n in indexNames {
                if let i = expected.indexes[n] { expectedIndexes[i.table, default: []].append(i) }
                if let i = actual.indexes[n] { actualIndexes[i.table, default: []].append(i) }
            }
        } else {
            // One pass over each index namespace, not one per table.
            for i in expected.indexes.values where tables.contains(i.table) { expectedIndexes[i.table, default: []].append(i) }
            for i in actual.indexes.values where tables.contains(i.table) { actualIndexes[i.table, default: []].append(i) }
        }
        let tables = tables.union(expectedIndexes.keys).union(actualIndexes.keys)
        for name in tables.sorted() {
            switch (expected.tables[name], actual.tables[name]) {
            case (let e?, nil): out.append(.init(kind: .missing, table: name, object: "table `\(name)`", expectedAt: e.definedAt))
            case (nil, let a?): out.append(.init(kind: .unexpected, table: name, object: "table `\(name)`", actualAt: a.definedAt))
            case (let e?, let a?) where e != a: out += tableDifferences(e, a)
            default: break
            }
            if expectedIndexes[name] == nil && actualIndexes[name] == nil { continue }
            out += indexDifferences((expectedIndexes[name] ?? []).sorted { $0.name < $1.name }, (actualIndexes[name] ?? []).sorted { $0.name < $1.name }, table: name)
        }
        return out + viewDifferences(expected, actual)
    }

    static func tableDifferences(_ e: Table, _ a: Table) -> [SchemaDifference] {
        var out: [SchemaDifference] = []
        for ec in e.columns {
            let object = "column `\(e.name).\(ec.name)`"
            guard let ac = a.column(named: ec.name) else {
                out.append(.init(kind: .missing, table: e.name, object: object, expectedAt: ec.definedAt))
                continue
            }
            if let detail = columnDetail(ec, ac) {
                out.append(.init(kind: .changed, table: e.name, object: object, detail: detail, expectedAt: ec.definedAt, actualAt: ac.definedAt))
            }
        }
        for ac in a.columns where e.column(named: ac.name) == nil {
            out.append(.init(kind: .unexpected, table: e.name, object: "column `\(e.name).\(ac.name)`", actualAt: ac.definedAt))
        }
        out += constraintDifferences(e, a)
        return out + commentDifferences(e, a)
    }

    static func columnDetail(_ e: Column, _ a: Column) -> String? {
        if e.type != a.type { return "has type `\(a.type.displayName)`, expected `\(e.type.displayName)`" }
        if e.nullable != a.nullable { return a.nullable ? "is nullable, expected not null" : "is not null, expected nullable" }
        if e.defaultValue != a.defaultValue {
            return a.defaultValue == nil ? "has no default, expected one" : e.defaultValue == nil ? "has a default, expected none" : "has a different default"
        }
        if e.autoincrement != a.autoincrement { return a.autoincrement ? "is autoincrement, expected not" : "is not autoincrement, expected it to be" }
        return nil
    }

    /// Constraints compared by name, then by content.
    static func constraintDifferences(_ e: Table, _ a: Table) -> [SchemaDifference] {
        var out: [SchemaDifference] = []
        func compare<T: Equatable>(_ kind: String, _ ex: [String: T], _ ac: [String: T], span: (T) -> SourceSpan) {
            for name in Set(ex.keys).union(ac.keys).sorted() {
                let object = "\(kind) `\(name)` on `\(e.name)`"
                switch (ex[name], ac[name]) {
                case (let x?, nil): out.append(.init(kind: .missing, table: e.name, object: object, expectedAt: span(x)))
                case (nil, let y?): out.append(.init(kind: .unexpected, table: e.name, object: object, actualAt: span(y)))
                case (let x?, let y?) where x != y:
                    out.append(.init(kind: .changed, table: e.name, object: object, detail: "has a different definition", expectedAt: span(x), actualAt: span(y)))
                default: break
                }
            }
        }
        let pk = { (t: Table) in t.primaryKey.map { [$0.name: $0] } ?? [:] }
        compare("primary key", pk(e), pk(a), span: \.definedAt)
        compare("unique constraint", e.uniques, a.uniques, span: \.definedAt)
        compare("foreign key", e.foreignKeys, a.foreignKeys, span: \.definedAt)
        compare("check constraint", e.checks, a.checks, span: \.definedAt)
        return out
    }

    static func indexDifferences(_ e: [Index], _ a: [Index], table: String) -> [SchemaDifference] {
        var out: [SchemaDifference] = []
        let ex = Dictionary(e.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let ac = Dictionary(a.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        for name in Set(ex.keys).union(ac.keys).sorted() {
            let object = "index `\(name)`"
            switch (ex[name], ac[name]) {
            case (let x?, nil): out.append(.init(kind: .missing, table: table, object: object, expectedAt: x.definedAt))
            case (nil, let y?): out.append(.init(kind: .unexpected, table: table, object: object, actualAt: y.definedAt))
            case (let x?, let y?) where x != y:
                let detail = x.options != y.options && x.columns == y.columns && x.unique == y.unique && x.predicate == y.predicate
                    ? "has \(y.options.summary), expected \(x.options.summary)" : "has a different definition"
                out.append(.init(kind: .changed, table: table, object: object, detail: detail, expectedAt: x.definedAt, actualAt: y.definedAt))
            default: break
            }
        }
        return out
    }
}
