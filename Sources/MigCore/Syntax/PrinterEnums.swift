// Canonical text of the enum operations and of the types added with them.

extension Printer {
    static func enumOperation(_ op: Operation) -> String {
        switch op {
        case .createEnum(let c):
            return "create enum \(quoted(c.name.name)) (" + c.values.map { stringLiteral($0.value) }.joined(separator: ", ") + ")"
        case .dropEnum(let d): return "drop enum " + quoted(d.name.name)
        case .renameEnum(let r): return "rename enum \(quoted(r.name.name)) to \(quoted(r.newName.name))"
        case .alterEnum(let a):
            let prefix = "alter enum \(quoted(a.name.name)) "
            switch a.change {
            case .addValue(let v, let position):
                var text = prefix + "add value " + stringLiteral(v.value)
                switch position {
                case .before(let w)?: text += " before " + stringLiteral(w.value)
                case .after(let w)?: text += " after " + stringLiteral(w.value)
                case nil: break
                }
                return text
            case .renameValue(let v, let w): return prefix + "rename value \(stringLiteral(v.value)) to \(stringLiteral(w.value))"
            case .dropValue(let v): return prefix + "drop value " + stringLiteral(v.value)
            }
        default: return ""
        }
    }

    static func printExtendedType(_ type: ColumnType) -> String {
        switch type {
        case .interval: "interval"
        case .unboundedVarchar: "varchar"
        case .jsonText: "jsontext"
        case .enumeration(let e): enumTypeName(e.name)
        case .array(let element): print(element) + "[]"
        default: print(type)
        }
    }

    /// An enum's name where a type goes: backticked when it would read as another
    /// database's type name (`integer`) or a column modifier.
    static func enumTypeName(_ name: String) -> String {
        let lower = name.lowercased()
        if MigParser.typeAliases[lower] != nil || MigParser.modifierKeywords.contains(lower) { return backticked(name) }
        return quoted(name)
    }
}
