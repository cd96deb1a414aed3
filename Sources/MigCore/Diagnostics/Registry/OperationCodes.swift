// Syntax errors in operations: `create`, `drop`, `rename`, `add`, `alter`, `sql`.

extension DiagnosticRegistry {
    static let operations: [DiagnosticEntry] = [
        DiagnosticEntry(
            .unknownOperation, "unknown operation",
            explanation: """
                A line in a block starts with a word that is no operation. The ops are `create`, \
                `drop`, `rename`, `add`, `alter` and `sql`; migc suggests the closest one when a \
                word is a typo of it.
                """,
            example: withUsers("remove column users.email"),
            fixed: withUsers("drop column users.email")),
        DiagnosticEntry(
            .expectedAfterCreate, "expected `table` or `index` after `create`",
            explanation: "`create` makes a `table`, an `index` or a `unique index`.",
            example: only("create tabel users {\n  id bigint primary key\n}"),
            fixed: only("create table users {\n  id bigint primary key\n}")),
        DiagnosticEntry(
            .expectedAfterDrop, "expected what to drop",
            explanation: "`drop` takes `table`, `column`, `index` or `constraint`.",
            example: withUsers("drop colum users.email"),
            fixed: withUsers("drop column users.email")),
        DiagnosticEntry(
            .expectedAfterRename, "expected `table` or `column` after `rename`",
            explanation: "`rename` renames a `table` or a `column`; to rename an index, drop it and create it again.",
            example: withUsers("create index users_email_idx on users (email)\nrename index users_email_idx to users_mail_idx"),
            fixed: withUsers("create index users_email_idx on users (email)\nrename column users.email to mail")),
        DiagnosticEntry(
            .expectedAfterAdd, "expected what to add",
            explanation: "`add` takes `column`, `unique`, `foreign key`, `check` or `primary key`.",
            example: withUsers("add colunm users.name text"),
            fixed: withUsers("add column users.name text")),
        DiagnosticEntry(
            .expectedAfterAlter, "expected `column` after `alter`",
            explanation: "`alter` changes one column: `alter column TABLE.COLUMN ...`.",
            example: withUsers("alter table users.email set not null"),
            fixed: withUsers("alter column users.email set not null")),
        DiagnosticEntry(
            .expectedName, "expected a name",
            explanation: "A table, column, index or constraint name is a word or a backtick-quoted name.",
            example: withUsers("rename table users to 42"),
            fixed: withUsers("rename table users to accounts")),
        DiagnosticEntry(
            .expectedQualifiedColumn, "expected `table.column`",
            explanation: "Column ops name the column with its table: `users.email`.",
            example: withUsers("drop column email"),
            fixed: withUsers("drop column users.email")),
        DiagnosticEntry(
            .expectedTo, "expected `to`",
            explanation: "Renames read `rename table OLD to NEW`.",
            example: withUsers("rename table users as accounts"),
            fixed: withUsers("rename table users to accounts")),
        DiagnosticEntry(
            .expectedStatementEnd, "expected the end of the line",
            explanation: "An op ends at the end of its line (or at `;`); something follows where nothing may.",
            example: withUsers("drop column users.email cascade"),
            fixed: withUsers("drop column users.email")),
        DiagnosticEntry(
            .expectedAlterChange, "expected `type`, `set` or `drop`",
            explanation: """
                `alter column` changes the `type`, `set`s or `drop`s `not null`, or `set`s or \
                `drop`s the `default`. To rename a column, use `rename column`.
                """,
            example: withUsers("alter column users.email rename to mail"),
            fixed: withUsers("rename column users.email to mail")),
        DiagnosticEntry(
            .expectedAfterSet, "expected `not null` or `default` after `set`",
            explanation: "`set` takes `not null` or `default EXPR`.",
            example: withUsers("alter column users.email set nul"),
            fixed: withUsers("alter column users.email set not null")),
        DiagnosticEntry(
            .expectedOn, "expected `on`",
            explanation: "Indexes and table constraints name their table with `on`.",
            example: withUsers("create index users_email_idx users (email)"),
            fixed: withUsers("create index users_email_idx on users (email)")),
        DiagnosticEntry(
            .expectedColumnList, "expected a column list",
            explanation: "Indexes and constraints list their columns in parentheses.",
            example: withUsers("create index users_email_idx on users email"),
            fixed: withUsers("create index users_email_idx on users (email)")),
        DiagnosticEntry(
            .emptyColumnList, "empty column list",
            explanation: "An index or constraint covers at least one column.",
            example: withUsers("create index users_email_idx on users ()"),
            fixed: withUsers("create index users_email_idx on users (email)")),
        DiagnosticEntry(
            .expectedClosingParen, "expected `)`",
            explanation: "A parenthesised list is missing a `,` or its `)`.",
            example: withUsers("create index users_id_email_idx on users (id email)"),
            fixed: withUsers("create index users_id_email_idx on users (id, email)")),
        DiagnosticEntry(
            .expectedSQLText, "expected a string of SQL after `sql`",
            explanation: "Raw SQL is a string: `sql \"\"\"...\"\"\"` (optionally after a dialect name).",
            example: withUsers("sql UPDATE users SET email = lower(email)"),
            fixed: withUsers("sql \"\"\"UPDATE users SET email = lower(email)\"\"\"")),
        DiagnosticEntry(
            .unknownDialect, "unknown dialect",
            explanation: "A `sql` block for one dialect names `sqlite`, `postgres` or `mysql`.",
            example: withUsers("sql postgresql \"\"\"UPDATE users SET email = lower(email)\"\"\""),
            fixed: withUsers("sql postgres \"\"\"UPDATE users SET email = lower(email)\"\"\"")),
        DiagnosticEntry(
            .expectedReverseText, "expected a string of SQL after `reverse`",
            explanation: "`reverse` gives the SQL that undoes a `sql` block, as a string.",
            example: withUsers("sql \"\"\"INSERT INTO users VALUES (1, 'root')\"\"\" reverse DELETE FROM users"),
            fixed: withUsers("sql \"\"\"INSERT INTO users VALUES (1, 'root')\"\"\" reverse \"\"\"DELETE FROM users\"\"\"")),
        DiagnosticEntry(
            .duplicateIndexClause, "duplicate clause in `create index`",
            explanation: "`where` and `concurrently` appear at most once in a `create index`.",
            example: withUsers("create index users_email_idx on users (email) where email is not null where id > 0"),
            fixed: withUsers("create index users_email_idx on users (email) where email is not null and id > 0")),
        DiagnosticEntry(
            .expectedAfterDropNot, "expected `null` after `drop not`",
            explanation: "`alter column ... drop not null` makes a column nullable; `drop default` removes its default.",
            example: withUsers("alter column users.email set default \"\"\nalter column users.email drop not default"),
            fixed: withUsers("alter column users.email set default \"\"\nalter column users.email drop default")),
        DiagnosticEntry(
            .expectedKey, "expected `key`",
            explanation: "It is `primary key` and `foreign key`.",
            example: only("create table users {\n  id bigint\n}\nadd primary users_pkey on users (id)"),
            fixed: only("create table users {\n  id bigint\n}\nadd primary key users_pkey on users (id)")),
    ]
}
