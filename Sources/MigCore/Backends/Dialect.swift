// The SQL dialects migc emits, and the interface every backend implements.

/// A database dialect. The raw value is the name used on the command line
/// (`--dialect postgres`) and in `sql postgres """..."""` blocks.
public enum Dialect: String, CaseIterable, Sendable {
    case sqlite, postgres, mysql

    /// The backend that renders this dialect.
    public var backend: any SQLBackend {
        switch self {
        case .sqlite: SQLiteBackend()
        case .postgres: PostgresBackend()
        case .mysql: MySQLBackend()
        }
    }

    /// The dialect a `sql NAME """..."""` block names, accepting common aliases
    /// (`postgresql`, `pg`, `sqlite3`, `mariadb`). Nil for an unknown name.
    public init?(blockName: String) {
        switch blockName.lowercased() {
        case "sqlite", "sqlite3": self = .sqlite
        case "postgres", "postgresql", "pg": self = .postgres
        case "mysql", "mariadb": self = .mysql
        default: return nil
        }
    }

    /// Whether DDL can run inside a transaction that rolls back whole.
    public var hasTransactionalDDL: Bool { self != .mysql }
}

/// One SQL statement, without a trailing `;`. `origin` is the `.mig` op it came from.
public struct SQLStatement: Sendable, Hashable {
    public var text: String
    public var origin: SourceSpan?

    public init(_ text: String, origin: SourceSpan? = nil) {
        self.text = text
        self.origin = origin
    }
}

/// Renders the operations of the `.mig` language as SQL for one dialect.
///
/// Identifiers are always quoted and string literals always escaped, so no name,
/// default or message can inject SQL; only `sql` blocks pass text through.
public protocol SQLBackend: Sendable {
    var dialect: Dialect { get }
    func quote(_ identifier: String) -> String
    func literal(_ string: String) -> String
    func typeName(_ type: ColumnType, autoincrement: Bool) -> String
    func render(_ expr: Expr) -> String
    /// One revision's ops, run inside a transaction.
    func render(steps: [OpStep]) -> [SQLStatement]
    /// One revision's ops; `transactional` is false for `transaction off` revisions
    /// (postgres then keeps `create index ... concurrently`).
    func render(steps: [OpStep], transactional: Bool) -> [SQLStatement]
    /// Warnings about what this dialect cannot express exactly (a partial index on
    /// mysql, `concurrently` inside a transaction, ...). Same inputs as `render`.
    func diagnostics(for steps: [OpStep], transactional: Bool) -> [Diagnostic]
}

extension SQLBackend {
    public func render(steps: [OpStep]) -> [SQLStatement] { render(steps: steps, transactional: true) }
}
