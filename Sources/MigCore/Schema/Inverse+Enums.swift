// Inverses of the enum operations. Every one has one: a dropped enum is recreated
// with the values the model knew, a dropped value is added back where it was, and
// an added value is dropped (on PostgreSQL by recreating the type and casting the
// columns: see EnumSQL.swift and docs/language.md, "Enums").

extension Inverse {
    static func enumInverse(_ op: Operation, in schema: Schema) -> [Operation] {
        switch op {
        case .createEnum(let c):
            return [.dropEnum(DropEnum(name: plain(c.name)))]
        case .dropEnum(let d):
            guard let e = schema.enums[d.name.name] else { return [] }
            return [.createEnum(CreateEnum(name: Identifier(e.name), values: e.values.map { StringLiteral($0) }))]
        case .renameEnum(let r):
            return [.renameEnum(RenameEnum(name: plain(r.newName), newName: plain(r.name)))]
        case .alterEnum(let a):
            let name = plain(a.name)
            switch a.change {
            case .addValue(let v, _):
                return [.alterEnum(AlterEnum(name: name, change: .dropValue(StringLiteral(v.value))))]
            case .renameValue(let v, let w):
                return [.alterEnum(AlterEnum(name: name, change: .renameValue(StringLiteral(w.value), to: StringLiteral(v.value))))]
            case .dropValue(let v):
                guard let values = schema.enums[a.name.name]?.values, let i = values.firstIndex(of: v.value) else { return [] }
                // Back where it was: before its successor, else after its predecessor.
                let position: AlterEnum.Position? = i + 1 < values.count ? .before(StringLiteral(values[i + 1]))
                    : i > 0 ? .after(StringLiteral(values[i - 1])) : nil
                return [.alterEnum(AlterEnum(name: name, change: .addValue(StringLiteral(v.value), position: position)))]
            }
        default:
            return []
        }
    }
}
