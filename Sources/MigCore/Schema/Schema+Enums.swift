// Enum types in the schema model. A column of an enum type carries the enum's name
// and its values (`ColumnType.enumeration`): folding a column resolves the name to
// the values the enum has then, and every enum change rewrites the columns that use
// it, so backends render `ENUM(...)` (MySQL) and the CHECK (SQLite) from a column
// alone, and `SchemaDiff` sees a changed enum in every column using it.

public struct EnumType: Hashable, Sendable {
    public var name: String
    /// In their sort order (PostgreSQL compares enum values by it).
    public var values: [String]
    public var definedAt: SourceSpan

    public init(name: String, values: [String], definedAt: SourceSpan = .synthesized) {
        self.name = name
        self.values = values
        self.definedAt = definedAt
    }
}

/// A column that uses an enum (directly or as array elements).
public struct EnumColumnUse: Hashable, Sendable {
    public var table: String
    public var column: String
}

extension Schema {
    /// `type` with enum names resolved to the enum's current values (unknown enums
    /// stay as written: the checker reported them).
    public func resolved(_ type: ColumnType) -> ColumnType {
        switch type {
        case .enumeration(let e): enums[e.name].map { .enumeration(EnumTypeReference(name: $0.name, values: $0.values)) } ?? type
        case .array(let element): .array(resolved(element))
        default: type
        }
    }

    /// Every column using enum `name`, sorted by table then column position.
    public func columns(usingEnum name: String) -> [EnumColumnUse] {
        sortedTables.flatMap { table in
            table.columns.filter { $0.type.enumName == name }.map { EnumColumnUse(table: table.name, column: $0.name) }
        }
    }

    /// Sorted enum types, for deterministic output.
    public var sortedEnums: [EnumType] { enums.keys.sorted().map { enums[$0]! } }

    mutating func applyEnumOperation(_ op: Operation) {
        switch op {
        case .createEnum(let c):
            guard enums[c.name.name] == nil else { return }
            enums[c.name.name] = EnumType(name: c.name.name, values: c.values.map(\.value), definedAt: c.name.span)
        case .dropEnum(let d):
            enums[d.name.name] = nil
        case .renameEnum(let r):
            guard var e = enums[r.name.name], enums[r.newName.name] == nil else { return }
            enums[r.name.name] = nil
            e.name = r.newName.name
            enums[e.name] = e
            retypeColumns(of: r.name.name, to: e)
        case .alterEnum(let a):
            guard var e = enums[a.name.name] else { return }
            e.values = Self.values(e.values, after: a.change)
            enums[e.name] = e
            retypeColumns(of: e.name, to: e)
            if case .renameValue(let old, let new) = a.change { renameDefaults(of: e.name, from: old.value, to: new.value) }
        default: break
        }
    }

    /// The values of an enum after `change` (a change the checker rejected leaves them).
    public static func values(_ values: [String], after change: AlterEnum.Change) -> [String] {
        var out = values
        switch change {
        case .addValue(let v, let position):
            guard !out.contains(v.value) else { return out }
            switch position {
            case .before(let w)?: out.insert(v.value, at: out.firstIndex(of: w.value) ?? out.count)
            case .after(let w)?: out.insert(v.value, at: out.firstIndex(of: w.value).map { $0 + 1 } ?? out.count)
            case nil: out.append(v.value)
            }
        case .renameValue(let v, let w):
            guard let i = out.firstIndex(of: v.value), !out.contains(w.value) else { return out }
            out[i] = w.value
        case .dropValue(let v):
            out.removeAll { $0 == v.value }
        }
        return out
    }

    /// Points every column using enum `old` at `e` (its new name or values).
    private mutating func retypeColumns(of old: String, to e: EnumType) {
        let reference = ColumnType.enumeration(EnumTypeReference(name: e.name, values: e.values))
        for use in columns(usingEnum: old) {
            guard var table = tables[use.table], let i = table.columnIndex(named: use.column) else { continue }
            if case .array = table.columns[i].type { table.columns[i].type = .array(reference) } else { table.columns[i].type = reference }
            tables[use.table] = table
        }
    }

    /// A renamed value stays the default of the columns that had it (PostgreSQL keeps
    /// the default pointing at the value; the other backends restate it).
    private mutating func renameDefaults(of name: String, from old: String, to new: String) {
        for use in columns(usingEnum: name) {
            guard var table = tables[use.table], let i = table.columnIndex(named: use.column),
                  case .string(let s)? = table.columns[i].defaultValue?.kind, s == old else { continue }
            table.columns[i].defaultValue?.kind = .string(new)
            tables[use.table] = table
        }
    }
}
