// Syntax errors in table bodies, columns, types and references.

extension DiagnosticRegistry {
    static let tables: [DiagnosticEntry] = [
        DiagnosticEntry(
            .expectedTableBody, "expected `{` after the table name",
            explanation: "A table's columns and constraints go in a `{ }` body, one per line, not in SQL's parentheses.",
            example: only("create table users (id bigint primary key)"),
            fixed: only("create table users {\n  id bigint primary key\n}")),
        DiagnosticEntry(
            .duplicateModifier, "duplicate column modifier",
            explanation: "A column modifier (`unique`, `not null`, `default`, ...) appears at most once per column.",
            example: withUsers("add column users.handle text unique unique"),
            fixed: withUsers("add column users.handle text unique")),
        DiagnosticEntry(
            .conflictingNullability, "both `null` and `not null`",
            explanation: "A column is either nullable (`null`, the default) or `not null`.",
            example: withUsers("add column users.age int not null null default 0"),
            fixed: withUsers("add column users.age int not null default 0")),
        DiagnosticEntry(
            .unknownModifier, "unknown column modifier",
            explanation: """
                After the type come `null`, `not null`, `default`, `primary key`, `unique`, \
                `autoincrement`, `references` and `check`. migc suggests the closest.
                """,
            example: withUsers("add column users.handle text uniqe"),
            fixed: withUsers("add column users.handle text unique")),
        DiagnosticEntry(
            .expectedNull, "expected `null` after `not`",
            explanation: "`not` is only part of `not null`.",
            example: withUsers("add column users.age int not nul default 0"),
            fixed: withUsers("add column users.age int not null default 0")),
        DiagnosticEntry(
            .unknownType, "unknown type",
            explanation: """
                Column types are migc's portable names (`int`, `bigint`, `text`, `varchar(n)`, \
                `decimal(p, s)`, `bool`, `timestamp`, ...; see docs/language.md). Common SQL \
                spellings get a hint (`integer` is `int`); a type migc does not know goes in \
                quotes (`\"tsvector\"`) and is passed to the database as written.
                """,
            example: withUsers("add column users.age integer"),
            fixed: withUsers("add column users.age int")),
        DiagnosticEntry(
            .expectedType, "expected a column type",
            explanation: "A column definition is a name, then a type, then modifiers.",
            example: withUsers("add column users.age not null default 0"),
            fixed: withUsers("add column users.age int not null default 0")),
        DiagnosticEntry(
            .expectedInteger, "expected an integer",
            explanation: "Type arguments (lengths, precisions, scales) are integer literals.",
            example: withUsers("add column users.name varchar(n)"),
            fixed: withUsers("add column users.name varchar(100)")),
        DiagnosticEntry(
            .missingTypeArgument, "type needs a length",
            explanation: "`char` takes a length: `char(2)`. (`varchar` without one is unbounded: PostgreSQL `varchar`.)",
            example: withUsers("add column users.country char"),
            fixed: withUsers("add column users.country char(2)")),
        DiagnosticEntry(
            .tooManyTypeArguments, "too many type arguments",
            explanation: "Most types take no arguments (MySQL's `int(11)` display width is not one); `decimal` takes two.",
            example: withUsers("add column users.age int(11)"),
            fixed: withUsers("add column users.age int")),
        DiagnosticEntry(
            .unknownAction, "unknown referential action",
            explanation: "`on delete` and `on update` take `cascade`, `restrict`, `set null`, `set default` or `no action`.",
            example: withAuthorReference("on delete nothing"),
            fixed: withAuthorReference("on delete no action")),
        DiagnosticEntry(
            .expectedDeleteOrUpdate, "expected `delete` or `update` after `on`",
            explanation: "A reference's actions are `on delete ACTION` and `on update ACTION`.",
            example: withAuthorReference("on remove cascade"),
            fixed: withAuthorReference("on delete cascade")),
        DiagnosticEntry(
            .duplicateAction, "duplicate `on delete` or `on update`",
            explanation: "Each of `on delete` and `on update` appears at most once per reference.",
            example: withAuthorReference("on delete cascade on delete restrict"),
            fixed: withAuthorReference("on delete cascade")),
        DiagnosticEntry(
            .missingConstraintName, "table constraint needs a name",
            explanation: """
                Table-level `unique`, `check` and `foreign key` constraints are named, so a later \
                revision can drop them (column modifiers get names such as `users_email_key`).
                """,
            example: withUsers("create table teams {\n  id bigint primary key\n  name text\n  unique (name)\n}"),
            fixed: withUsers("create table teams {\n  id bigint primary key\n  name text\n  unique teams_name_key (name)\n}")),
        DiagnosticEntry(
            .expectedItemEnd, "expected the end of a column definition",
            explanation: "Each column or constraint of a table body ends at the end of its line (or at `,`).",
            example: withUsers("create table teams {\n  id bigint primary key\n  name text 5\n}"),
            fixed: withUsers("create table teams {\n  id bigint primary key\n  name text default \"5\"\n}")),
        DiagnosticEntry(
            .expectedReferences, "expected `references`",
            explanation: "A foreign key reads `foreign key NAME (COLUMNS) references TABLE (COLUMNS)`.",
            example: withUsers("create table posts {\n  id bigint primary key\n  author_id bigint\n}\nadd foreign key posts_author_fkey on posts (author_id) users (id)"),
            fixed: withUsers("create table posts {\n  id bigint primary key\n  author_id bigint\n}\nadd foreign key posts_author_fkey on posts (author_id) references users (id)")),
        DiagnosticEntry(
            .emptyCustomType, "empty type name",
            explanation: "A quoted type passes a database type through as written; it cannot be blank.",
            example: withUsers("add column users.search \"\""),
            fixed: withUsers("add column users.search \"tsvector\"")),
        DiagnosticEntry(
            .unterminatedTableBody, "missing `}` at the end of a table",
            explanation: "A table body's `{` has no matching `}` before the next op.",
            example: only("create table users {\n  id bigint primary key\n  email text\ncreate index users_email_idx on users (email)"),
            fixed: only("create table users {\n  id bigint primary key\n  email text\n}\ncreate index users_email_idx on users (email)")),
    ]
}
