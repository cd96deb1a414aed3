// Operations, column definitions and constraints in canonical form.

extension Printer {
    /// One operation as lines relative to the statement's depth.
    static func operation(_ op: Operation) -> [Lines.Line] {
        switch op {
        case .createTable(let t): return createTable(t)
        case .sql(let s): return [line(rawSQL(s))]
        case .insert, .update, .delete: return dataOperation(op)
        default: return [line(singleLine(op))]
        }
    }

    private static func line(_ text: String, depth: Int = 0, trailing: String? = nil) -> Lines.Line {
        Lines.Line(depth: depth, text: text, trailing: trailing)
    }

    private static func singleLine(_ op: Operation) -> String {
        switch op {
        case .createTable, .sql, .insert, .update, .delete: return ""  // multi-line forms, handled by `operation`
        case .dropTable(let d): return "drop table " + quoted(d.name.name)
        case .renameTable(let r): return "rename table \(quoted(r.name.name)) to \(quoted(r.newName.name))"
        case .addColumn(let a): return "add column " + qualified(a.table, a.column.name) + " " + columnTail(a.column) + backfill(a)
        case .dropColumn(let d): return "drop column " + qualified(d.table, d.column)
        case .renameColumn(let r): return "rename column \(qualified(r.table, r.column)) to \(quoted(r.newName.name))"
        case .alterColumn(let a): return "alter column " + qualified(a.table, a.column) + " " + change(a.change) + (a.online ? " online" : "")
        case .createIndex(let c): return createIndex(c)
        case .dropIndex(let d): return dropIndex(d)
        case .addConstraint(let a): return addConstraint(a) + safeSuffix(a)
        case .validateConstraint(let v): return validateConstraint(v)
        case .dropConstraint(let d): return "drop constraint \(quoted(d.name.name)) on \(quoted(d.table.name))"
        case .createEnum, .dropEnum, .renameEnum, .alterEnum: return enumOperation(op)
        case .createView, .replaceView, .dropView, .renameView, .comment: return viewOrComment(op)
        }
    }

    static func qualified(_ table: Identifier, _ column: Identifier) -> String {
        quoted(table.name) + "." + quoted(column.name)
    }

    static func columnList(_ names: [Identifier]) -> String {
        "(" + names.map { quoted($0.name) }.joined(separator: ", ") + ")"
    }

    // MARK: Tables

    private static func createTable(_ t: CreateTable) -> [Lines.Line] {
        var out = [line("create table " + quoted(t.name.name) + " {")]
        let width = t.columns.map { quoted($0.name.name).count }.max() ?? 0
        for column in t.columns {
            out += column.trivia.leading.map { line("--" + $0, depth: 1) }
            let name = quoted(column.name.name)
            let padded = name + String(repeating: " ", count: width - name.count)
            out.append(line(padded + " " + columnTail(column), depth: 1, trailing: column.trivia.trailing))
        }
        for constraint in t.constraints {
            out += constraint.trivia.leading.map { line("--" + $0, depth: 1) }
            out.append(line(tableConstraint(constraint.kind), depth: 1, trailing: constraint.trivia.trailing))
        }
        out += t.trailingComments.map { line("--" + $0, depth: 1) }
        out.append(line("}"))
        return out
    }

    /// `TYPE MODIFIERS` of a column definition.
    static func columnTail(_ column: ColumnDefinition) -> String {
        ([print(column.type.type)] + column.modifiers.map { modifier($0.kind) }).joined(separator: " ")
    }

    static func modifier(_ kind: ColumnModifier.Kind) -> String {
        switch kind {
        case .null: "null"
        case .notNull: "not null"
        case .primaryKey: "primary key"
        case .unique: "unique"
        case .defaultValue(let e): "default " + defaultValue(e)
        case .autoincrement: "autoincrement"
        case .references(let target): foreignKeyTarget(target)
        case .check(let e): "check (" + print(e) + ")"
        }
    }

    static func foreignKeyTarget(_ t: ForeignKeyTarget) -> String {
        var s = "references " + quoted(t.table.name) + " " + columnList(t.columns)
        if let action = t.onDelete { s += " on delete " + action.rawValue }
        if let action = t.onUpdate { s += " on update " + action.rawValue }
        return s
    }

    static func tableConstraint(_ kind: TableConstraint.Kind) -> String {
        switch kind {
        case .primaryKey(let columns):
            "primary key " + columnList(columns)
        case .unique(let name, let columns):
            "unique " + quoted(name.name) + " " + columnList(columns)
        case .foreignKey(let name, let columns, let target):
            "foreign key " + quoted(name.name) + " " + columnList(columns) + " " + foreignKeyTarget(target)
        case .check(let name, let e):
            "check " + quoted(name.name) + " (" + print(e) + ")"
        }
    }

    private static func change(_ change: AlterColumn.Change) -> String {
        switch change {
        case .type(let t, let using):
            "type " + print(t.type) + (using.map { " using " + print($0) } ?? "")
        case .setNotNull: "set not null"
        case .dropNotNull: "drop not null"
        case .setDefault(let e): "set default " + print(e)
        case .dropDefault: "drop default"
        }
    }

    // MARK: Indexes, constraints, raw SQL

    private static func createIndex(_ c: CreateIndex) -> String {
        let columns = c.columns.map { indexKey($0) + ($0.descending ? " desc" : "") }
        var s = c.unique ? "create unique index " : "create index "
        s += quoted(c.name.name) + " on " + quoted(c.table.name) + indexMethod(c.options) + " (" + columns.joined(separator: ", ") + ")"
        s += indexClauses(c.options)
        if let predicate = c.predicate { s += " where " + print(predicate) }
        if c.concurrently { s += " concurrently" }
        return s
    }

    private static func addConstraint(_ a: AddConstraint) -> String {
        let target = quoted(a.name.name) + " on " + quoted(a.table.name)
        if let index = a.usingIndex {
            return (a.kind == .primaryKey(columns: []) ? "add primary key " : "add unique ") + target + " using index " + quoted(index.name)
        }
        switch a.kind {
        case .unique(let columns):
            return "add unique " + target + " " + columnList(columns)
        case .foreignKey(let columns, let fk):
            return "add foreign key " + target + " " + columnList(columns) + " " + foreignKeyTarget(fk)
        case .check(let e):
            return "add check " + target + " (" + print(e) + ")"
        case .primaryKey(let columns):
            return "add primary key " + target + " " + columnList(columns)
        }
    }

    private static func rawSQL(_ s: RawSQL) -> String {
        var out = "sql "
        if let dialect = s.dialect { out += dialect.name + " " }  // a bare word, never quoted
        out += sqlLiteral(s.text.value)
        if let reverse = s.reverse { out += " reverse " + sqlLiteral(reverse.value) }
        if s.forwardOnly != nil { out += " reverse nothing" }
        return out
    }
}
