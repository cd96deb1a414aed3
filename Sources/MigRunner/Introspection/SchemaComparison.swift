import MigCore

/// Compares a live database (introspected) with the schema the migrations say it
/// should have, for one dialect: both sides are first reduced to what that database
/// can represent and shows back, then compared with MigCore's `SchemaDiff`, and the
/// differences get details naming both values.
///
/// Lenient on purpose where databases rewrite what they are given: defaults are
/// compared after rendering the expected one for the dialect and reading both back
/// (casts, parentheses and keyword case dropped); checks and index predicates are
/// compared by name and presence only; `no action` equals no action given; primary
/// key columns count as not null.
public enum SchemaComparison {
    public static func differences(expected: Schema, actual: Schema, dialect: Dialect) -> [SchemaDifference] {
        let e = normalized(expected, for: dialect, expected: true)
        let a = normalized(actual, for: dialect, expected: false)
        return SchemaDiff.between(expected: e, actual: a).map { explain($0, expected: e, actual: a) }
    }

    /// `schema` as `dialect` would show it back.
    public static func normalized(_ schema: Schema, for dialect: Dialect, expected: Bool) -> Schema {
        var out = dialect == .mysql ? MySQLNormalization.normalized(schema, expected: expected) : schema
        out = ExtendedTypeMapping.normalizedEnums(out, for: dialect)
        for (name, var table) in out.tables {
            let keyColumns = Set(table.primaryKey?.columns ?? [])
            table.columns = table.columns.map { column in
                var column = column
                if keyColumns.contains(column.name) { column.nullable = false }
                if column.autoincrement {
                    column.defaultValue = nil
                    if dialect == .sqlite { column.type = .int }
                }
                switch dialect {
                case .mysql: column.type = MySQLBackend.shownBack(column.type)
                case .postgres, .sqlite: if case .sizedText = column.type { column.type = .text }
                }
                if case .custom(let text) = column.type {
                    column.type = .custom(text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
                }
                column.defaultValue = column.defaultValue.map { canonical(expected ? roundTrip($0, dialect) : $0) }
                // `default null` is no default: PostgreSQL stores none for it.
                if column.defaultValue?.kind == .null { column.defaultValue = nil }
                return column
            }
            table.foreignKeys = table.foreignKeys.mapValues { fk in
                var fk = fk
                if fk.onDelete == .noAction { fk.onDelete = nil }
                if fk.onUpdate == .noAction { fk.onUpdate = nil }
                // Only PostgreSQL keeps a constraint `not valid`; elsewhere it was checked when added.
                if dialect != .postgres { fk.notValid = false }
                return fk
            }
            table.checks = table.checks.mapValues { check in
                var shown = CheckConstraint(name: check.name, expression: Expr(.null))
                shown.notValid = dialect == .postgres && check.notValid
                return shown
            }
            out.tables[name] = table
        }
        out.indexes = out.indexes.mapValues { index in
            var index = index
            index.predicate = index.predicate.map { _ in Expr(.bool(true)) }
            return index
        }
        return ViewComparison.normalized(out, for: dialect, expected: expected)
    }

    /// The expected default as the database stores it: rendered for the dialect,
    /// then read back like an introspected one.
    static func roundTrip(_ expr: Expr, _ dialect: Dialect) -> Expr {
        if dialect == .mysql { return MySQLExpressionText.read(dialect.backend.render(expr)) }
        return SQLExpressionReader.read(dialect.backend.render(expr))
    }

    /// One spelling per meaning: numeric strings as numbers (`'-1'::integer`), lowercase
    /// function names, booleans as SQLite stores them, constant arithmetic folded as
    /// PostgreSQL folds it (`-(-4)` is `4`, `1.5e3` is `1500`).
    static func canonical(_ expr: Expr) -> Expr {
        var e = expr
        switch e.kind {
        case .unary(.negate, let x):
            let inner = canonical(x)
            if case .number(let n) = inner.kind, let d = Double(n) { e.kind = .number(canonicalNumber(String(-d))) } else { e.kind = .unary(.negate, inner) }
            return e
        case .unary(.plus, let x):
            return canonical(x)
        case .binary(let op, let l, let r) where [.add, .subtract, .multiply].contains(op):
            let (a, b) = (canonical(l), canonical(r))
            if case .number(let x) = a.kind, case .number(let y) = b.kind, let p = Double(x), let q = Double(y) {
                let value = op == .add ? p + q : op == .subtract ? p - q : p * q
                e.kind = .number(canonicalNumber(String(value)))
            } else {
                e.kind = .binary(op, a, b)
            }
            return e
        case .string(let s) where Double(s) != nil && !s.contains(where: \.isWhitespace): e.kind = .number(s)
        case .number(let n): e.kind = .number(canonicalNumber(n))
        case .bool(let b): e.kind = .number(b ? "1" : "0")
        case .call(let name, let args): e.kind = .call(name: Identifier(name.name.lowercased()), arguments: args.map(canonical))
        case .unary(let op, let x): e.kind = .unary(op, canonical(x))
        case .binary(let op, let l, let r): e.kind = .binary(op, canonical(l), canonical(r))
        case .isNull(let x, let negated): e.kind = .isNull(canonical(x), negated: negated)
        case .inList(let x, let list, let negated): e.kind = .inList(canonical(x), list.map(canonical), negated: negated)
        case .between(let x, let lo, let hi, let negated): e.kind = .between(canonical(x), lower: canonical(lo), upper: canonical(hi), negated: negated)
        default: break
        }
        return e
    }

    /// `1.50`, `1.5` and `15e-1` are one number; integers print without a point.
    /// Digits beyond a Double's precision are compared as written.
    static func canonicalNumber(_ text: String) -> String {
        guard let value = Double(text), value.isFinite, text.count <= 15 else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    // MARK: Details

    static func explain(_ difference: SchemaDifference, expected: Schema, actual: Schema) -> SchemaDifference {
        guard difference.kind == .changed else { return difference }
        var d = difference
        let e = expected.tables[d.table], a = actual.tables[d.table]
        if d.object.hasPrefix("column "), let name = d.object.split(separator: ".").last?.dropLast().description,
           let ec = e?.column(named: name), let ac = a?.column(named: name), ec.defaultValue != ac.defaultValue,
           ec.type == ac.type, ec.nullable == ac.nullable {
            d.detail = "has default \(show(ac.defaultValue)), expected \(show(ec.defaultValue))"
        } else if d.object.hasPrefix("index "), let name = backticked(d.object),
                  let ei = expected.indexes[name], let ai = actual.indexes[name] {
            d.detail = "is \(describe(ai)), expected \(describe(ei))"
        } else if let e, let a, let name = backticked(d.object) {
            if let x = e.foreignKeys[name], let y = a.foreignKeys[name] { d.detail = "is \(describe(y)), expected \(describe(x))" }
            if let x = e.checks[name], let y = a.checks[name], x.notValid != y.notValid { d.detail = validity(y.notValid, expected: x.notValid) }
            if let x = e.foreignKeys[name], let y = a.foreignKeys[name], x.notValid != y.notValid { d.detail = validity(y.notValid, expected: x.notValid) }
            if let x = e.uniques[name], let y = a.uniques[name] { d.detail = "is on (\(y.columns.joined(separator: ", "))), expected (\(x.columns.joined(separator: ", ")))" }
            if let x = e.primaryKey, let y = a.primaryKey, x.name == name {
                d.detail = "is on (\(y.columns.joined(separator: ", "))), expected (\(x.columns.joined(separator: ", ")))"
            }
        }
        return d
    }

    static func validity(_ notValid: Bool, expected: Bool) -> String {
        notValid ? "is `not valid`, expected validated" : "is validated, expected `not valid`"
    }

    static func show(_ expr: Expr?) -> String { expr.map { "`\(Printer.print($0))`" } ?? "none" }

    static func backticked(_ object: String) -> String? {
        guard let start = object.firstIndex(of: "`") else { return nil }
        let rest = object[object.index(after: start)...]
        guard let end = rest.firstIndex(of: "`") else { return nil }
        return String(rest[..<end])
    }

    static func describe(_ fk: ForeignKey) -> String {
        var text = "(\(fk.columns.joined(separator: ", "))) references \(fk.referencedTable) (\(fk.referencedColumns.joined(separator: ", ")))"
        if let a = fk.onDelete { text += " on delete \(a.rawValue)" }
        if let a = fk.onUpdate { text += " on update \(a.rawValue)" }
        return text
    }

    static func describe(_ index: Index) -> String {
        let columns = index.columns.map { ($0.expression.map { Printer.print($0) } ?? $0.name.name) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        return (index.unique ? "unique " : "") + "on \(index.table) (\(columns))" + (index.predicate == nil ? "" : " with a where clause")
            + (index.options.isDefault ? "" : ", " + index.options.summary)
    }
}
