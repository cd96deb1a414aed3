// Views and comments in the schema model (issue 12).
//
// A view is known by name, its SQL body (verbatim, for drop/replace inverses and for
// recreating it after a SQLite rebuild) and the tables and views it reads. Those are
// the ones written in `depends (...)`, else every table or view of the schema whose
// name appears in the body as an identifier (`ViewBody.identifiers`): conservative,
// a name in a column alias counts too, which at worst asks for an unneeded
// drop-and-recreate.

public struct View: Hashable, Sendable {
    public var name: String
    /// The SQL after `AS`, as written.
    public var body: String
    /// Tables and views it reads, sorted.
    public var dependsOn: [String]
    public var definedAt: SourceSpan

    public init(name: String, body: String, dependsOn: [String] = [], definedAt: SourceSpan = .synthesized) {
        self.name = name
        self.body = body
        self.dependsOn = dependsOn
        self.definedAt = definedAt
    }

    /// Whether the body names `column` (any identifier spelled like it).
    public func mentions(column: String) -> Bool {
        ViewBody.identifiers(in: body).contains(column.lowercased())
    }
}

extension Schema {
    /// Views sorted by name.
    public var sortedViews: [View] { views.keys.sorted().map { views[$0]! } }

    /// The views reading `name` (a table or a view), sorted by name.
    public func views(dependingOn name: String) -> [View] {
        views.values.filter { $0.dependsOn.contains(name) }.sorted { $0.name < $1.name }
    }

    /// The views that read `name` directly or through other views, in an order that
    /// can create them (a view after the views it reads).
    public func viewsTransitively(dependingOn names: Set<String>) -> [View] {
        var found: [String: View] = [:]
        var frontier = Array(names)
        while let next = frontier.popLast() {
            for view in views(dependingOn: next) where found[view.name] == nil {
                found[view.name] = view
                frontier.append(view.name)
            }
        }
        return Self.creationOrder(Array(found.values))
    }

    /// Every view, each after the views it reads (by name where the order is free).
    public var viewsInCreationOrder: [View] { Self.creationOrder(Array(views.values)) }

    static func creationOrder(_ views: [View]) -> [View] {
        let names = Set(views.map(\.name))
        var ordered: [View] = []
        var placed = Set<String>()
        var remaining = views.sorted { $0.name < $1.name }
        while !remaining.isEmpty {
            let ready = remaining.filter { v in v.dependsOn.allSatisfy { !names.contains($0) || placed.contains($0) } }
            let batch = ready.isEmpty ? [remaining[0]] : ready
            ordered += batch
            placed.formUnion(batch.map(\.name))
            remaining.removeAll { placed.contains($0.name) }
        }
        return ordered
    }

    /// The tables and views `definition` reads, resolved against this schema.
    public func dependencies(of definition: ViewDefinition) -> [String] {
        if let written = definition.depends { return Array(Set(written.map(\.name))).sorted() }
        let words = ViewBody.identifiers(in: definition.body.value)
        let known = Array(tables.keys) + Array(views.keys)
        return Set(known.filter { words.contains($0.lowercased()) && $0 != definition.name.name }).sorted()
    }

    mutating func defineView(_ definition: ViewDefinition) {
        let name = definition.name.name
        views[name] = View(name: name, body: definition.body.value, dependsOn: dependencies(of: definition), definedAt: definition.name.span)
    }

    mutating func renameView(_ old: String, to new: String) {
        guard var view = views[old], views[new] == nil else { return }
        views[old] = nil
        view.name = new
        views[new] = view
        renameDependency(old, to: new)
    }

    /// A renamed table or view stays a dependency under its new name (the engines
    /// keep the link: PostgreSQL by object id, SQLite and MySQL by rewriting; the
    /// checker refuses renames a view's body would not follow, see OpChecker+Views).
    mutating func renameDependency(_ old: String, to new: String) {
        for view in views(dependingOn: old) {
            views[view.name]?.dependsOn = view.dependsOn.map { $0 == old ? new : $0 }.sorted()
        }
    }

    mutating func setComment(_ c: CommentOn) {
        switch c.target {
        case .table(let t): tables[t.name]?.comment = c.text?.value
        case .column(let t, let col):
            guard var table = tables[t.name], let i = table.columnIndex(named: col.name) else { return }
            table.columns[i].comment = c.text?.value
            tables[t.name] = table
        }
    }
}

/// A light reading of view bodies: names and symbols, with string literals and
/// comments skipped. Enough to find what a body reads; migc does not parse SQL.
public enum ViewBody {
    public enum Token: Hashable, Sendable {
        /// A bare word or a "quoted", `quoted` or [quoted] name, lowercased.
        case name(String)
        case symbol(Character)
    }

    /// The identifiers of a SQL text, lowercased.
    public static func identifiers(in sql: String) -> Set<String> {
        Set(tokens(in: sql).compactMap { if case .name(let n) = $0 { n } else { nil } })
    }

    /// Whether a select list takes every column (`SELECT *`, `SELECT t.*`, `a, *`):
    /// a `*` after `select`, `,` or `.` (not `count(*)`, not `a * b`).
    public static func selectsEveryColumn(_ sql: String) -> Bool {
        let all = tokens(in: sql)
        return all.indices.contains { i in
            guard i > 0, all[i] == .symbol("*") else { return false }
            return all[i - 1] == .name("select") || all[i - 1] == .symbol(",") || all[i - 1] == .symbol(".")
        }
    }

    public static func tokens(in sql: String) -> [Token] {
        var out: [Token] = []
        let chars = Array(sql.unicodeScalars)
        var i = 0
        func isWordChar(_ c: Unicode.Scalar) -> Bool { c == "_" || c == "$" || c.properties.isAlphabetic || ("0"..."9").contains(c) }
        while i < chars.count {
            let c = chars[i]
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
                i += 2
            } else if c == "'" || c == "\"" || c == "`" || c == "[" {
                let close: Unicode.Scalar = c == "[" ? "]" : c
                var text = String.UnicodeScalarView()
                i += 1
                while i < chars.count {
                    if chars[i] == close {
                        if close != "]", i + 1 < chars.count, chars[i + 1] == close { text.append(close); i += 2; continue }
                        break
                    }
                    text.append(chars[i])
                    i += 1
                }
                i += 1
                if c != "'" { out.append(.name(String(text).lowercased())) }
            } else if isWordChar(c) {
                var text = String.UnicodeScalarView()
                while i < chars.count, isWordChar(chars[i]) { text.append(chars[i]); i += 1 }
                out.append(.name(String(text).lowercased()))
            } else {
                if !c.properties.isWhitespace { out.append(.symbol(Character(c))) }
                i += 1
            }
        }
        return out
    }
}
