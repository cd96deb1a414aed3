// The typed syntax tree of one `.mig` file. Value types; every node carries its
// source span. Spans never take part in `==` (see `SourceSpan`), so trees compare by
// meaning. Comments ride along as `Trivia` so the formatter can keep them.

/// Comments attached to a node: whole-line comments just before it, and one comment
/// at the end of its last line. Texts are kept verbatim without the leading `--`.
public struct Trivia: Hashable, Sendable {
    public var leading: [String]
    public var trailing: String?

    public init(leading: [String] = [], trailing: String? = nil) {
        self.leading = leading
        self.trailing = trailing
    }

    public static let none = Trivia()
    public var isEmpty: Bool { leading.isEmpty && trailing == nil }
}

/// A name as written: bare (`users`) or backtick-quoted (`` `Order Items` ``).
/// `name` is the unquoted text; case is kept.
public struct Identifier: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var span: SourceSpan

    public init(_ name: String, span: SourceSpan = .synthesized) {
        self.name = name
        self.span = span
    }

    public var description: String { name }
}

/// One `.mig` file: a revision header and its blocks.
public struct MigFile: Hashable, Sendable {
    public var path: String
    public var header: RevisionHeader
    public var upgrade: Block?
    public var downgrade: Downgrade?
    /// Comments after the last block (the formatter keeps them).
    public var trailingComments: [String]
    public var span: SourceSpan

    public init(
        path: String, header: RevisionHeader, upgrade: Block?, downgrade: Downgrade?,
        trailingComments: [String] = [], span: SourceSpan
    ) {
        self.path = path
        self.header = header
        self.upgrade = upgrade
        self.downgrade = downgrade
        self.trailingComments = trailingComments
        self.span = span
    }
}

/// The header lines, in any order in the source. Missing optional lines are nil/empty.
public struct RevisionHeader: Hashable, Sendable {
    public var revision: Identifier?
    public var parents: [Identifier]
    public var message: StringLiteral?
    /// ISO 8601 text as written (`created 2026-11-25T10:00:00Z` or `created "..."`).
    public var created: StringLiteral?
    public var labels: [Identifier]
    public var depends: [Identifier]
    /// `replaces ID, ...`: a squash revision stands for these (docs/adopting.md).
    public var replaces: [Identifier] = []
    /// Span of a `transaction off` line, when present.
    public var transactionOff: SourceSpan?
    /// `lock_timeout` / `statement_timeout` lines: this revision's own limits.
    public var timeouts = RevisionTimeouts()
    /// Comments per header line kind, keyed by keyword ("revision", "parent", ...),
    /// plus comments before the first line under "".
    public var trivia: [String: Trivia]
    public var span: SourceSpan

    public init(
        revision: Identifier? = nil, parents: [Identifier] = [], message: StringLiteral? = nil,
        created: StringLiteral? = nil, labels: [Identifier] = [], depends: [Identifier] = [],
        transactionOff: SourceSpan? = nil, trivia: [String: Trivia] = [:], span: SourceSpan = .synthesized
    ) {
        self.revision = revision
        self.parents = parents
        self.message = message
        self.created = created
        self.labels = labels
        self.depends = depends
        self.transactionOff = transactionOff
        self.trivia = trivia
        self.span = span
    }

    /// `transaction off` is set. (Compares by presence: spans are always equal.)
    public var runsOutsideTransaction: Bool { transactionOff != nil }
}

public struct StringLiteral: Hashable, Sendable {
    public var value: String
    public var span: SourceSpan

    public init(_ value: String, span: SourceSpan = .synthesized) {
        self.value = value
        self.span = span
    }
}

/// `{ ... }` of an `upgrade` or `downgrade`.
public struct Block: Hashable, Sendable {
    public var statements: [Statement]
    /// Comments after the last statement, before `}`.
    public var trailingComments: [String]
    public var span: SourceSpan

    public init(statements: [Statement], trailingComments: [String] = [], span: SourceSpan = .synthesized) {
        self.statements = statements
        self.trailingComments = trailingComments
        self.span = span
    }
}

public enum Downgrade: Hashable, Sendable {
    case block(Block)
    /// `downgrade irreversible`: declared on purpose.
    case irreversible(SourceSpan)
}

/// One operation in a block, with its comments (`-- migc:allow CODE` lives here).
public struct Statement: Hashable, Sendable {
    public var operation: Operation
    public var trivia: Trivia
    public var span: SourceSpan

    public init(_ operation: Operation, trivia: Trivia = .none, span: SourceSpan = .synthesized) {
        self.operation = operation
        self.trivia = trivia
        self.span = span
    }
}

public enum Operation: Hashable, Sendable {
    case createTable(CreateTable)
    case dropTable(DropTable)
    case renameTable(RenameTable)
    case addColumn(AddColumn)
    case dropColumn(DropColumn)
    case renameColumn(RenameColumn)
    case alterColumn(AlterColumn)
    case createIndex(CreateIndex)
    case dropIndex(DropIndex)
    case addConstraint(AddConstraint)
    case dropConstraint(DropConstraint)
    /// `validate constraint C on T` (see SafeForms.swift).
    case validateConstraint(ValidateConstraint)
    case sql(RawSQL)
    case insert(InsertRows)
    case update(UpdateRows)
    case delete(DeleteRows)
    case createEnum(CreateEnum)
    case dropEnum(DropEnum)
    case renameEnum(RenameEnum)
    case alterEnum(AlterEnum)
    case createView(ViewDefinition)
    case replaceView(ViewDefinition)
    case dropView(DropView)
    case renameView(RenameView)
    case comment(CommentOn)
}

// MARK: Tables and columns

public struct CreateTable: Hashable, Sendable {
    public var name: Identifier
    public var columns: [ColumnDefinition]
    public var constraints: [TableConstraint]
    /// Comments after the last item, before `}`.
    public var trailingComments: [String]

    public init(name: Identifier, columns: [ColumnDefinition], constraints: [TableConstraint] = [], trailingComments: [String] = []) {
        self.name = name
        self.columns = columns
        self.constraints = constraints
        self.trailingComments = trailingComments
    }
}

/// `name TYPE MODIFIERS`, in a `create table` body or an `add column`.
public struct ColumnDefinition: Hashable, Sendable {
    public var name: Identifier
    public var type: TypeReference
    public var modifiers: [ColumnModifier]
    public var trivia: Trivia
    public var span: SourceSpan

    public init(name: Identifier, type: TypeReference, modifiers: [ColumnModifier] = [], trivia: Trivia = .none, span: SourceSpan = .synthesized) {
        self.name = name
        self.type = type
        self.modifiers = modifiers
        self.trivia = trivia
        self.span = span
    }
}

public struct ColumnModifier: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case null
        case notNull
        case primaryKey
        case unique
        case defaultValue(Expr)
        case autoincrement
        case references(ForeignKeyTarget)
        case check(Expr)
    }

    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, span: SourceSpan = .synthesized) {
        self.kind = kind
        self.span = span
    }
}

/// `references T (cols) [on delete A] [on update A]`.
public struct ForeignKeyTarget: Hashable, Sendable {
    public var table: Identifier
    public var columns: [Identifier]
    public var onDelete: ReferentialAction?
    public var onUpdate: ReferentialAction?

    public init(table: Identifier, columns: [Identifier], onDelete: ReferentialAction? = nil, onUpdate: ReferentialAction? = nil) {
        self.table = table
        self.columns = columns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }
}

public enum ReferentialAction: String, Hashable, Sendable, CaseIterable {
    case cascade = "cascade"
    case setNull = "set null"
    case setDefault = "set default"
    case restrict = "restrict"
    case noAction = "no action"
}

/// A constraint in a `create table` body.
public struct TableConstraint: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `primary key (cols)`; unnamed in a table body.
        case primaryKey(columns: [Identifier])
        case unique(name: Identifier, columns: [Identifier])
        case foreignKey(name: Identifier, columns: [Identifier], target: ForeignKeyTarget)
        case check(name: Identifier, expression: Expr)
    }

    public var kind: Kind
    public var trivia: Trivia
    public var span: SourceSpan

    public init(_ kind: Kind, trivia: Trivia = .none, span: SourceSpan = .synthesized) {
        self.kind = kind
        self.trivia = trivia
        self.span = span
    }
}

public struct DropTable: Hashable, Sendable {
    public var name: Identifier
    public init(name: Identifier) { self.name = name }
}

public struct RenameTable: Hashable, Sendable {
    public var name: Identifier
    public var newName: Identifier
    public init(name: Identifier, newName: Identifier) {
        self.name = name
        self.newName = newName
    }
}

public struct AddColumn: Hashable, Sendable {
    public var table: Identifier
    public var column: ColumnDefinition
    /// `backfill EXPR`: the value existing rows get (added nullable, updated, then made not null).
    public var backfill: Expr?
    public init(table: Identifier, column: ColumnDefinition, backfill: Expr? = nil) {
        self.table = table
        self.column = column
        self.backfill = backfill
    }
}

public struct DropColumn: Hashable, Sendable {
    public var table: Identifier
    public var column: Identifier
    public init(table: Identifier, column: Identifier) {
        self.table = table
        self.column = column
    }
}

public struct RenameColumn: Hashable, Sendable {
    public var table: Identifier
    public var column: Identifier
    public var newName: Identifier
    public init(table: Identifier, column: Identifier, newName: Identifier) {
        self.table = table
        self.column = column
        self.newName = newName
    }
}

public struct AlterColumn: Hashable, Sendable {
    public enum Change: Hashable, Sendable {
        /// `type TYPE [using EXPR]` (`using` is rendered on postgres only).
        case type(TypeReference, using: Expr?)
        case setNotNull
        case dropNotNull
        case setDefault(Expr)
        case dropDefault
    }

    public var table: Identifier
    public var column: Identifier
    public var change: Change
    /// `set not null online`: PostgreSQL proves it with a validated check first.
    public var online: Bool
    public init(table: Identifier, column: Identifier, change: Change, online: Bool = false) {
        self.table = table
        self.column = column
        self.change = change
        self.online = online
    }
}

// MARK: Indexes and constraints

public struct IndexColumn: Hashable, Sendable {
    public var name: Identifier
    public var descending: Bool
    /// An expression key (`lower(email)`); `name` is then empty (see ASTViews.swift).
    public var expression: Expr?
    public init(name: Identifier, descending: Bool = false, expression: Expr? = nil) {
        self.name = name
        self.descending = descending
        self.expression = expression
    }
}

public struct CreateIndex: Hashable, Sendable {
    public var name: Identifier
    public var table: Identifier
    public var unique: Bool
    public var columns: [IndexColumn]
    public var predicate: Expr?
    public var concurrently: Bool
    /// `using METHOD`, `include (cols)`, `nulls not distinct` (see ASTViews.swift).
    public var options: IndexOptions
    public init(name: Identifier, table: Identifier, unique: Bool = false, columns: [IndexColumn], predicate: Expr? = nil, concurrently: Bool = false, options: IndexOptions = IndexOptions()) {
        self.name = name
        self.table = table
        self.unique = unique
        self.columns = columns
        self.predicate = predicate
        self.concurrently = concurrently
        self.options = options
    }
}

public struct DropIndex: Hashable, Sendable {
    public var name: Identifier
    /// `drop index I concurrently` (PostgreSQL, with `transaction off`).
    public var concurrently: Bool
    public init(name: Identifier, concurrently: Bool = false) {
        self.name = name
        self.concurrently = concurrently
    }
}

public struct AddConstraint: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case unique(columns: [Identifier])
        case foreignKey(columns: [Identifier], target: ForeignKeyTarget)
        case check(Expr)
        case primaryKey(columns: [Identifier])
    }

    public var name: Identifier
    public var table: Identifier
    public var kind: Kind
    /// `not valid`: a foreign key or check that existing rows need not satisfy yet.
    public var notValid: Bool
    /// `using index I`: a unique or primary key made from an existing unique index
    /// (its columns are the index's; the kind's column list is empty).
    public var usingIndex: Identifier?
    public init(name: Identifier, table: Identifier, kind: Kind, notValid: Bool = false, usingIndex: Identifier? = nil) {
        self.name = name
        self.table = table
        self.kind = kind
        self.notValid = notValid
        self.usingIndex = usingIndex
    }
}

public struct DropConstraint: Hashable, Sendable {
    public var name: Identifier
    public var table: Identifier
    public init(name: Identifier, table: Identifier) {
        self.name = name
        self.table = table
    }
}

/// `sql [DIALECT] """..."""` with an optional `reverse """..."""` or `reverse nothing`.
public struct RawSQL: Hashable, Sendable {
    public var dialect: Identifier?
    public var text: StringLiteral
    public var reverse: StringLiteral?
    /// `reverse nothing`: forward only (compares by presence: spans are always equal).
    public var forwardOnly: SourceSpan?
    public init(dialect: Identifier? = nil, text: StringLiteral, reverse: StringLiteral? = nil, forwardOnly: SourceSpan? = nil) {
        self.dialect = dialect
        self.text = text
        self.reverse = reverse
        self.forwardOnly = forwardOnly
    }
}
