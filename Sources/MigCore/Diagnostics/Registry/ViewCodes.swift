// Views, comments and index clauses (issue 12): syntax, checker and backend codes.

extension DiagnosticRegistry {
    /// `users`, then revision b2 with `setup`, then revision c3 with `ops`.
    private static func usersView(_ setup: String, then ops: String) -> DiagnosticExample {
        DiagnosticExample(users, afterUsers("set up", setup), revision("c3", parent: "b2", "change it", ops))
    }

    private static let emailsView = "create view emails as \"SELECT email FROM users\""

    static let viewSyntax: [DiagnosticEntry] = [
        DiagnosticEntry(
            .expectedViewBody, "expected `as` and the view's SQL",
            explanation: """
                A view is `create view NAME [depends (T, ...)] as \"\"\"SELECT ...\"\"\"` (and \
                `replace view` the same way): its body is SQL text, passed through like a `sql` block.
                """,
            example: withUsers("create view emails SELECT email FROM users"),
            fixed: withUsers("create view emails as \"SELECT email FROM users\"")),
        DiagnosticEntry(
            .expectedClause, "expected the rest of a `comment on` or `nulls not distinct`",
            explanation: """
                A comment is `comment on table T \"text\"` or `comment on column T.c \"text\"`; \
                `null` instead of the text removes it. An index clause is `nulls not distinct`.
                """,
            example: withUsers("comment on users \"people who sign in\""),
            fixed: withUsers("comment on table users \"people who sign in\"")),
        DiagnosticEntry(
            .unknownIndexMethod, "unknown index method",
            explanation: "`using` names a PostgreSQL index method: `btree`, `hash`, `gist`, `gin` or `brin`.",
            example: withUsers("create index users_email_idx on users using btre (email)"),
            fixed: withUsers("create index users_email_idx on users using btree (email)")),
    ]

    static let viewChecker: [DiagnosticEntry] = [
        DiagnosticEntry(
            .viewExists, "view already exists",
            explanation: """
                A view, or a table or index, already has this name (views share the table and \
                index namespace, case-insensitively as in SQLite and MySQL).
                """,
            example: usersView(emailsView, then: "create view emails as \"SELECT id FROM users\""),
            fixed: usersView(emailsView, then: "replace view emails as \"SELECT id, email FROM users\"")),
        DiagnosticEntry(
            .unknownView, "unknown view",
            explanation: "`drop view`, `replace view` and `rename view` name a view that exists at that point.",
            example: usersView(emailsView, then: "drop view email"),
            fixed: usersView(emailsView, then: "drop view emails")),
        DiagnosticEntry(
            .unknownViewDependency, "unknown table or view in `depends`",
            explanation: "`depends (...)` lists the tables and views the view's body reads; each must exist.",
            example: withUsers("create view emails depends (user) as \"SELECT email FROM users\""),
            fixed: withUsers("create view emails depends (users) as \"SELECT email FROM users\"")),
        DiagnosticEntry(
            .usedByView, "table or view is read by a view",
            explanation: """
                Dropping or renaming a table or view that a view reads would break the view \
                (MySQL keeps the old name in it; PostgreSQL refuses the drop), and replacing a \
                view drops it first on PostgreSQL and SQLite. Drop the dependent view first and \
                create it again afterwards.
                """,
            example: usersView(emailsView, then: "rename table users to accounts"),
            fixed: usersView(emailsView, then: """
                drop view emails
                rename table users to accounts
                create view emails as "SELECT email FROM accounts"
                """)),
        DiagnosticEntry(
            .columnUsedByView, "column is named by a view",
            explanation: """
                Dropping, renaming or retyping a column whose name appears in the body of a view \
                reading its table would break the view (PostgreSQL refuses; SQLite and MySQL \
                leave a view that fails when read). Drop the view first and create it again.
                """,
            example: usersView(emailsView, then: "drop column users.email"),
            fixed: usersView(emailsView, then: "drop view emails\ndrop column users.email")),
        DiagnosticEntry(
            .indexOptionMismatch, "index clauses that do not go together",
            explanation: """
                `nulls not distinct` needs a unique index; PostgreSQL enforces uniqueness and \
                sorts (`desc`) only with `btree`, and takes `include` only on `btree` and `gist` indexes.
                """,
            example: withUsers("create index users_email_idx on users (email) nulls not distinct"),
            fixed: withUsers("create unique index users_email_idx on users (email) nulls not distinct")),
    ]

    static let viewBackends: [DiagnosticEntry] = [
        DiagnosticEntry(
            .indexClauseIgnored, "index clause only PostgreSQL has", severity: .warning,
            explanation: """
                `using METHOD` (other than `btree`), `include (...)` and `nulls not distinct` are \
                PostgreSQL's. SQLite and MySQL create the index without them: a B-tree index, \
                without the extra columns, with null keys never conflicting. The model keeps the \
                clauses, and `migc check` ignores them on those databases. Leave them out when \
                the project targets SQLite or MySQL only. On MySQL it also warns about \
                expression keys (`lower(email)`): MySQL takes them from 8.0.13 on, MariaDB \
                refuses them.
                """,
            example: DiagnosticExample(dialect: "sqlite", users, afterUsers("index emails", """
                create index users_email_idx on users using hash (email)
                """)),
            fixed: DiagnosticExample(dialect: "sqlite", users, afterUsers("index emails", """
                create index users_email_idx on users (email)
                """))),
    ]
}
