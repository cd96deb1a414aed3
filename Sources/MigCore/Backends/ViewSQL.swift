// Views, comments and PostgreSQL index clauses per dialect (issue 12).
//
// - `replace view`: MySQL `CREATE OR REPLACE VIEW`; PostgreSQL and SQLite drop and
//   create (PostgreSQL's OR REPLACE refuses changed columns; SQLite has none), which
//   the checker allows only for a view no other view reads.
// - `rename view`: PostgreSQL `ALTER VIEW ... RENAME`, MySQL `RENAME TABLE`, SQLite
//   (no rename for views) drops it and creates it under the new name from the model.
// - comments: PostgreSQL `COMMENT ON`; MySQL `ALTER TABLE ... COMMENT` and `MODIFY
//   COLUMN` restating the column from the model with its comment; SQLite has no
//   comments, so nothing is emitted (the model still keeps them).

extension DialectRules {
    func renderViewOrComment(_ step: OpStep) -> [String] {
        switch step.statement.operation {
        case .createView(let v):
            return [createView(v.name.name, body: v.body.value)]
        case .replaceView(let v):
            if dialect == .mysql { return ["CREATE OR REPLACE VIEW \(quote(v.name.name)) AS " + Self.viewBody(v.body.value)] }
            return ["DROP VIEW \(quote(v.name.name))", createView(v.name.name, body: v.body.value)]
        case .dropView(let d):
            return ["DROP VIEW \(quote(d.name.name))"]
        case .renameView(let r):
            switch dialect {
            case .postgres: return ["ALTER VIEW \(quote(r.name.name)) RENAME TO \(quote(r.newName.name))"]
            case .mysql: return ["RENAME TABLE \(quote(r.name.name)) TO \(quote(r.newName.name))"]
            case .sqlite:
                guard let view = step.before.views[r.name.name] else { return [] }
                return ["DROP VIEW \(quote(r.name.name))", createView(r.newName.name, body: view.body)]
            }
        case .comment(let c):
            return comment(c, step)
        default:
            return []
        }
    }

    /// The whole schema's comments (PostgreSQL; MySQL has them in CREATE TABLE) and
    /// views (in creation order), after its tables and indexes.
    func commentsAndViews(_ schema: Schema) -> [String] {
        var out: [String] = []
        if dialect == .postgres {
            for table in schema.sortedTables {
                let t = Identifier(table.name)
                if let text = table.comment { out += comment(CommentOn(target: .table(t), text: StringLiteral(text)), nil) }
                for column in table.columns {
                    guard let text = column.comment else { continue }
                    out += comment(CommentOn(target: .column(t, Identifier(column.name)), text: StringLiteral(text)), nil)
                }
            }
        }
        return out + schema.viewsInCreationOrder.map { createView($0.name, body: $0.body) }
    }

    func createView(_ name: String, body: String) -> String {
        "CREATE VIEW \(quote(name)) AS " + Self.viewBody(body)
    }

    static func viewBody(_ body: String) -> String { ViewText.body(body) }

    private func comment(_ c: CommentOn, _ step: OpStep?) -> [String] {
        let text = c.text.map { literal($0.value) }
        switch (dialect, c.target) {
        case (.sqlite, _):
            return []
        case (.postgres, .table(let t)):
            return ["COMMENT ON TABLE \(quote(t.name)) IS " + (text ?? "NULL")]
        case (.postgres, .column(let t, let col)):
            return ["COMMENT ON COLUMN \(quote(t.name)).\(quote(col.name)) IS " + (text ?? "NULL")]
        case (.mysql, .table(let t)):
            return ["ALTER TABLE \(quote(t.name)) COMMENT = " + (text ?? literal(""))]
        case (.mysql, .column(let t, let col)):
            let table = step?.after.tables[t.name]
            guard let column = table?.column(named: col.name) else { return [] }
            return ["ALTER TABLE \(quote(t.name)) MODIFY COLUMN " + columnDefinition(column, in: table)]
        }
    }

    /// ` COMMENT 'text'` of a MySQL column or table definition (empty elsewhere).
    func mysqlComment(_ text: String?, table: Bool = false) -> String {
        guard dialect == .mysql, let text else { return "" }
        return (table ? " COMMENT=" : " COMMENT ") + literal(text)
    }

    /// A key column, or an expression key in parentheses (MySQL 8.0.13+ wants its
    /// functional key parts in their own parentheses, so they get two there).
    func indexKey(_ key: IndexColumn, in table: Table?) -> String {
        guard let e = key.expression else { return keyColumn(key.name.name, in: table) }
        return dialect == .mysql ? "((" + render(e) + "))" : "(" + render(e) + ")"
    }

    /// PostgreSQL's `USING m` (before the columns) and `INCLUDE (...) NULLS NOT
    /// DISTINCT` (after them); other dialects get neither (MIG807 says so).
    func indexMethodClause(_ index: Index) -> String {
        guard dialect == .postgres, let method = index.options.method else { return "" }
        return " USING " + method.rawValue
    }

    func indexTrailingClauses(_ index: Index) -> String {
        guard dialect == .postgres else { return "" }
        var text = index.options.include.isEmpty ? "" : " INCLUDE (" + quotedList(index.options.include.map(\.name)) + ")"
        if index.options.nullsNotDistinct { text += " NULLS NOT DISTINCT" }
        return text
    }

    /// MIG807 for index clauses this dialect leaves out.
    func indexClauseWarnings(_ steps: [OpStep]) -> [Diagnostic] {
        guard dialect != .postgres else { return [] }
        return steps.flatMap { step -> [Diagnostic] in
            guard case .createIndex(let op) = step.statement.operation, dialect == .mysql,
                  op.columns.contains(where: { $0.expression != nil }) else { return [] }
            return [.warning("index `\(op.name.name)` has expression keys: MySQL takes them from 8.0.13 on, MariaDB not at all (the index fails there)",
                             at: step.statement.span, code: .indexClauseIgnored)]
        } + steps.compactMap { step in
            guard case .createIndex(let op) = step.statement.operation else { return nil }
            var ignored: [String] = []
            if let method = op.options.method, method != .btree { ignored.append("`using \(method.rawValue)` (a B-tree index is created)") }
            if !op.options.include.isEmpty { ignored.append("`include` (the columns are not stored in the index)") }
            if op.options.nullsNotDistinct { ignored.append("`nulls not distinct` (rows whose key is null do not conflict)") }
            guard !ignored.isEmpty else { return nil }
            return .warning("\(dialect.rawValue) has no \(ignored.joined(separator: ", ")): index `\(op.name.name)` is created without",
                            at: step.statement.span, code: .indexClauseIgnored)
        }
    }
}

public enum ViewText {
    /// A view body as sent after `AS`: without surrounding blanks or a final `;`
    /// (which would end the statement).
    public static func body(_ body: String) -> String {
        var text = Substring(body)
        while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        return String(text)
    }
}
