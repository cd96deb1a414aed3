import MigCore

// Stand-ins for the backends helper's contract types (CONTRACTS.md, "Backends"),
// exactly as agreed there. Deleted when the backends branch lands on main: the
// MigCore definitions then take over with the same names and shapes.

public enum Dialect: String, CaseIterable, Sendable { case sqlite, postgres, mysql }

public struct SQLStatement: Sendable, Hashable {
    public var text: String
    public var origin: SourceSpan?
    public init(_ text: String, origin: SourceSpan? = nil) {
        self.text = text
        self.origin = origin
    }
}
