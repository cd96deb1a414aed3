// Checker errors and backend warnings of the online-safe forms (issue 15).

extension DiagnosticRegistry {
    private static func safe(_ setup: String, then ops: String) -> DiagnosticExample {
        DiagnosticExample(users, afterUsers("set up", setup), revision("c3", parent: "b2", "change it", ops))
    }

    /// A one-revision project with `ops` in its upgrade.
    private static func safeOnly(_ ops: String) -> DiagnosticExample {
        DiagnosticExample(revision("a1", "set up", ops))
    }

    /// Syntax errors of the timeout header lines and the safe forms.
    static let safeFormSyntax: [DiagnosticEntry] = [
        DiagnosticEntry(
            .invalidDuration, "expected a duration",
            explanation: """
                `lock_timeout` and `statement_timeout` take a number with a unit (`ms`, `s`, `min`, `h`; a bare \
                number is seconds) or `off` (no limit), at most 24 days. They override the run's `--lock-timeout` \
                and `--statement-timeout` for this revision (see docs/runner.md).
                """,
            example: DiagnosticExample(file("revision a1\nmessage \"create users\"\nlock_timeout 5sec", creating: "users")),
            fixed: DiagnosticExample(file("revision a1\nmessage \"create users\"\nlock_timeout 5s", creating: "users"))),
        DiagnosticEntry(
            .notValidUnsupported, "`not valid` on a unique or primary key",
            explanation: """
                `not valid` adds a foreign key or check without checking the existing rows (`validate \
                constraint` checks them later, without blocking writes). A unique or primary key is checked as \
                its index is built: build a unique index `concurrently`, then `add unique ... using index`.
                """,
            example: safeOnly("create table users {\n  id bigint\n  email text\n}\nadd unique users_email_key on users (email) not valid"),
            fixed: safeOnly("create table users {\n  id bigint\n  email text\n}\nadd unique users_email_key on users (email)")),
        DiagnosticEntry(
            .expectedKeyword, "expected a keyword",
            explanation: "It is `validate constraint NAME on TABLE`, and `using index NAME` in `add unique` / `add primary key`.",
            example: safeOnly("create table users {\n  id bigint\n  age int\n}\nadd check users_age on users (age > 0) not valid\nvalidate users_age on users"),
            fixed: safeOnly("create table users {\n  id bigint\n  age int\n}\nadd check users_age on users (age > 0) not valid\nvalidate constraint users_age on users")),
    ]

    static let safeForms: [DiagnosticEntry] = [
        DiagnosticEntry(
            .cannotValidate, "cannot validate a key",
            explanation: """
                `validate constraint` checks the existing rows against a foreign key or check added \
                `not valid`. A unique or primary key is always valid: its index was built from the rows.
                """,
            example: safe("add unique users_email_key on users (email)", then: "validate constraint users_email_key on users"),
            fixed: safe("add check users_email_at on users (email <> \"\") not valid", then: "validate constraint users_email_at on users")),
        DiagnosticEntry(
            .alreadyValid, "constraint is already valid",
            explanation: """
                The constraint was added without `not valid` (or validated already): there is nothing to \
                validate. Add it `not valid` to avoid scanning the table under a lock, then validate it.
                """,
            example: safe("add check users_email_at on users (email <> \"\")", then: "validate constraint users_email_at on users"),
            fixed: safe("add check users_email_at on users (email <> \"\") not valid", then: "validate constraint users_email_at on users")),
        DiagnosticEntry(
            .unusableIndex, "index cannot become the key",
            explanation: """
                `add unique U on T using index I` and `add primary key P on T using index I` turn an \
                existing index into the constraint (PostgreSQL renames it to the constraint's name). The \
                index must be on `T`, unique, without `where`, and ascending.
                """,
            example: safe("create index users_email_idx on users (email)", then: "add unique users_email_key on users using index users_email_idx"),
            fixed: safe("create unique index users_email_idx on users (email)", then: "add unique users_email_key on users using index users_email_idx")),
    ]

    static let safeFormBackends: [DiagnosticEntry] = [
        DiagnosticEntry(
            .onlineFormUnavailable, "the online form runs as the plain form", severity: .warning,
            explanation: """
                `not valid` and `set not null online` avoid holding a lock while the table is scanned, \
                on PostgreSQL. SQLite and MySQL have no such forms: the constraint is checked against \
                every row when it is added (and `validate constraint` does nothing). On PostgreSQL, \
                `set not null online` in a revision that runs in a transaction holds the first step's \
                lock until the commit, scan included: give the revision `transaction off`.
                """,
            example: DiagnosticExample(dialect: "mysql", users, afterUsers("check emails", """
                add check users_email_at on users (email <> "") not valid
                """)),
            fixed: DiagnosticExample(dialect: "mysql", users, afterUsers("check emails", """
                add check users_email_at on users (email <> "")
                """))),
    ]
}
