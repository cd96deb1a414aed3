// Views and comments in the syntax tree (issue 12). A view's body is SQL text passed
// through like a `sql` block; the model knows the view by name and by the tables
// (and views) it reads, so drops, renames and SQLite rebuilds can respect it.

/// `create view V [depends (T, ...)] as """SELECT ..."""` and `replace view` (same shape).
public struct ViewDefinition: Hashable, Sendable {
    public var name: Identifier
    /// The tables and views it reads, as written; nil when not written (then the
    /// checker finds them in the body, see `ViewDependencies`).
    public var depends: [Identifier]?
    public var body: StringLiteral

    public init(name: Identifier, depends: [Identifier]? = nil, body: StringLiteral) {
        self.name = name
        self.depends = depends
        self.body = body
    }
}

public struct DropView: Hashable, Sendable {
    public var name: Identifier
    public init(name: Identifier) { self.name = name }
}

public struct RenameView: Hashable, Sendable {
    public var name: Identifier
    public var newName: Identifier
    public init(name: Identifier, newName: Identifier) {
        self.name = name
        self.newName = newName
    }
}

/// `comment on table T "text"` / `comment on column T.c "text"`; `null` removes it.
public struct CommentOn: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case table(Identifier)
        case column(Identifier, Identifier)
    }

    public var target: Target
    /// nil: `null`, no comment.
    public var text: StringLiteral?

    public init(target: Target, text: StringLiteral?) {
        self.target = target
        self.text = text
    }

    public var table: Identifier {
        switch target {
        case .table(let t), .column(let t, _): t
        }
    }
}

/// PostgreSQL's index access methods (`create index ... using gin (...)`).
public enum IndexMethod: String, Hashable, Sendable, CaseIterable {
    case btree, hash, gist, gin, brin
}

/// The PostgreSQL index clauses; the defaults are what an index without them is.
public struct IndexOptions: Hashable, Sendable {
    /// nil: not written (the engine's default, a B-tree).
    public var method: IndexMethod?
    public var include: [Identifier]
    public var nullsNotDistinct: Bool

    public init(method: IndexMethod? = nil, include: [Identifier] = [], nullsNotDistinct: Bool = false) {
        self.method = method
        self.include = include
        self.nullsNotDistinct = nullsNotDistinct
    }

    public var isDefault: Bool { method == nil && include.isEmpty && !nullsNotDistinct }
}

extension IndexColumn {
    /// An expression key: no column name of its own.
    public init(expression: Expr, descending: Bool = false) {
        self.init(name: Identifier("", span: expression.span), descending: descending, expression: expression)
    }

    /// The columns this key reads: its column, or those of its expression.
    public var referencedColumns: [String] {
        expression.map { $0.referencedColumns.map(\.name) } ?? [name.name]
    }

    /// The key with column names mapped (a renamed column).
    public func renamingColumns(_ rename: (String) -> String) -> IndexColumn {
        if let expression { return IndexColumn(name: name, descending: descending, expression: expression.renamingColumns(rename)) }
        return IndexColumn(name: Identifier(rename(name.name), span: name.span), descending: descending)
    }
}
