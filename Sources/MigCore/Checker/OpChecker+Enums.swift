// Enum checks: the enum ops themselves, and the uses of enums by other ops (column
// types, defaults and checks comparing an enum column with a string). Every error
// points at the name or value it is about, with a note at the definition.

extension OpChecker {
    mutating func checkEnumOperation(_ op: Operation) {
        switch op {
        case .createEnum(let c):
            checkNewEnumName(c.name)
            var seen: [String: SourceSpan] = [:]
            for v in c.values {
                checkEnumValueText(v)
                if let first = seen[v.value] {
                    error(.duplicateEnumValue, "enum `\(c.name.name)` lists value \(Printer.stringLiteral(v.value)) twice", at: v.span,
                          notes: Self.note("first listed here", first))
                }
                seen[v.value] = seen[v.value] ?? v.span
            }
        case .dropEnum(let d):
            guard let e = enumType(d.name) else { return }
            if let use = schema.columns(usingEnum: e.name).first {
                let column = schema.tables[use.table]?.column(named: use.column)
                error(.enumInUse, "enum `\(e.name)` is still the type of column `\(use.table).\(use.column)`", at: d.name.span,
                      notes: Self.note("column `\(use.table).\(use.column)` defined here", column?.definedAt ?? .synthesized),
                      help: "drop the column or change its type first")
            }
        case .renameEnum(let r):
            guard enumType(r.name) != nil else { return }
            checkNewEnumName(r.newName)
        case .alterEnum(let a):
            guard let e = enumType(a.name) else { return }
            checkEnumChange(a.change, of: e)
        default: break
        }
    }

    private mutating func checkEnumChange(_ change: AlterEnum.Change, of e: EnumType) {
        switch change {
        case .addValue(let v, let position):
            checkEnumValueText(v)
            if e.values.contains(v.value) {
                error(.duplicateEnumValue, "enum `\(e.name)` already has value \(Printer.stringLiteral(v.value))", at: v.span,
                      notes: Self.note("enum `\(e.name)` created here", e.definedAt))
            }
            if let anchor = position?.anchor { knownValue(anchor, of: e) }
        case .renameValue(let v, let w):
            knownValue(v, of: e)
            checkEnumValueText(w)
            if e.values.contains(w.value), v.value != w.value {
                error(.duplicateEnumValue, "enum `\(e.name)` already has value \(Printer.stringLiteral(w.value))", at: w.span,
                      notes: Self.note("enum `\(e.name)` created here", e.definedAt))
            } else if v.value == w.value {
                error(.noOpAlter, "value \(Printer.stringLiteral(v.value)) of enum `\(e.name)` already has this name", at: w.span)
            }
        case .dropValue(let v):
            guard knownValue(v, of: e) else { return }
            if e.values == [v.value] {
                error(.lastEnumValue, "cannot drop \(Printer.stringLiteral(v.value)), the last value of enum `\(e.name)`", at: v.span,
                      help: "drop the enum instead: `drop enum \(Printer.quoted(e.name))`")
            }
            for use in schema.columns(usingEnum: e.name) {
                guard let column = schema.tables[use.table]?.column(named: use.column),
                      case .string(let s)? = column.defaultValue?.kind, s == v.value else { continue }
                error(.enumInUse, "value \(Printer.stringLiteral(v.value)) is the default of column `\(use.table).\(use.column)`", at: v.span,
                      notes: Self.note("column `\(use.table).\(use.column)` defined here", column.definedAt),
                      help: "change the default first: `alter column \(use.table).\(use.column) set default ...`")
            }
        }
    }

    /// The enum named `id`, or an "unknown enum" error.
    mutating func enumType(_ id: Identifier) -> EnumType? {
        if let e = schema.enums[id.name] { return e }
        error(.unknownEnum, "unknown enum `\(id.name)`", at: id.span, help: Self.didYouMean(id.name, schema.enums.keys))
        return nil
    }

    @discardableResult
    private mutating func knownValue(_ v: StringLiteral, of e: EnumType) -> Bool {
        if e.values.contains(v.value) { return true }
        error(.unknownEnumValue, "enum `\(e.name)` has no value \(Printer.stringLiteral(v.value))", at: v.span,
              notes: Self.note("enum `\(e.name)` created here", e.definedAt),
              help: Self.didYouMean(v.value, e.values) ?? "its values are \(EnumType.list(e.values))")
        return false
    }

    /// PostgreSQL takes labels of 1 to 63 bytes; MySQL reserves the empty string.
    private mutating func checkEnumValueText(_ v: StringLiteral) {
        if v.value.isEmpty {
            error(.invalidEnumValue, "an enum value cannot be empty", at: v.span, help: "MySQL stores invalid values as the empty string")
        } else if v.value.utf8.count > Self.maximumNameBytes {
            error(.invalidEnumValue, "enum value \(Printer.stringLiteral(short(v.value))) is \(v.value.utf8.count) bytes long; PostgreSQL takes at most \(Self.maximumNameBytes)", at: v.span)
        }
    }

    /// Enums share PostgreSQL's type namespace with tables (a table is also a type).
    private mutating func checkNewEnumName(_ id: Identifier) {
        checkNewName(id, kind: "enum")
        if let e = schema.enums[id.name] ?? schema.enums.firstKey(where: { $0.equalsIgnoringCase(id.name) }).flatMap({ schema.enums[$0] }) {
            error(.enumExists, e.name == id.name ? "enum `\(e.name)` already exists" : "enum `\(id.name)` collides with enum `\(e.name)` (names are case-insensitive in PostgreSQL's quoted-name-free use)",
                  at: id.span, notes: Self.note("enum `\(e.name)` created here", e.definedAt))
        } else if let t = schema.tables[id.name] ?? schema.tables.firstKey(where: { $0.equalsIgnoringCase(id.name) }).flatMap({ schema.tables[$0] }) {
            error(.enumExists, "enum name `\(id.name)` is already used by table `\(t.name)` (PostgreSQL gives every table a type of its name)",
                  at: id.span, notes: Self.note("table `\(t.name)` created here", t.definedAt))
        }
    }

    // MARK: Uses of enums by other ops

    /// One-line hook from `check`: the enum parts of table and column ops.
    mutating func checkEnumUses(_ op: Operation) {
        switch op {
        case .createTable(let c):
            checkNameFreeOfEnums(c.name)
            for column in c.columns { checkEnumColumn(column) }
            for constraint in c.constraints {
                if case .check(_, let e) = constraint.kind { checkEnumComparisons(e, columns: c.columns.map { ($0.name.name, $0.type.type) }) }
            }
        case .renameTable(let r): checkNameFreeOfEnums(r.newName)
        case .addColumn(let a):
            checkEnumColumn(a.column)
        case .alterColumn(let a):
            if case .type(let ref, _) = a.change { checkEnumTypeExists(ref) }
        case .addConstraint(let a):
            if case .check(let e) = a.kind, let t = schema.tables[a.table.name] {
                checkEnumComparisons(e, columns: t.columns.map { ($0.name, $0.type) })
            }
        default: break
        }
    }

    private mutating func checkNameFreeOfEnums(_ id: Identifier) {
        guard !schema.enums.isEmpty,
              let e = schema.enums[id.name] ?? schema.enums.firstKey(where: { $0.equalsIgnoringCase(id.name) }).flatMap({ schema.enums[$0] }) else { return }
        error(.enumExists, "table name `\(id.name)` is already used by enum `\(e.name)` (PostgreSQL keeps tables and types in one namespace)",
              at: id.span, notes: Self.note("enum `\(e.name)` created here", e.definedAt))
    }

    private mutating func checkEnumColumn(_ def: ColumnDefinition) {
        guard def.type.type.enumName != nil else { return }
        guard checkEnumTypeExists(def.type) else { return }
        for m in def.modifiers {
            if case .check(let e) = m.kind { checkEnumComparisons(e, columns: [(def.name.name, def.type.type)]) }
        }
    }

    /// E130 for a column type naming no enum (a typo of a portable type included).
    @discardableResult
    private mutating func checkEnumTypeExists(_ ref: TypeReference) -> Bool {
        guard let name = ref.type.enumName else { return true }
        if schema.enums[name] != nil { return true }
        let guess = Suggest.closest(to: name.lowercased(), in: Array(schema.enums.keys) + ColumnType.keywords)
        error(.unknownEnum, "unknown type `\(short(name))`: no portable type and no enum of this name", at: ref.span,
              help: guess.map { "did you mean `\($0)`? (an enum is created with `create enum \(short(name)) (\"a\", \"b\")`; a quoted type passes through verbatim: `\"\(short(name))\"`)" }
                  ?? "create the enum first (`create enum \(short(name)) (\"a\", \"b\")`), or quote a type to pass it through: `\"\(short(name))\"`")
        return false
    }

    /// A default on an enum column must be one of its values (called by `checkDefault`).
    mutating func checkEnumDefault(_ e: Expr, type: ColumnType, column: String) {
        guard case .enumeration(let ref) = schema.resolved(type), let values = schema.enums[ref.name]?.values else { return }
        switch e.kind {
        case .string(let s) where !values.contains(s):
            error(.unknownEnumValue, "default of column `\(column)` is \(Printer.stringLiteral(s)), which enum `\(ref.name)` does not have", at: e.span,
                  notes: Self.note("enum `\(ref.name)` created here", schema.enums[ref.name]?.definedAt ?? .synthesized),
                  help: Self.didYouMean(s, values) ?? "its values are \(EnumType.list(values))")
        case .number, .bool, .currentDate, .currentTimestamp:
            error(.defaultTypeMismatch, "default of column `\(column)` is not a value of enum `\(ref.name)`", at: e.span,
                  help: "its values are \(EnumType.list(values))")
        default: break
        }
    }

    /// `c = "x"`, `c <> "x"`, `c in ("x", ...)` where `c` is an enum column: every
    /// string must be a value of the enum.
    private mutating func checkEnumComparisons(_ e: Expr, columns: [(String, ColumnType)]) {
        func values(of operand: Expr) -> (String, [String])? {
            guard case .column(let id) = operand.kind, let type = columns.first(where: { $0.0 == id.name })?.1,
                  case .enumeration(let ref) = schema.resolved(type), let en = schema.enums[ref.name] else { return nil }
            return (en.name, en.values)
        }
        func check(_ literal: Expr, against: (String, [String])) {
            guard case .string(let s) = literal.kind, !against.1.contains(s) else { return }
            error(.unknownEnumValue, "enum `\(against.0)` has no value \(Printer.stringLiteral(s))", at: literal.span,
                  help: Self.didYouMean(s, against.1) ?? "its values are \(EnumType.list(against.1))")
        }
        switch e.kind {
        case .binary(let op, let l, let r):
            if [.equal, .notEqual].contains(op) {
                if let v = values(of: l) { check(r, against: v) }
                if let v = values(of: r) { check(l, against: v) }
            }
            checkEnumComparisons(l, columns: columns)
            checkEnumComparisons(r, columns: columns)
        case .inList(let x, let list, _):
            if let v = values(of: x) { for item in list { check(item, against: v) } }
        case .unary(_, let x), .isNull(let x, _):
            checkEnumComparisons(x, columns: columns)
        default: break
        }
    }
}
