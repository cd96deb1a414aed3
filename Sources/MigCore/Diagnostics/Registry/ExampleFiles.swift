// Building blocks of the registry's examples, so an entry shows only its mistake.

extension DiagnosticRegistry {
    /// Revision `id` whose upgrade block holds `ops` (one op per line).
    static func revision(_ id: String, parent: String? = nil, _ message: String, _ ops: String) -> String {
        var out = "revision \(id)\n"
        if let parent { out += "parent \(parent)\n" }
        out += "message \"\(message)\"\n\nupgrade {\n"
        for line in ops.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? "\n" : "  \(line)\n"
        }
        return out + "}"
    }

    /// The first revision of many examples: a `users` table.
    static let users = revision("a1", "create users", """
        create table users {
          id bigint primary key
          email text
        }
        """)

    /// A file of `header` lines whose upgrade creates table `name` (with just an id).
    static func file(_ header: String, creating name: String) -> String {
        header + "\n\nupgrade {\n  create table \(name) {\n    id bigint primary key\n  }\n}"
    }

    /// Revision `b2` after `users`, whose upgrade block holds `ops`.
    static func afterUsers(_ message: String, _ ops: String) -> String {
        revision("b2", parent: "a1", message, ops)
    }
}

extension DiagnosticRegistry {
    static let usersTable = """
        create table users {
          id bigint primary key
          email text
        }
        """

    /// One revision that creates `users`, then runs `ops`: most syntax examples.
    static func withUsers(_ ops: String) -> DiagnosticExample {
        DiagnosticExample(revision("a1", "create users", usersTable + "\n" + ops))
    }

    /// One revision whose upgrade block is `ops`.
    static func only(_ ops: String) -> DiagnosticExample {
        DiagnosticExample(revision("a1", "create users", ops))
    }

    /// `withUsers`, then a `posts` table whose `author_id` references users with `actions`.
    static func withAuthorReference(_ actions: String) -> DiagnosticExample {
        withUsers("create table posts {\n  id bigint primary key\n  author_id bigint references users (id) \(actions)\n}")
    }
}
