// Checker errors about names and types: each op must apply to the schema before it.

extension DiagnosticRegistry {
    /// A project of `users` and one more revision with `ops`.
    private static func users(then ops: String) -> DiagnosticExample {
        DiagnosticExample(users, afterUsers("change users", ops))
    }

    /// `users`, revision b2 with `setup`, then revision c3 with `ops`.
    private static func users(_ setup: String, then ops: String) -> DiagnosticExample {
        DiagnosticExample(users, afterUsers("set up", setup), revision("c3", parent: "b2", "change it", ops))
    }

    static let posts = """
        create table posts {
          id bigint primary key
          author_id bigint references users (id)
        }
        """

    static let checker: [DiagnosticEntry] = [
        DiagnosticEntry(
            .tableExists, "table already exists",
            explanation: """
                A table, or another object in the table and index namespace, already has this \
                name. Names that differ only by case collide: SQLite and MySQL fold case.
                """,
            example: users(then: "create table Users {\n  id bigint primary key\n}"),
            fixed: users(then: "create table accounts {\n  id bigint primary key\n}")),
        DiagnosticEntry(
            .unknownTable, "unknown table",
            explanation: "An op names a table that does not exist at that point of the history.",
            example: users(then: "add column user.name text"),
            fixed: users(then: "add column users.name text")),
        DiagnosticEntry(
            .columnExists, "column already exists",
            explanation: """
                The table already has a column of this name (also: a column listed twice in an \
                index or constraint).
                """,
            example: users(then: "add column users.email varchar(320)"),
            fixed: users(then: "add column users.name varchar(320)")),
        DiagnosticEntry(
            .unknownColumn, "unknown column",
            explanation: """
                An op, index, constraint, check or index predicate names a column the table does \
                not have. migc suggests the closest name.
                """,
            example: users(then: "create index users_email_idx on users (emial)"),
            fixed: users(then: "create index users_email_idx on users (email)")),
        DiagnosticEntry(
            .indexExists, "index name already used",
            explanation: """
                The name is taken by an index, a table, or a primary-key or unique constraint \
                (PostgreSQL keeps them all in one namespace).
                """,
            example: users(then: "create index users on users (email)"),
            fixed: users(then: "create index users_email_idx on users (email)")),
        DiagnosticEntry(
            .unknownIndex, "unknown index",
            explanation: "`drop index` or `rename index` names an index that does not exist.",
            example: users("create index users_email_idx on users (email)", then: "drop index users_emial_idx"),
            fixed: users("create index users_email_idx on users (email)", then: "drop index users_email_idx")),
        DiagnosticEntry(
            .constraintExists, "constraint name already used",
            explanation: "The table already has a constraint of this name.",
            example: users(then: "add check positive_id on users (id > 0)\nadd check positive_id on users (id < 1000000)"),
            fixed: users(then: "add check positive_id on users (id > 0)\nadd check small_id on users (id < 1000000)")),
        DiagnosticEntry(
            .unknownConstraint, "unknown constraint",
            explanation: "`drop constraint` names a constraint the table does not have.",
            example: users("add unique users_email_key on users (email)", then: "drop constraint users_emial_key on users"),
            fixed: users("add unique users_email_key on users (email)", then: "drop constraint users_email_key on users")),
        DiagnosticEntry(
            .foreignKeyTargetNotUnique, "foreign key target is not unique",
            explanation: """
                A foreign key must reference the primary key, a unique constraint, or a unique \
                index without a predicate of the referenced table; otherwise databases refuse it.
                """,
            example: users(then: "create table posts {\n  id bigint primary key\n  author_email text references users (email)\n}"),
            fixed: users(then: "create table posts {\n  id bigint primary key\n  author_id bigint references users (id)\n}")),
        DiagnosticEntry(
            .foreignKeyTypeMismatch, "foreign key column types differ",
            explanation: """
                A referencing column's type is of another family (integers, numerics, text, ...) \
                than the column it references.
                """,
            example: users(then: "create table posts {\n  id bigint primary key\n  author_id text references users (id)\n}"),
            fixed: users(then: posts)),
        DiagnosticEntry(
            .foreignKeyColumnCount, "foreign key column count differs",
            explanation: "A foreign key lists a different number of columns than it references.",
            example: users(then: """
                create table posts {
                  id bigint primary key
                  author_id bigint
                  tenant bigint
                }
                add foreign key posts_author_fkey on posts (author_id, tenant) references users (id)
                """),
            fixed: users(then: """
                create table posts {
                  id bigint primary key
                  author_id bigint
                  tenant bigint
                }
                add foreign key posts_author_fkey on posts (author_id) references users (id)
                """)),
        DiagnosticEntry(
            .badAutoincrement, "misplaced `autoincrement`",
            explanation: """
                `autoincrement` needs an integer column that is the table's single-column primary \
                key; dropping the primary key of an autoincrement column is refused too.
                """,
            example: users(then: "create table tags {\n  name text primary key autoincrement\n}"),
            fixed: users(then: "create table tags {\n  id bigint primary key autoincrement\n  name text\n}")),
        DiagnosticEntry(
            .multiplePrimaryKeys, "more than one primary key",
            explanation: "A table has at most one primary key (which may span several columns).",
            example: users(then: "add column users.code text primary key"),
            fixed: users(then: "add column users.code text unique")),
        DiagnosticEntry(
            .conflictingModifiers, "conflicting column modifiers",
            explanation: """
                A column is both `null` and `not null`, or repeats a modifier. Revision files get \
                the parser's E053 or E054 first; this code guards syntax trees built by other means.
                """),
        DiagnosticEntry(
            .defaultTypeMismatch, "default does not fit the column",
            explanation: """
                The default cannot be a value of the column's type: a string on an `int`, `null` \
                on a not-null column, a string too long for its `varchar(n)`.
                """,
            example: users(then: "add column users.age int default \"ten\""),
            fixed: users(then: "add column users.age int default 10")),
        DiagnosticEntry(
            .noOpAlter, "alter that changes nothing",
            explanation: """
                `set not null` on a not-null column, `drop default` with no default, a type change \
                to the same type. An error, because its inverse would change the schema on the way \
                down.
                """,
            example: users(then: "alter column users.id set not null"),
            fixed: users(then: "alter column users.email set not null")),
        DiagnosticEntry(
            .columnInUse, "column still in use",
            explanation: """
                `drop column` removes single-column indexes and constraints with the column, but \
                not a multi-column index or constraint, nor a foreign key pointing at it: drop \
                those first, so nothing disappears silently.
                """,
            example: users("add column users.name text\ncreate index users_name_email_idx on users (name, email)",
                           then: "drop column users.name"),
            fixed: users("add column users.name text\ncreate index users_name_email_idx on users (name, email)",
                         then: "drop index users_name_email_idx\ndrop column users.name")),
        DiagnosticEntry(
            .lastColumn, "drop of a table's only column",
            explanation: "A table needs at least one column; drop the table instead.",
            example: users("create table flags {\n  name text\n}", then: "drop column flags.name"),
            fixed: users("create table flags {\n  name text\n}", then: "drop table flags")),
        DiagnosticEntry(
            .nullablePrimaryKey, "nullable primary-key column",
            explanation: "Primary-key columns are not null; `null` on one, or `drop not null`, is refused.",
            example: users(then: "create table tags {\n  name text null primary key\n}"),
            fixed: users(then: "create table tags {\n  name text primary key\n}")),
        DiagnosticEntry(
            .constraintInUse, "constraint still in use",
            explanation: "A primary key or unique constraint that a foreign key depends on cannot be dropped first.",
            example: users(posts, then: "drop constraint users_pkey on users"),
            fixed: users(posts, then: "drop constraint posts_author_id_fkey on posts\ndrop constraint users_pkey on users")),
        DiagnosticEntry(
            .tableInUse, "table still referenced",
            explanation: "A table that another table's foreign key references cannot be dropped first.",
            example: users(posts, then: "drop table users"),
            fixed: users(posts, then: "drop table posts\ndrop table users")),
        DiagnosticEntry(
            .reservedName, "reserved name",
            explanation: """
                `migc_version` and `migc_history` are migc's own tables, `_migc_new_*` the \
                temporary tables of a SQLite rebuild, and `sqlite_*` names belong to SQLite: \
                a table (or index or constraint) of those names would clash with them.
                """,
            example: DiagnosticExample(revision("a1", "versions", "create table migc_version {\n  id int primary key\n}")),
            fixed: DiagnosticExample(revision("a1", "versions", "create table app_version {\n  id int primary key\n}"))),
        DiagnosticEntry(
            .nameTooLong, "name longer than 63 bytes",
            explanation: """
                PostgreSQL keeps the first 63 bytes of a name and silently drops the rest, so \
                two long names can become one. Keep names at 63 bytes or fewer.
                """,
            example: DiagnosticExample(revision("a1", "long", "create table customer_subscription_renewal_reminder_notification_delivery_attempts {\n  id int primary key\n}")),
            fixed: DiagnosticExample(revision("a1", "long", "create table renewal_reminder_deliveries {\n  id int primary key\n}"))),
        DiagnosticEntry(
            .duplicateKey, "unique key duplicates another key",
            explanation: """
                A unique constraint on exactly the columns of the primary key or of another \
                unique constraint. SQLite's and PostgreSQL's `CREATE TABLE` keep only one of \
                two such keys (so a SQLite rebuild or a fresh PostgreSQL database would lose \
                one) while PostgreSQL's `ALTER TABLE` keeps both: the model could not match the \
                database. One key is enough; to rename a key, drop it and add the new one.
                """,
            example: users(then: "add unique users_email_key on users (email)\nadd unique users_email_uq on users (email)"),
            fixed: users(then: "add unique users_email_key on users (email)")),
    ]
}
