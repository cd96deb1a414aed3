import Foundation
import MigCore

/// `migc show REV --schema [--dialect D]`: the schema after REV, as a schema file
/// or as DDL creating it in one go.
enum ShowSchema {
    static func print(revision id: String, graph: RevisionGraph, dialect name: String?, downgrade: Bool) throws {
        if downgrade { throw UsageFailure(message: "error: --schema and --downgrade do not go together; --schema prints a state, not a step") }
        let schema = Checker.schema(at: [id], in: graph)
        let text: String
        if let name {
            guard let dialect = Dialect(blockName: name) else {
                throw UsageFailure(message: "error: unknown dialect `\(name)`; expected sqlite, postgres or mysql")
            }
            text = SchemaDDL.create(schema, dialect: dialect).map { $0.text + ";\n" }.joined()
        } else {
            text = Printer.printSchemaFile(SchemaOps.creating(schema), header: ["schema after revision \(id) (`migc show \(id) --schema`)"])
        }
        Terminal.write(isatty(STDOUT_FILENO) != 0 ? DiagnosticRenderer.escaped(text) : text)
    }
}
