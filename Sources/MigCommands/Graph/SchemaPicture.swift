import MigCore

/// An entity-relationship diagram of the schema at a revision: every table with its
/// columns (type, PK / FK / UK marks) and an edge per foreign key, as Mermaid
/// `erDiagram` or Graphviz DOT.
enum SchemaPicture {
    static func mermaid(_ schema: Schema) -> String {
        var out = "erDiagram\n"
        for table in schema.sortedTables {
            out += "  \(name(table.name)) {\n"
            for column in table.columns {
                let marks = keyMarks(column.name, in: table, schema: schema)
                out += "    \(mermaidType(column.type)) \(name(column.name))\(marks.isEmpty ? "" : " " + marks.joined(separator: ", "))"
                out += column.nullable ? "\n" : " \"not null\"\n"
            }
            out += "  }\n"
        }
        for table in schema.sortedTables {
            for fk in table.foreignKeys.values.sorted(by: { $0.name < $1.name }) where schema.tables[fk.referencedTable] != nil {
                let optional = fk.columns.contains { table.column(named: $0)?.nullable ?? true }
                let link = optional ? "|o--o{" : "||--o{"
                out += "  \(name(fk.referencedTable)) \(link) \(name(table.name)) : \"\(fk.columns.joined(separator: ", "))\"\n"
            }
        }
        return out
    }

    static func dot(_ schema: Schema) -> String {
        var out = "digraph schema {\n  rankdir=LR;\n  node [shape=plaintext, fontname=\"Helvetica\", fontsize=11];\n"
        for table in schema.sortedTables {
            out += "  \"\(table.name)\" [label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
            out += "<tr><td bgcolor=\"#dde4f0\"><b>\(html(table.name))</b></td></tr>"
            for (index, column) in table.columns.enumerated() {
                let marks = keyMarks(column.name, in: table, schema: schema)
                let type = Printer.print(column.type) + (column.nullable ? "" : " not null")
                out += "<tr><td port=\"c\(index)\" align=\"left\">\(html(column.name)) <font color=\"#666666\">\(html(type))</font>"
                out += marks.isEmpty ? "" : " <b>\(marks.joined(separator: ","))</b>"
                out += "</td></tr>"
            }
            out += "</table>>];\n"
        }
        for table in schema.sortedTables {
            for fk in table.foreignKeys.values.sorted(by: { $0.name < $1.name }) {
                guard let parent = schema.tables[fk.referencedTable],
                      let from = table.columnIndex(named: fk.columns[0]),
                      let to = parent.columnIndex(named: fk.referencedColumns.first ?? "") else { continue }
                out += "  \"\(table.name)\":c\(from) -> \"\(parent.name)\":c\(to) [label=\"\(fk.name)\", fontsize=9];\n"
            }
        }
        return out + "}\n"
    }

    static func keyMarks(_ column: String, in table: Table, schema: Schema) -> [String] {
        var marks: [String] = []
        if table.primaryKey?.columns.contains(column) == true { marks.append("PK") }
        if table.foreignKeys.values.contains(where: { $0.columns.contains(column) }) { marks.append("FK") }
        let unique = table.uniques.values.contains { $0.columns == [column] }
            || schema.indexes(on: table.name).contains { $0.unique && $0.predicate == nil && $0.columns.map(\.name.name) == [column] }
        if unique { marks.append("UK") }
        return marks
    }

    /// Mermaid names: letters, digits, `_` and `-` only.
    static func name(_ text: String) -> String {
        text.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? String($0) : "_" }.joined()
    }

    /// `decimal(12, 2)` → `decimal(12_2)`: Mermaid types take no spaces or commas.
    static func mermaidType(_ type: ColumnType) -> String {
        if case .custom(let text) = type { return name(text) }
        return Printer.print(type).replacingOccurrences(of: ", ", with: "_").replacingOccurrences(of: ",", with: "_")
    }

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
