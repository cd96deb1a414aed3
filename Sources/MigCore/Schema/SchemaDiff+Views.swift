// Differences in views and comments (issue 12). A view belongs to no table; its
// differences carry the view's name as their `table`, so reports sort them in.

extension SchemaDiff {
    static func viewDifferences(_ expected: Schema, _ actual: Schema) -> [SchemaDifference] {
        guard expected.views != actual.views else { return [] }
        var out: [SchemaDifference] = []
        for name in Set(expected.views.keys).union(actual.views.keys).sorted() {
            let object = "view `\(name)`"
            switch (expected.views[name], actual.views[name]) {
            case (let e?, nil): out.append(.init(kind: .missing, table: name, object: object, expectedAt: e.definedAt))
            case (nil, let a?): out.append(.init(kind: .unexpected, table: name, object: object, actualAt: a.definedAt))
            case (let e?, let a?) where e != a:
                let detail = e.body != a.body ? "has a different body" : "reads \(list(a.dependsOn)), expected \(list(e.dependsOn))"
                out.append(.init(kind: .changed, table: name, object: object, detail: detail, expectedAt: e.definedAt, actualAt: a.definedAt))
            default: break
            }
        }
        return out
    }

    private static func list(_ names: [String]) -> String {
        names.isEmpty ? "nothing" : names.map { "`\($0)`" }.joined(separator: ", ")
    }

    static func commentDifferences(_ e: Table, _ a: Table) -> [SchemaDifference] {
        var out: [SchemaDifference] = []
        if e.comment != a.comment {
            out.append(.init(kind: .changed, table: e.name, object: "table `\(e.name)`", detail: commentDetail(e.comment, a.comment),
                             expectedAt: e.definedAt, actualAt: a.definedAt))
        }
        for ec in e.columns {
            guard let ac = a.column(named: ec.name), ec.comment != ac.comment, columnDetail(ec, ac) == nil else { continue }
            out.append(.init(kind: .changed, table: e.name, object: "column `\(e.name).\(ec.name)`", detail: commentDetail(ec.comment, ac.comment),
                             expectedAt: ec.definedAt, actualAt: ac.definedAt))
        }
        return out
    }

    private static func commentDetail(_ e: String?, _ a: String?) -> String {
        switch (e, a) {
        case (nil, _?): "has a comment, expected none"
        case (_?, nil): "has no comment, expected one"
        default: "has a different comment"
        }
    }
}

extension IndexOptions {
    /// How a difference names these clauses, e.g. "using gin, include (a)".
    public var summary: String {
        var parts: [String] = []
        if let method { parts.append("using \(method.rawValue)") }
        if !include.isEmpty { parts.append("include (" + include.map(\.name).joined(separator: ", ") + ")") }
        if nullsNotDistinct { parts.append("nulls not distinct") }
        return parts.isEmpty ? "no index clauses" : parts.joined(separator: ", ")
    }
}
