// Column checks: definitions (modifiers, defaults, autoincrement), add, drop,
// rename and alter.

extension OpChecker {
    /// Checks one column definition inside `table` (which already contains it).
    /// `existingPrimaryKey` is the table's key before an `add column`.
    mutating func checkColumnDefinition(_ def: ColumnDefinition, table: Table, existingPrimaryKey: PrimaryKey?) {
        let qualified = "\(table.name).\(def.name.name)"
        var seen: [String: SourceSpan] = [:]
        var nullability: (Bool, SourceSpan)?
        for m in def.modifiers {
            let key = Self.modifierKey(m.kind)
            if let first = seen[key], key != "references", key != "check" {
                error(.conflictingModifiers, "duplicate modifier `\(key)` on column `\(qualified)`", at: m.span,
                      notes: Self.note("first written here", first))
            }
            seen[key] = seen[key] ?? m.span
            switch m.kind {
            case .null, .notNull:
                let wantsNull = m.kind == .null
                if let (previous, span) = nullability, previous != wantsNull {
                    error(.conflictingModifiers, "column `\(qualified)` is declared both `null` and `not null`", at: m.span,
                          notes: Self.note("the other one is here", span))
                }
                nullability = (wantsNull, m.span)
            case .defaultValue(let e):
                checkDefault(e, type: def.type.type, column: qualified, nullable: !def.modifiers.contains { $0.kind == .notNull || $0.kind == .primaryKey })
            case .references(let target):
                checkForeignKey(columns: [def.name], target: target, table: table)
            case .check(let e):
                checkColumns(of: e, in: table)
            case .primaryKey, .unique, .autoincrement:
                break
            }
        }
        if let (isNull, span) = nullability, isNull, let pk = seen["primary key"] {
            error(.nullablePrimaryKey, "primary key column `\(qualified)` cannot be `null`", at: span,
                  notes: Self.note("primary key declared here", pk))
        }
        if let pkSpan = seen["primary key"], let existing = existingPrimaryKey {
            error(.multiplePrimaryKeys, "table `\(table.name)` already has a primary key `\(existing.name)`", at: pkSpan,
                  notes: Self.note("primary key `\(existing.name)` defined here", existing.definedAt))
        }
        if let span = seen["autoincrement"] {
            if deferKeyChecks {
                if !def.type.type.isInteger { checkAutoincrement(def.name.name, type: def.type.type, table: table, at: span) }
                pendingAutoincrement.append(PendingAutoincrement(table: table.name, column: def.name.name, span: span))
            } else {
                checkAutoincrement(def.name.name, type: def.type.type, table: table, at: span)
            }
        }
    }

    static func modifierKey(_ kind: ColumnModifier.Kind) -> String {
        switch kind {
        case .null: "null"
        case .notNull: "not null"
        case .primaryKey: "primary key"
        case .unique: "unique"
        case .defaultValue: "default"
        case .autoincrement: "autoincrement"
        case .references: "references"
        case .check: "check"
        }
    }

    mutating func checkAutoincrement(_ name: String, type: ColumnType, table: Table, at span: SourceSpan) {
        if !type.isInteger {
            error(.badAutoincrement, "autoincrement column `\(table.name).\(name)` must have an integer type, not `\(type.displayName)`", at: span)
        } else if table.primaryKey?.columns != [name] {
            error(.badAutoincrement, "autoincrement column `\(table.name).\(name)` must be the table's single-column primary key", at: span,
                  help: "add `primary key` to the column")
        }
    }

    /// Rejects defaults whose type obviously cannot fit the column.
    mutating func checkDefault(_ e: Expr, type: ColumnType, column: String, nullable: Bool) {
        checkEnumDefault(e, type: type, column: column)
        if case .null = e.kind, !nullable {
            error(.defaultTypeMismatch, "default `null` on not-null column `\(column)`", at: e.span)
        }
        if let problem = Self.literalProblem(e, type: type) {
            error(.defaultTypeMismatch, "default of column `\(column)` is \(problem), but the column is `\(type.displayName)`", at: e.span)
        }
    }

    /// What is wrong with literal `e` as a value of `type` ("a string"), when the
    /// literal obviously cannot fit; nil when it may.
    static func literalProblem(_ e: Expr, type: ColumnType) -> String? {
        let family = type.family
        switch e.kind {
        case .string(let s):
            if [.integer, .numeric, .bool].contains(family) { return "a string" }
            if case .varchar(let n) = type, s.count > n { return "a string of \(s.count) characters" }
            if case .char(let n) = type, s.count > n { return "a string of \(s.count) characters" }
        case .number:
            if [.bool, .temporal, .uuid, .binary].contains(family) { return "a number" }
        case .bool:
            if [.integer, .numeric, .temporal, .uuid, .binary, .text].contains(family) { return "a boolean" }
        case .currentTimestamp, .currentDate:
            if [.integer, .numeric, .bool, .uuid, .binary].contains(family) { return "a date/time" }
        default: break
        }
        return nil
    }

    // MARK: Add, drop, rename

    mutating func checkAddColumn(_ a: AddColumn) {
        guard let t = table(a.table) else { return }
        checkNewName(a.column.name, kind: "column")
        if let existing = t.columns.first(where: { $0.name.lowercased() == a.column.name.name.lowercased() }) {
            error(.columnExists, "column `\(t.name).\(existing.name)` already exists", at: a.column.name.span,
                  notes: Self.note("column `\(t.name).\(existing.name)` defined here", existing.definedAt))
            return
        }
        checkAutomaticNames(of: a.column, table: t.name, existing: t)
        let after = schema.applying(.addColumn(a))
        folded = after
        guard let table = after.tables[t.name] else { return }
        var inner = OpChecker(schema: after)
        inner.deferKeyChecks = true
        inner.checkColumnDefinition(a.column, table: table, existingPrimaryKey: t.primaryKey)
        diagnostics += inner.diagnostics
        pendingAutoincrement += inner.pendingAutoincrement
        if let backfill = a.backfill { checkBackfill(backfill, of: a.column, in: t) }
    }

    mutating func checkDropColumn(_ d: DropColumn) {
        guard let t = table(d.table), let c = column(d.column, in: t) else { return }
        if t.columns.count == 1 {
            error(.lastColumn, "cannot drop column `\(t.name).\(c.name)`: it is the only column of the table", at: d.column.span,
                  help: "drop the table instead")
            return
        }
        if let (what, span) = multiColumnUse(of: c.name, in: t) {
            error(.columnInUse, "cannot drop column `\(t.name).\(c.name)`: it is used by \(what)", at: d.column.span,
                  notes: Self.note("defined here", span), help: "drop that first")
            return
        }
        for (other, fk) in foreignKeys(referencing: t.name) where fk.points(at: t.name, c.name) && !(other.name == t.name && fk.columns == [c.name]) {
            do {
                error(.columnInUse, "cannot drop column `\(t.name).\(c.name)`: foreign key `\(fk.name)` on `\(other.name)` references it",
                      at: d.column.span, notes: Self.note("foreign key `\(fk.name)` defined here", fk.definedAt),
                      help: "drop the constraint first: `drop constraint \(fk.name) on \(other.name)`")
                return
            }
        }
    }

    /// The first multi-column index or constraint (or a check mentioning other
    /// columns) that uses `column`: dropping the column would silently drop it.
    func multiColumnUse(of column: String, in t: Table) -> (String, SourceSpan)? {
        if let pk = t.primaryKey, pk.columns.count > 1, pk.columns.contains(column) {
            return ("primary key `\(pk.name)` (\(pk.columns.joined(separator: ", ")))", pk.definedAt)
        }
        for u in t.uniques.values.sorted(by: { $0.name < $1.name }) where u.columns.count > 1 && u.columns.contains(column) {
            return ("unique constraint `\(u.name)` (\(u.columns.joined(separator: ", ")))", u.definedAt)
        }
        for f in t.foreignKeys.values.sorted(by: { $0.name < $1.name }) where f.columns.count > 1 && f.columns.contains(column) {
            return ("foreign key `\(f.name)` (\(f.columns.joined(separator: ", ")))", f.definedAt)
        }
        for k in t.checks.values.sorted(by: { $0.name < $1.name }) {
            let cols = Set(k.expression.referencedColumns.map(\.name))
            if cols.contains(column), cols.count > 1 { return ("check constraint `\(k.name)`", k.definedAt) }
        }
        for i in schema.indexes(on: t.name) where i.mentions(column) {
            let cols = Set(i.columns.flatMap(\.referencedColumns) + (i.predicate?.referencedColumns.map(\.name) ?? []))
            if cols.count > 1 { return ("index `\(i.name)` (\(i.columns.map { $0.expression.map(Printer.print) ?? $0.name.name }.joined(separator: ", ")))", i.definedAt) }
        }
        return nil
    }

    mutating func checkRenameColumn(_ r: RenameColumn) {
        guard let t = table(r.table), let c = column(r.column, in: t) else { return }
        checkNewName(r.newName, kind: "column")
        let folded = r.newName.name.lowercased()
        if let existing = t.columns.first(where: { $0.name.lowercased() == folded && $0.name != c.name }) {
            error(.columnExists, "column `\(t.name).\(existing.name)` already exists", at: r.newName.span,
                  notes: Self.note("column `\(t.name).\(existing.name)` defined here", existing.definedAt))
        }
    }

    // MARK: Alter

    mutating func checkAlterColumn(_ a: AlterColumn) {
        guard let t = table(a.table), let c = column(a.column, in: t) else { return }
        let q = "\(t.name).\(c.name)"
        switch a.change {
        case .type(let ref, let using):
            if schema.resolved(ref.type) == c.type {
                error(.noOpAlter, "column `\(q)` already has type `\(c.type.displayName)`", at: ref.span,
                      notes: Self.note("column `\(q)` defined here", c.definedAt))
            }
            if c.autoincrement, !ref.type.isInteger {
                error(.badAutoincrement, "autoincrement column `\(q)` must keep an integer type, not `\(ref.type.displayName)`", at: ref.span)
            }
            if let d = c.defaultValue {
                var probe = OpChecker(schema: schema)
                probe.checkDefault(d, type: ref.type, column: q, nullable: c.nullable)
                if !probe.diagnostics.isEmpty {
                    error(.defaultTypeMismatch, "the default of column `\(q)` does not fit type `\(ref.type.displayName)`", at: ref.span,
                          notes: Self.note("column `\(q)` defined here", c.definedAt),
                          help: "drop the default first: `alter column \(q) drop default`")
                }
            }
            if let using { checkColumns(of: using, in: t) }
            checkForeignKeyTypes(afterRetyping: c.name, of: t, to: ref.type, at: ref.span)
        case .setNotNull:
            if !c.nullable {
                error(.noOpAlter, "column `\(q)` is already not null", at: a.column.span,
                      notes: Self.note("column `\(q)` defined here", c.definedAt))
            }
        case .dropNotNull:
            if let pk = t.primaryKey, pk.columns.contains(c.name) {
                error(.nullablePrimaryKey, "column `\(q)` is part of primary key `\(pk.name)` and cannot be nullable", at: a.column.span,
                      notes: Self.note("primary key `\(pk.name)` defined here", pk.definedAt))
            } else if c.nullable {
                error(.noOpAlter, "column `\(q)` is already nullable", at: a.column.span,
                      notes: Self.note("column `\(q)` defined here", c.definedAt))
            }
        case .setDefault(let e):
            checkDefault(e, type: c.type, column: q, nullable: c.nullable)
        case .dropDefault:
            if c.defaultValue == nil {
                error(.noOpAlter, "column `\(q)` has no default to drop", at: a.column.span,
                      notes: Self.note("column `\(q)` defined here", c.definedAt))
            }
        }
    }
}

extension ColumnType {
    /// Coarse families: foreign keys must stay within one, defaults must fit one.
    enum Family: Hashable { case integer, numeric, bool, text, binary, temporal, uuid, json, enumeration, custom }

    var family: Family {
        switch self {
        case .smallint, .int, .bigint: .integer
        case .real, .double, .decimal: .numeric
        case .bool: .bool
        case .text, .sizedText, .varchar, .char: .text
        case .blob: .binary
        case .date, .time, .timestamp, .timestamptz: .temporal
        case .uuid: .uuid
        case .json, .jsonText: .json
        case .interval: .temporal
        case .unboundedVarchar: .text
        case .enumeration: .enumeration
        case .array, .custom: .custom
        }
    }

    /// The type as written in a `.mig` file.
    public var displayName: String { Printer.print(self) }
}
