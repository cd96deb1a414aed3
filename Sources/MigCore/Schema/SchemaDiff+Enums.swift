// Enum types compared by name, then by values (order included: PostgreSQL sorts
// by it). Their differences have an empty `table`: they belong to no table.

extension SchemaDiff {
    static func enumDifferences(_ expected: Schema, _ actual: Schema) -> [SchemaDifference] {
        var out: [SchemaDifference] = []
        for name in Set(expected.enums.keys).union(actual.enums.keys).sorted() {
            let object = "enum `\(name)`"
            switch (expected.enums[name], actual.enums[name]) {
            case (let e?, nil): out.append(.init(kind: .missing, table: "", object: object, expectedAt: e.definedAt))
            case (nil, let a?): out.append(.init(kind: .unexpected, table: "", object: object, actualAt: a.definedAt))
            case (let e?, let a?) where e.values != a.values:
                out.append(.init(kind: .changed, table: "", object: object,
                                 detail: "has values \(EnumType.list(a.values)), expected \(EnumType.list(e.values))",
                                 expectedAt: e.definedAt, actualAt: a.definedAt))
            default: break
            }
        }
        return out
    }
}

extension EnumType {
    /// `("a", "b")` as the language writes values.
    public static func list(_ values: [String]) -> String {
        "(" + values.map(Printer.stringLiteral).joined(separator: ", ") + ")"
    }
}

extension Operation {
    /// The enums an enum op names (its old and new name for a rename).
    var enumNames: Set<String> {
        switch self {
        case .createEnum(let c): [c.name.name]
        case .dropEnum(let d): [d.name.name]
        case .renameEnum(let r): [r.name.name, r.newName.name]
        case .alterEnum(let a): [a.name.name]
        default: []
        }
    }

    /// The tables with a column using an enum this op names, in any of `schemas`.
    func tablesUsingEnums(in schemas: [Schema]) -> Set<String> {
        var out: Set<String> = []
        for schema in schemas {
            for name in enumNames { out.formUnion(schema.columns(usingEnum: name).map(\.table)) }
        }
        return out
    }
}
