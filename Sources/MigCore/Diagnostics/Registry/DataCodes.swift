// The codes of typed data changes (`insert`, `update`, `delete`, `reverse`,
// `backfill`, `case`): syntax, checker, reversibility, lint and backend.

extension DiagnosticRegistry {
    static let dataSyntax: [DiagnosticEntry] = [
        DiagnosticEntry(
            .malformedDataOperation, "malformed data change or `case`",
            explanation: """
                An `insert`, `update`, `delete` or `case` expression lacks a keyword where one is \
                due: `insert into T (cols) values (...)`, `update T set c = EXPR`, `delete from T`, \
                `case when A then B end` (or a row of values is empty).
                """,
            example: withUsers("insert users (id) values (1)"),
            fixed: withUsers("insert into users (id) values (1)")),
        DiagnosticEntry(
            .notInReverseBlock, "operation not allowed in a `reverse` block",
            explanation: """
                A `reverse { ... }` block holds what the derived downgrade runs for one data \
                change: `insert`, `update`, `delete` and `sql` only, without a `reverse` of their \
                own. Schema changes belong in a `downgrade` block.
                """,
            example: withUsers("delete from users where id = 1 reverse {\n  drop table users\n}"),
            fixed: withUsers("delete from users where id = 1 reverse {\n  insert into users (id) values (1)\n}")),
        DiagnosticEntry(
            .expectedReverseBody, "expected `nothing` or `{` after `reverse`",
            explanation: """
                The `reverse` of an `insert`, `update` or `delete` is `reverse nothing` (a \
                forward-only change) or a block of data changes, `reverse { ... }`; SQL text goes \
                in that block as `sql "..."`.
                """,
            example: withUsers("delete from users where id = 1 reverse \"insert into users (id) values (1)\""),
            fixed: withUsers("delete from users where id = 1 reverse nothing")),
    ]

    private static let plans = revision("a1", "plans", """
        create table plans {
          code text primary key
          name text not null
        }
        """)

    private static func plans(then ops: String) -> DiagnosticExample {
        DiagnosticExample(plans, revision("b2", parent: "a1", "seed plans", ops))
    }

    static let dataChecker: [DiagnosticEntry] = [
        DiagnosticEntry(
            .duplicateDataColumn, "column listed twice in a data change",
            explanation: "An `insert` lists a column twice, or an `update` sets one twice.",
            example: plans(then: "insert into plans (code, code, name) values (\"free\", \"free\", \"Free\")"),
            fixed: plans(then: "insert into plans (code, name) values (\"free\", \"Free\")")),
        DiagnosticEntry(
            .rowWidthMismatch, "row of the wrong width",
            explanation: "A row of an `insert` has more or fewer values than the column list names.",
            example: plans(then: "insert into plans (code, name) values (\"free\")"),
            fixed: plans(then: "insert into plans (code, name) values (\"free\", \"Free\")")),
        DiagnosticEntry(
            .missingRequiredColumn, "insert omits a not-null column",
            explanation: """
                An `insert` leaves out a `not null` column that has no default (and is not \
                `autoincrement`): the database would refuse every row.
                """,
            example: plans(then: "insert into plans (code) values (\"free\")"),
            fixed: plans(then: "insert into plans (code, name) values (\"free\", \"Free\")")),
        DiagnosticEntry(
            .valueTypeMismatch, "value does not fit its column",
            explanation: """
                A literal in an `insert` row, an `update` assignment or a `backfill` obviously \
                cannot be stored in its column: a string in a number column, a number in a date, \
                `null` in a `not null` column, a string longer than a `varchar(n)`.
                """,
            example: plans(then: "insert into plans (code, name) values (\"free\", null)"),
            fixed: plans(then: "insert into plans (code, name) values (\"free\", \"Free\")")),
        DiagnosticEntry(
            .columnInValues, "column named in `insert` values",
            explanation: """
                The values of an `insert` are literals and expressions over them; there is no row \
                yet whose columns they could read. To compute a column from others, `update`.
                """,
            example: plans(then: "insert into plans (code, name) values (\"free\", code)"),
            fixed: plans(then: "insert into plans (code, name) values (\"free\", \"free\")")),
        DiagnosticEntry(
            .badBackfill, "`backfill` of a key column",
            explanation: """
                `add column ... backfill` adds the column nullable, fills it, then makes it not \
                null; a primary key or `autoincrement` column cannot be added nullable. Add it \
                with a default, or fill a plain column and add the key afterwards.
                """,
            example: DiagnosticExample(revision("a1", "tags", """
                create table tags {
                  name text not null
                }
                add column tags.id bigint primary key backfill 1
                """)),
            fixed: DiagnosticExample(revision("a1", "tags", """
                create table tags {
                  name text not null
                }
                add column tags.rank int not null backfill 1
                """))),
        DiagnosticEntry(
            .unusedReverse, "`reverse` that never runs",
            explanation: """
                A data change's `reverse` (or a `sql`'s `reverse nothing`) gives the derived \
                downgrade's step for it; a revision whose downgrade is written (a `downgrade` \
                block or `downgrade irreversible`) never uses it. Move it into the downgrade \
                block, or drop the block.
                """,
            example: DiagnosticExample(users, afterUsers("clean up", "delete from users where email is null reverse nothing")
                + "\n\ndowngrade irreversible"),
            fixed: DiagnosticExample(users, afterUsers("clean up", "delete from users where email is null reverse nothing"))),
        DiagnosticEntry(
            .reverseInDowngrade, "`reverse` in a downgrade block",
            explanation: "A downgrade is not itself undone: a `reverse` on one of its operations never runs.",
            example: DiagnosticExample(users, afterUsers("seed", "insert into users (id) values (1)")
                + "\n\ndowngrade {\n  delete from users where id = 1 reverse nothing\n}"),
            fixed: DiagnosticExample(users, afterUsers("seed", "insert into users (id) values (1)")
                + "\n\ndowngrade {\n  delete from users where id = 1\n}")),
    ]

    static let dataLints: [DiagnosticEntry] = [
        DiagnosticEntry(
            .unbatchedBackfill, "whole-table update in one transaction", severity: .note,
            explanation: "An `update` without `where`, or a `backfill`, of a table with rows: locked until the revision commits."),
    ]

    static let dataBackends: [DiagnosticEntry] = [
        DiagnosticEntry(
            .mysqlAssignmentOrder, "mysql assigns left to right", severity: .warning,
            explanation: """
                MySQL evaluates an `UPDATE`'s assignments in order, each seeing the ones before \
                it: `set a = b, b = a` gives both columns b's value there, and swaps them on \
                PostgreSQL and SQLite. Split the update, or order it so no value reads a column \
                assigned before it.
                """,
            example: DiagnosticExample(dialect: "mysql", users, afterUsers("copy emails", """
                add column users.backup text
                update users set email = lower(email), backup = email where email is not null
                """)),
            fixed: DiagnosticExample(dialect: "mysql", users, afterUsers("copy emails", """
                add column users.backup text
                update users set backup = email, email = lower(email) where email is not null
                """))),
    ]
}
