// The schema model: what the database looks like after some revisions. The checker
// folds revisions through it, backends render from it (SQLite rebuilds), the runner
// compares it with the introspected database. Value types with copy-on-write
// storage: snapshotting a schema per revision costs a reference count, not a copy.
//
// Every constraint has a name. Unnamed ones in the source get a deterministic name
// (`Schema.defaultName`), and backends always emit `CONSTRAINT "name"`, so the live
// database carries the same names as the model and `drop constraint` can find them.
//
// Objects keep the span where they were defined (for "table `users` created here"
// notes); spans never take part in `==`.

public struct Schema: Hashable, Sendable {
    /// Tables by name. Persistent maps: the checker keeps a schema per op, and each
    /// shares all but the changed entries with the one before (see NameMap).
    public var tables: NameMap<Table>
    /// Indexes by name (one namespace per schema, as in PostgreSQL and SQLite).
    public var indexes: NameMap<Index>
    /// Enum types by name (Schema+Enums.swift).
    public var enums: NameMap<EnumType>
    /// Views by name (see Schema+Views.swift).
    public var views: NameMap<View>

    public init(tables: NameMap<Table> = [:], indexes: NameMap<Index> = [:], enums: NameMap<EnumType> = [:], views: NameMap<View> = [:]) {
        self.tables = tables
        self.indexes = indexes
        self.enums = enums
        self.views = views
    }

    public static let empty = Schema()

    /// Tables sorted by name, for deterministic output.
    public var sortedTables: [Table] { tables.keys.sorted().map { tables[$0]! } }

    /// Indexes on one table, sorted by name.
    public func indexes(on table: String) -> [Index] {
        indexes.values.filter { $0.table == table }.sorted { $0.name < $1.name }
    }
}

public struct Table: Hashable, Sendable {
    public var name: String
    /// Columns in their physical order.
    public var columns: [Column]
    public var primaryKey: PrimaryKey?
    public var uniques: [String: UniqueConstraint]
    public var foreignKeys: [String: ForeignKey]
    public var checks: [String: CheckConstraint]
    /// `comment on table` (PostgreSQL and MySQL keep it; SQLite has none).
    public var comment: String?
    public var definedAt: SourceSpan

    public init(
        name: String, columns: [Column] = [], primaryKey: PrimaryKey? = nil,
        uniques: [String: UniqueConstraint] = [:], foreignKeys: [String: ForeignKey] = [:],
        checks: [String: CheckConstraint] = [:], comment: String? = nil, definedAt: SourceSpan = .synthesized
    ) {
        self.comment = comment
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniques = uniques
        self.foreignKeys = foreignKeys
        self.checks = checks
        self.definedAt = definedAt
    }

    public func column(named name: String) -> Column? { columns.first { $0.name == name } }
    public func columnIndex(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Every constraint name on this table (primary key included).
    public var constraintNames: Set<String> {
        var names = Set(uniques.keys).union(foreignKeys.keys).union(checks.keys)
        if let pk = primaryKey { names.insert(pk.name) }
        return names
    }
}

public struct Column: Hashable, Sendable {
    public var name: String
    public var type: ColumnType
    public var nullable: Bool
    public var defaultValue: Expr?
    public var autoincrement: Bool
    /// `comment on column`.
    public var comment: String?
    public var definedAt: SourceSpan

    public init(name: String, type: ColumnType, nullable: Bool = true, defaultValue: Expr? = nil, autoincrement: Bool = false, comment: String? = nil, definedAt: SourceSpan = .synthesized) {
        self.comment = comment
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.autoincrement = autoincrement
        self.definedAt = definedAt
    }
}

public struct PrimaryKey: Hashable, Sendable {
    public var name: String
    public var columns: [String]
    public var definedAt: SourceSpan
    public init(name: String, columns: [String], definedAt: SourceSpan = .synthesized) {
        self.name = name
        self.columns = columns
        self.definedAt = definedAt
    }
}

public struct UniqueConstraint: Hashable, Sendable {
    public var name: String
    public var columns: [String]
    public var definedAt: SourceSpan
    public init(name: String, columns: [String], definedAt: SourceSpan = .synthesized) {
        self.name = name
        self.columns = columns
        self.definedAt = definedAt
    }
}

public struct ForeignKey: Hashable, Sendable {
    public var name: String
    public var columns: [String]
    public var referencedTable: String
    public var referencedColumns: [String]
    public var onDelete: ReferentialAction?
    public var onUpdate: ReferentialAction?
    public var definedAt: SourceSpan
    /// Added `not valid` and not validated since: existing rows are unchecked.
    public var notValid = false
    public init(name: String, columns: [String], referencedTable: String, referencedColumns: [String], onDelete: ReferentialAction? = nil, onUpdate: ReferentialAction? = nil, definedAt: SourceSpan = .synthesized) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.definedAt = definedAt
    }
}

public struct CheckConstraint: Hashable, Sendable {
    public var name: String
    public var expression: Expr
    public var definedAt: SourceSpan
    /// Added `not valid` and not validated since: existing rows are unchecked.
    public var notValid = false
    public init(name: String, expression: Expr, definedAt: SourceSpan = .synthesized) {
        self.name = name
        self.expression = expression
        self.definedAt = definedAt
    }
}

public struct Index: Hashable, Sendable {
    public var name: String
    public var table: String
    public var unique: Bool
    public var columns: [IndexColumn]
    public var predicate: Expr?
    public var options: IndexOptions
    public var definedAt: SourceSpan
    public init(name: String, table: String, unique: Bool = false, columns: [IndexColumn], predicate: Expr? = nil, options: IndexOptions = IndexOptions(), definedAt: SourceSpan = .synthesized) {
        self.options = options
        self.name = name
        self.table = table
        self.unique = unique
        self.columns = columns
        self.predicate = predicate
        self.definedAt = definedAt
    }
}

extension Schema {
    /// Deterministic names for constraints written without one, following
    /// PostgreSQL's conventions: `T_pkey`, `T_c1_c2_key`, `T_c1_fkey`, `T_c_check`.
    /// Truncated to 63 bytes (PostgreSQL's identifier limit).
    public enum DefaultName {
        public static func primaryKey(table: String) -> String { truncated("\(table)_pkey") }
        public static func unique(table: String, columns: [String]) -> String {
            truncated("\(table)_\(columns.joined(separator: "_"))_key")
        }
        public static func foreignKey(table: String, columns: [String]) -> String {
            truncated("\(table)_\(columns.joined(separator: "_"))_fkey")
        }
        public static func check(table: String, column: String) -> String { truncated("\(table)_\(column)_check") }

        static func truncated(_ name: String) -> String {
            var bytes = Array(name.utf8)
            guard bytes.count > 63 else { return name }
            bytes = Array(bytes.prefix(63))
            while String(validating: bytes, as: UTF8.self) == nil { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
