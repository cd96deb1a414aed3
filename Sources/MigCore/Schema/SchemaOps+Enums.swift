// Enum types for the generator (SchemaOps): created before any table or column can
// use them, dropped after every column that used them is gone, and a changed value
// list turned into `alter enum` steps (drops first, then each new value after the
// one before it in the target's order).

extension SchemaOps.Work {
    mutating func enums() {
        for name in target.enums.keys.sorted() where current.enums[name] == nil {
            let e = target.enums[name]!
            emit(.createEnums, .createEnum(CreateEnum(name: Identifier(name), values: e.values.map { StringLiteral($0) })))
        }
        for name in current.enums.keys.sorted() where target.enums[name] == nil {
            emit(.dropEnums, .dropEnum(DropEnum(name: Identifier(name))))
        }
        for name in current.enums.keys.sorted() {
            guard let now = current.enums[name]?.values, let goal = target.enums[name]?.values, now != goal else { continue }
            var values = now
            for gone in now where !goal.contains(gone) {
                emit(.alterEnums, .alterEnum(AlterEnum(name: Identifier(name), change: .dropValue(StringLiteral(gone)))))
                values.removeAll { $0 == gone }
            }
            for (i, value) in goal.enumerated() where !values.contains(value) {
                let position: AlterEnum.Position? = i == 0 ? values.first.map { .before(StringLiteral($0)) } : .after(StringLiteral(goal[i - 1]))
                emit(.alterEnums, .alterEnum(AlterEnum(name: Identifier(name), change: .addValue(StringLiteral(value), position: position))))
                values.insert(value, at: i == 0 ? 0 : (values.firstIndex(of: goal[i - 1]).map { $0 + 1 } ?? values.count))
            }
        }
    }
}
