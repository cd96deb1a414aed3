// The operations that take one schema model to another: what `migc new
// --autogenerate` writes, what a baseline (`migc init --from-database`), a squash and
// `migc show --schema` print (the operations from the empty schema).
//
// Every part of the model (tables, columns, constraints, indexes) contributes its
// drops and creations to fixed phases, and the phases run in an order that works on
// every engine: renames, then everything that goes (foreign keys first, tables last,
// dependents before what they depend on), then column changes, then everything that
// comes (referenced tables before referencing ones, foreign keys last). A new part of
// the model (enums, views, comments) adds one function that fills its phases.
//
// Equality is decided on comparison views when given (the runner passes both
// schemas as a database shows them back, so a default PostgreSQL spells
// `'a'::text` equals `'a'`); the values written come from the target itself.

public struct RenameHints: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        /// The table, by its name in the target schema.
        public var table: String
        public var from: String
        public var to: String
        public init(table: String, from: String, to: String) {
            self.table = table
            self.from = from
            self.to = to
        }
    }

    /// Table renames, old name to new name, applied first.
    public var tables: [(from: String, to: String)]
    public var columns: [Column]

    public init(tables: [(from: String, to: String)] = [], columns: [Column] = []) {
        self.tables = tables
        self.columns = columns
    }

    public static func == (a: RenameHints, b: RenameHints) -> Bool {
        a.tables.map { [$0.from, $0.to] } == b.tables.map { [$0.from, $0.to] } && a.columns == b.columns
    }

    public func hash(into hasher: inout Hasher) {
        for t in tables { hasher.combine(t.from); hasher.combine(t.to) }
        hasher.combine(columns)
    }
}

/// What the generator found: the statements, in an order that applies, and
/// warnings (likely renames written as drop + add, hints that did not apply,
/// changes no operation can express).
public struct SchemaChanges: Sendable {
    public var statements: [Statement]
    public var warnings: [String]
}

public enum SchemaOps {
    /// The phases, in the order their statements run.
    enum Phase: Int, CaseIterable {
        case dropViews, renames
        case dropForeignKeys, dropIndexes, dropConstraints, dropColumns, dropTables
        case createEnums, alterEnums
        case alterColumns, addColumns, createTables, addConstraints, createIndexes, addForeignKeys
        case createViews, dropEnums, comments
    }

    /// The statements creating `schema` from nothing: tables, their constraints and indexes.
    public static func creating(_ schema: Schema) -> [Statement] {
        changes(from: .empty, to: schema).statements
    }

    /// The statements taking `from` to `to`. `comparing`, when given, holds the two
    /// schemas as they should be compared (same names, values normalised); objects
    /// equal there get no statement.
    public static func changes(
        from: Schema, to: Schema, renames: RenameHints = RenameHints(), comparing: (from: Schema, to: Schema)? = nil
    ) -> SchemaChanges {
        var work = Work(current: from, view: comparing?.from ?? from, target: to, targetView: comparing?.to ?? to)
        work.applyRenames(renames)
        work.enums()
        work.tables()
        work.columns()
        work.constraints()
        work.indexes()
        work.comments()
        work.views(compareBodies: comparing == nil)
        work.suspectRenames()
        let statements = Phase.allCases.flatMap { work.phases[$0] ?? [] }
        return SchemaChanges(statements: statements, warnings: work.warnings)
    }
}

extension SchemaOps {
    /// The generator's state: the source schema (renames applied), the target, their
    /// comparison views, and the statements per phase.
    struct Work {
        var current: Schema
        var view: Schema
        let target: Schema
        let targetView: Schema
        var phases: [Phase: [Statement]] = [:]
        var warnings: [String] = []

        init(current: Schema, view: Schema, target: Schema, targetView: Schema) {
            self.current = current
            self.view = view
            self.target = target
            self.targetView = targetView
        }

        mutating func emit(_ phase: Phase, _ op: Operation) {
            phases[phase, default: []].append(Statement(op))
        }

        mutating func emit(_ phase: Phase, _ statements: [Statement]) {
            phases[phase, default: []] += statements
        }

        /// Tables in both schemas, by name.
        var commonTables: [String] { current.tables.keys.filter { target.tables[$0] != nil }.sorted() }
        var removedTables: [String] { current.tables.keys.filter { target.tables[$0] == nil }.sorted() }
        var addedTables: [String] { target.tables.keys.filter { current.tables[$0] == nil }.sorted() }

        // MARK: Renames

        mutating func applyRenames(_ hints: RenameHints) {
            for hint in hints.tables {
                guard current.tables[hint.from] != nil, current.tables[hint.to] == nil, target.tables[hint.to] != nil else {
                    warnings.append("rename hint `\(hint.from):\(hint.to)` not used: needs table `\(hint.from)` before and `\(hint.to)` only after")
                    continue
                }
                rename(.renameTable(RenameTable(name: Identifier(hint.from), newName: Identifier(hint.to))))
            }
            for hint in hints.columns {
                guard let t = current.tables[hint.table], t.column(named: hint.from) != nil, t.column(named: hint.to) == nil,
                      target.tables[hint.table]?.column(named: hint.to) != nil else {
                    warnings.append("rename hint `\(hint.table).\(hint.from):\(hint.to)` not used: needs column `\(hint.table).\(hint.from)` before and `\(hint.to)` only after")
                    continue
                }
                rename(.renameColumn(RenameColumn(table: Identifier(hint.table), column: Identifier(hint.from), newName: Identifier(hint.to))))
            }
        }

        private mutating func rename(_ op: Operation) {
            emit(.renames, op)
            current = current.applying(op)
            view = view.applying(op)
        }
    }
}
