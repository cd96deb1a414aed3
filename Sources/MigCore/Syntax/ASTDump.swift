/// A deterministic, indented text form of a tree, for goldens and `migc parse --dump`.
/// Expressions print as S-expressions: `(>= balance 0)`.
public enum ASTDump {
    public static func dump(_ file: MigFile, spans: Bool) -> String {
        var d = Dumper(spans: spans)
        d.file(file)
        return d.out
    }

    public static func dump(_ expr: Expr) -> String { Dumper(spans: false).expr(expr) }
}

struct Dumper {
    let spans: Bool
    var out = ""
    var depth = 0

    init(spans: Bool) { self.spans = spans }

    mutating func line(_ text: String, _ span: SourceSpan? = nil) {
        out += String(repeating: "  ", count: depth) + text
        if spans, let span { out += " @\(span.start.line):\(span.start.column)-\(span.end.line):\(span.end.column)" }
        out += "\n"
    }

    mutating func nested(_ body: (inout Dumper) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    mutating func trivia(_ t: Trivia) {
        for c in t.leading { line("comment" + quote(c)) }
        if let c = t.trailing { line("trailing-comment" + quote(c)) }
    }

    mutating func file(_ f: MigFile) {
        line("file" + quote(f.path), f.span)
        nested { d in
            d.header(f.header)
            if let u = f.upgrade { d.block("upgrade", u) }
            switch f.downgrade {
            case .block(let b)?: d.block("downgrade", b)
            case .irreversible(let s)?: d.line("downgrade irreversible", s)
            case nil: break
            }
            for c in f.trailingComments { d.line("comment" + d.quote(c)) }
        }
    }

    mutating func header(_ h: RevisionHeader) {
        line("header", h.span)
        nested { d in
            if let r = h.revision { d.line("revision " + r.name, r.span) }
            if !h.parents.isEmpty { d.line("parent " + h.parents.map(\.name).joined(separator: ", ")) }
            if let m = h.message { d.line("message" + d.quote(m.value), m.span) }
            if let c = h.created { d.line("created" + d.quote(c.value), c.span) }
            if !h.labels.isEmpty { d.line("label " + h.labels.map(d.name).joined(separator: ", ")) }
            if !h.depends.isEmpty { d.line("depends " + h.depends.map(\.name).joined(separator: ", ")) }
            if !h.replaces.isEmpty { d.line("replaces " + h.replaces.map(\.name).joined(separator: ", ")) }
            if let t = h.transactionOff { d.line("transaction off", t) }
            for (keyword, value) in h.timeouts.lines { d.line("\(keyword) \(value)", value.span) }
            for key in h.trivia.keys.sorted() {
                d.line("trivia " + d.quote(key).dropFirst())
                d.nested { $0.trivia(h.trivia[key]!) }
            }
        }
    }

    mutating func block(_ name: String, _ b: Block) {
        line(name, b.span)
        nested { d in
            for s in b.statements { d.statement(s) }
            for c in b.trailingComments { d.line("comment" + d.quote(c)) }
        }
    }

    mutating func statement(_ s: Statement) {
        trivia(Trivia(leading: s.trivia.leading))
        switch s.operation {
        case .createTable(let t):
            line("create-table " + name(t.name) + trailing(s.trivia), s.span)
            nested { d in
                for c in t.columns { d.column(c) }
                for c in t.constraints { d.tableConstraint(c) }
                for c in t.trailingComments { d.line("comment" + d.quote(c)) }
            }
        case .dropTable(let o): line("drop-table " + name(o.name) + trailing(s.trivia), s.span)
        case .renameTable(let o): line("rename-table \(name(o.name)) to \(name(o.newName))" + trailing(s.trivia), s.span)
        case .addColumn(let o):
            line("add-column " + name(o.table) + trailing(s.trivia), s.span)
            nested { d in
                d.column(o.column)
                if let b = o.backfill { d.line("backfill " + d.expr(b), b.span) }
            }
        case .dropColumn(let o): line("drop-column \(name(o.table)).\(name(o.column))" + trailing(s.trivia), s.span)
        case .renameColumn(let o): line("rename-column \(name(o.table)).\(name(o.column)) to \(name(o.newName))" + trailing(s.trivia), s.span)
        case .alterColumn(let o): line("alter-column \(name(o.table)).\(name(o.column)) " + change(o.change) + (o.online ? " online" : "") + trailing(s.trivia), s.span)
        case .createIndex(let o):
            let cols = o.columns.map { ($0.expression.map(expr) ?? name($0.name)) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
            var text = "create-index \(name(o.name)) on \(name(o.table)) (\(cols))"
            if o.unique { text += " unique" }
            text += indexOptions(o.options)
            if o.concurrently { text += " concurrently" }
            if let p = o.predicate { text += " where " + expr(p) }
            line(text + trailing(s.trivia), s.span)
        case .dropIndex(let o): line("drop-index " + name(o.name) + (o.concurrently ? " concurrently" : "") + trailing(s.trivia), s.span)
        case .addConstraint(let o):
            let safe = (o.usingIndex.map { " using-index " + name($0) } ?? "") + (o.notValid ? " not-valid" : "")
            line("add-constraint \(name(o.name)) on \(name(o.table)) " + addKind(o.kind) + safe + trailing(s.trivia), s.span)
        case .validateConstraint(let o): line("validate-constraint \(name(o.name)) on \(name(o.table))" + trailing(s.trivia), s.span)
        case .dropConstraint(let o): line("drop-constraint \(name(o.name)) on \(name(o.table))" + trailing(s.trivia), s.span)
        case .sql(let o):
            line("sql" + (o.dialect.map { " " + $0.name } ?? "") + trailing(s.trivia), s.span)
            nested { d in
                d.line("text" + d.quote(o.text.value), o.text.span)
                if let r = o.reverse { d.line("reverse" + d.quote(r.value), r.span) }
                if let r = o.forwardOnly { d.line("reverse nothing", r) }
            }
        case .insert, .update, .delete:
            dataStatement(s)
        case .createEnum, .dropEnum, .renameEnum, .alterEnum:
            line(enumOperation(s.operation) + trailing(s.trivia), s.span)
        case .createView, .replaceView, .dropView, .renameView, .comment:
            line(viewOrComment(s.operation) + trailing(s.trivia), s.span)
        }
    }

    func trailing(_ t: Trivia) -> String { t.trailing.map { " --" + $0 } ?? "" }

    mutating func column(_ c: ColumnDefinition) {
        trivia(Trivia(leading: c.trivia.leading))
        line("column \(name(c.name)) \(type(c.type.type))" + trailing(c.trivia), c.span)
        nested { d in
            for m in c.modifiers { d.line(d.modifier(m.kind), m.span) }
        }
    }

    func modifier(_ m: ColumnModifier.Kind) -> String {
        switch m {
        case .null: "null"
        case .notNull: "not-null"
        case .primaryKey: "primary-key"
        case .unique: "unique"
        case .defaultValue(let e): "default " + expr(e)
        case .autoincrement: "autoincrement"
        case .references(let t): "references " + target(t)
        case .check(let e): "check " + expr(e)
        }
    }

    mutating func tableConstraint(_ c: TableConstraint) {
        trivia(Trivia(leading: c.trivia.leading))
        let text: String
        switch c.kind {
        case .primaryKey(let cols): text = "primary-key " + list(cols)
        case .unique(let n, let cols): text = "unique \(name(n)) " + list(cols)
        case .foreignKey(let n, let cols, let t): text = "foreign-key \(name(n)) \(list(cols)) references " + target(t)
        case .check(let n, let e): text = "check \(name(n)) " + expr(e)
        }
        line("constraint " + text + trailing(c.trivia), c.span)
    }

    func addKind(_ k: AddConstraint.Kind) -> String {
        switch k {
        case .unique(let cols): "unique " + list(cols)
        case .primaryKey(let cols): "primary-key " + list(cols)
        case .check(let e): "check " + expr(e)
        case .foreignKey(let cols, let t): "foreign-key \(list(cols)) references " + target(t)
        }
    }

    func target(_ t: ForeignKeyTarget) -> String {
        var s = name(t.table) + " " + list(t.columns)
        if let a = t.onDelete { s += " on-delete " + a.rawValue }
        if let a = t.onUpdate { s += " on-update " + a.rawValue }
        return s
    }

    func change(_ c: AlterColumn.Change) -> String {
        switch c {
        case .type(let t, let using): "type " + type(t.type) + (using.map { " using " + expr($0) } ?? "")
        case .setNotNull: "set-not-null"
        case .dropNotNull: "drop-not-null"
        case .setDefault(let e): "set-default " + expr(e)
        case .dropDefault: "drop-default"
        }
    }

    func type(_ t: ColumnType) -> String {
        switch t {
        case .decimal(let p, let s):
            "decimal" + (p.map { "(\($0)" + (s.map { ", \($0)" } ?? "") + ")" } ?? "")
        case .varchar(let n): "varchar(\(n))"
        case .sizedText(let n): "text(\(n))"
        case .char(let n): "char(\(n))"
        case .custom(let s): "custom" + quote(s)
        case .enumeration(let e): "enum " + name(Identifier(e.name))
        case .array(let element): "array " + type(element)
        default: "\(t)"
        }
    }

    func list(_ names: [Identifier]) -> String { "(" + names.map(name).joined(separator: ", ") + ")" }

    func name(_ id: Identifier) -> String {
        let plain = !id.name.isEmpty && id.name.utf8.allSatisfy(isWordByte) && !isDigit(id.name.utf8.first!)
        return plain ? id.name : "`" + id.name + "`"
    }

    /// ` "text"` with `"`, `\` and control characters escaped.
    func quote(_ s: String) -> String {
        var out = " \""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    func expr(_ e: Expr) -> String {
        switch e.kind {
        case .number(let n): n
        case .string(let s): String(quote(s).dropFirst())
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .column(let id):
            // A column spelled like a literal keyword was quoted in the source: keep it apart.
            ["true", "false", "null", "current_timestamp", "current_date"].contains(id.name.lowercased()) ? "`\(id.name)`" : name(id)
        case .currentTimestamp: "current_timestamp"
        case .currentDate: "current_date"
        case .call(let n, let args): "(call \(name(n))" + args.map { " " + expr($0) }.joined() + ")"
        case .unary(let op, let x): "(\(op == .negate ? "neg" : op == .plus ? "pos" : "not") \(expr(x)))"
        case .binary(let op, let l, let r): "(\(op.rawValue) \(expr(l)) \(expr(r)))"
        case .isNull(let x, let neg): "(\(neg ? "is-not-null" : "is-null") \(expr(x)))"
        case .inList(let x, let list, let neg): "(\(neg ? "not-in" : "in") \(expr(x))" + list.map { " " + expr($0) }.joined() + ")"
        case .between(let x, let lo, let hi, let neg): "(\(neg ? "not-between" : "between") \(expr(x)) \(expr(lo)) \(expr(hi)))"
        case .caseWhen(let c): caseExpression(c)
        case .invalid: "<invalid>"
        }
    }
}

extension Dumper {
    func enumOperation(_ op: Operation) -> String {
        switch op {
        case .createEnum(let c): "create-enum \(name(c.name)) (" + c.values.map { quote($0.value).dropFirst() }.joined(separator: ", ") + ")"
        case .dropEnum(let d): "drop-enum " + name(d.name)
        case .renameEnum(let r): "rename-enum \(name(r.name)) to \(name(r.newName))"
        case .alterEnum(let a):
            switch a.change {
            case .addValue(let v, let position):
                "alter-enum \(name(a.name)) add-value" + quote(v.value) + {
                    switch position {
                    case .before(let w)?: " before" + quote(w.value)
                    case .after(let w)?: " after" + quote(w.value)
                    case nil: ""
                    }
                }()
            case .renameValue(let v, let w): "alter-enum \(name(a.name)) rename-value" + quote(v.value) + " to" + quote(w.value)
            case .dropValue(let v): "alter-enum \(name(a.name)) drop-value" + quote(v.value)
            }
        default: ""
        }
    }
}
