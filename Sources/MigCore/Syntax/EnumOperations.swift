// The enum operations of the syntax tree: `create enum`, `drop enum`, `rename enum`
// and `alter enum` (add, rename or drop a value). Values are string literals, so
// their spans point at the value a diagnostic is about.

/// `create enum NAME ("a", "b", ...)`.
public struct CreateEnum: Hashable, Sendable {
    public var name: Identifier
    public var values: [StringLiteral]
    public init(name: Identifier, values: [StringLiteral]) {
        self.name = name
        self.values = values
    }
}

/// `drop enum NAME`.
public struct DropEnum: Hashable, Sendable {
    public var name: Identifier
    public init(name: Identifier) { self.name = name }
}

/// `rename enum NAME to NEW`.
public struct RenameEnum: Hashable, Sendable {
    public var name: Identifier
    public var newName: Identifier
    public init(name: Identifier, newName: Identifier) {
        self.name = name
        self.newName = newName
    }
}

/// `alter enum NAME add value "v" [before|after "w"]`, `... rename value "v" to "w"`,
/// `... drop value "v"`.
public struct AlterEnum: Hashable, Sendable {
    public enum Position: Hashable, Sendable {
        case before(StringLiteral)
        case after(StringLiteral)

        public var anchor: StringLiteral {
            switch self {
            case .before(let v), .after(let v): v
            }
        }
    }

    public enum Change: Hashable, Sendable {
        /// Without a position the value goes last.
        case addValue(StringLiteral, position: Position?)
        case renameValue(StringLiteral, to: StringLiteral)
        /// Not in place on PostgreSQL: the type is recreated and every column cast.
        case dropValue(StringLiteral)
    }

    public var name: Identifier
    public var change: Change
    public init(name: Identifier, change: Change) {
        self.name = name
        self.change = change
    }
}
