import MigCore

/// The first revision of a project adopting a live database: the statements that
/// create exactly its schema (every constraint and index under its own name), with
/// what the model cannot hold kept as `sql` blocks for that database's dialect,
/// each with the statement that drops it as its `reverse`.
public enum Baseline {
    public static func statements(schema: Schema, objects: [UnexpressedObject], dialect: Dialect) -> [Statement] {
        let raw = { (o: UnexpressedObject) in
            Statement(.sql(RawSQL(dialect: Identifier(dialect.rawValue), text: StringLiteral(o.create), reverse: StringLiteral(o.drop))),
                      trivia: Trivia(leading: [" \(o.kind) `\(o.name)`: not expressible in .mig, kept as SQL"]))
        }
        return objects.filter { $0.placement == .beforeTables }.map(raw)
            + SchemaOps.creating(schema)
            + objects.filter { $0.placement == .afterTables }.map(raw)
    }

    /// The warning a baseline prints for each object kept as SQL.
    public static func warning(_ o: UnexpressedObject, dialect: Dialect) -> String {
        "warning: \(o.kind) `\(o.name)` cannot be expressed in .mig; kept as a `sql \(dialect.rawValue)` block (its DROP as `reverse`): the model, `migc check` and other dialects do not see it"
    }
}
