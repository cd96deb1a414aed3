/// One checked operation with the schema just before and just after it.
/// The checker produces these; the backends render them.
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
