// The online-safe forms of constraint and index operations (issue 15): `not valid`
// constraints and `validate constraint`, `drop index ... concurrently`, a unique or
// primary key `using index`, and `set not null online`. Their syntax lives here;
// the parser, printer and dump delegate to these functions.

/// `validate constraint C on T`: checks the existing rows against a `not valid`
/// foreign key or check, without blocking writes (PostgreSQL).
public struct ValidateConstraint: Hashable, Sendable {
    public var name: Identifier
    public var table: Identifier
    public init(name: Identifier, table: Identifier) {
        self.name = name
        self.table = table
    }
}

extension MigParser {
    /// validate := `validate` `constraint` C `on` T
    mutating func parseValidate() throws(ParseAbort) -> Operation {
        advance()
        try consume("constraint", help: { _ in "write `validate constraint NAME on TABLE`" }) { .expectedKeyword("constraint", after: "validate", found: $0) }
        let name = try parseName("a constraint", after: "`validate constraint`")
        try consume("on", help: { _ in "write `validate constraint NAME on TABLE`" }) { .expectedOn(after: "the constraint name", found: $0) }
        return .validateConstraint(ValidateConstraint(name: name, table: try parseName("a table", after: "`on`")))
    }

    /// [`not` `valid`] after a foreign key or check; reported after a unique or
    /// primary key (their index is built at once).
    mutating func parseNotValid(_ keyword: String) -> Bool {
        guard at("not"), index + 1 < tokens.count, isWord(tokens[index + 1], "valid") else { return false }
        let start = current.start
        advance()
        advance()
        if keyword == "unique" || keyword == "primary key" {
            report(.notValidUnsupported(keyword), at: span(from: start),
                   help: "a \(keyword) is checked as its index is built; build the index `concurrently`, then `add \(keyword) ... using index`")
            return false
        }
        return true
    }

    /// `using index I` in place of the column list of a unique or primary key.
    mutating func parseUsingIndex() throws(ParseAbort) -> Identifier? {
        guard at("using") else { return nil }
        advance()
        try consume("index") { .expectedKeyword("index", after: "using", found: $0) }
        return try parseName("an index", after: "`using index`")
    }

    /// [`concurrently`] after `drop index I`.
    mutating func parseDropConcurrently() -> Bool {
        guard at("concurrently") else { return false }
        advance()
        return true
    }

    /// [`online`] after `set not null`.
    mutating func parseOnline() -> Bool {
        guard at("online") else { return false }
        advance()
        return true
    }
}

extension Printer {
    static func validateConstraint(_ v: ValidateConstraint) -> String {
        "validate constraint \(quoted(v.name.name)) on \(quoted(v.table.name))"
    }

    static func dropIndex(_ d: DropIndex) -> String {
        "drop index " + quoted(d.name.name) + (d.concurrently ? " concurrently" : "")
    }

    /// What follows the table name of an `add unique/primary key/foreign key/check`.
    static func safeSuffix(_ a: AddConstraint) -> String {
        a.notValid ? " not valid" : ""
    }
}
