/// One checked operation with the schema just before and just after it.
/// (Shape agreed in CONTRACTS.md; the checker produces these.)
public struct OpStep: Sendable {
    public var statement: Statement
    public var before: Schema
    public var after: Schema

    public init(statement: Statement, before: Schema, after: Schema) {
        self.statement = statement
        self.before = before
        self.after = after
    }
}
