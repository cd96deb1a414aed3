// A schema file: the declarations of a whole schema, the statements of an
// `upgrade` block at top level and nothing else (no header). It is what
// `migc show REV --schema` prints and `migc new --autogenerate --to-schema FILE`
// reads: the desired state, folded from the empty schema.

/// A parsed schema file: its statements and every syntax error.
public struct SchemaFileParse: Sendable {
    public var statements: [Statement]
    /// Comments after the last statement.
    public var trailingComments: [String]
    public var diagnostics: [Diagnostic]
}

extension Parser {
    /// schema_file := statement* EOF
    public static func parseSchemaFile(source: String, path: String) -> SchemaFileParse {
        var parser = MigParser(bytes: Array(source.utf8), path: path)
        var statements: [Statement] = []
        parser.skipNewlines()
        while !parser.atEnd {
            let before = parser.index
            if parser.kind == .rightBrace {
                parser.report(.unexpectedClosingBrace, at: parser.span(parser.current))
                _ = parser.advance()
            } else {
                do {
                    statements.append(try parser.parseStatement())
                } catch {
                    parser.synchronize()
                }
            }
            parser.skipNewlines()
            if parser.index == before { _ = parser.advance() }
        }
        let trailing = parser.takeLeading() + (parser.takeTrailing().map { [$0] } ?? [])
        return SchemaFileParse(statements: statements, trailingComments: trailing, diagnostics: parser.diagnostics)
    }
}

extension Printer {
    /// A schema file's text: one statement a line, a blank line between tables.
    public static func printSchemaFile(_ statements: [Statement], header: [String] = []) -> String {
        let comments = header.map { "--\($0.isEmpty ? "" : " ")\($0)\n" }.joined()
        let body = statements.map { print(statements: [$0], indent: 0) }.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }
        var out = comments.isEmpty ? "" : comments + "\n"
        for (i, text) in body.enumerated() {
            if i > 0, case .createTable = statements[i].operation { out += "\n" }
            out += text
        }
        return out
    }
}
