// Warnings of `migc build` / `upgrade --sql` / the runner for one dialect.

extension DiagnosticRegistry {
    static let backends: [DiagnosticEntry] = [
        DiagnosticEntry(
            .mysqlNotTransactional, "mysql cannot roll back DDL", severity: .warning,
            explanation: """
                MySQL and MariaDB commit every DDL statement implicitly, so a revision that fails \
                part-way stays partly applied and must be repaired by hand. Every mysql script and \
                run says so once. No change to a revision removes it; keep each revision small so \
                a failure is easy to repair.
                """,
            example: DiagnosticExample(dialect: "mysql", users)),
        DiagnosticEntry(
            .mysqlPartialIndex, "mysql has no partial indexes", severity: .warning,
            explanation: """
                MySQL cannot index only the rows matching a `where` predicate: the index is \
                created on every row, which is larger and, for a `unique` index, stricter. Drop \
                the `where` when targeting mysql, or target a dialect with partial indexes.
                """,
            example: DiagnosticExample(dialect: "mysql", users, afterUsers("index emails", """
                create index users_email_idx on users (email) where email is not null
                """)),
            fixed: DiagnosticExample(dialect: "mysql", users, afterUsers("index emails", """
                create index users_email_idx on users (email)
                """))),
        DiagnosticEntry(
            .concurrentlyInTransaction, "`concurrently` inside a transaction", severity: .warning,
            explanation: """
                PostgreSQL cannot `CREATE INDEX CONCURRENTLY` inside a transaction, and every \
                revision runs in one unless its header says `transaction off`. The index is then \
                built plainly, locking writes to the table while it builds. Add `transaction off` \
                to the revision (and keep the index alone in it).
                """,
            example: DiagnosticExample(dialect: "postgres", users, afterUsers("index emails", """
                create index users_email_idx on users (email) concurrently
                """)),
            fixed: DiagnosticExample(dialect: "postgres", users, """
                revision b2
                parent a1
                message "index emails"
                transaction off

                upgrade {
                  create index users_email_idx on users (email) concurrently
                }
                """)),
        DiagnosticEntry(
            .mysqlUsingIgnored, "mysql ignores `using`", severity: .warning,
            explanation: """
                `alter column ... type T using EXPR` converts each value with EXPR on \
                PostgreSQL; MySQL's MODIFY COLUMN has no such clause and converts values \
                implicitly, which may differ. Convert the values with a `sql` block first, then \
                change the type without `using`.
                """,
            example: DiagnosticExample(dialect: "mysql", users, afterUsers("numeric codes", """
                add column users.code text
                alter column users.code type int using length(code)
                """)),
            fixed: DiagnosticExample(dialect: "mysql", users, afterUsers("numeric codes", """
                add column users.code text
                alter column users.code type int
                """))),
    ]
}
