// The lint codes that match the rules of Atlas, squawk and strong_migrations (their
// rule files in Lints/Rules keep the rationale, examples and the peers' names).

extension DiagnosticRegistry {
    static let parityLints: [DiagnosticEntry] = [
        DiagnosticEntry(
            .dropIndexNotConcurrently, "drop index without `concurrently` (postgres)", severity: .warning,
            explanation: "On PostgreSQL, `drop index` takes an ACCESS EXCLUSIVE lock on the index's table: reads and writes wait."),
        DiagnosticEntry(
            .primaryKeyOnExistingTable, "primary key added to an existing table (postgres)", severity: .warning,
            explanation: "On PostgreSQL, `add primary key` builds its index under an ACCESS EXCLUSIVE lock."),
        DiagnosticEntry(
            .uniqueConstraintOnExistingTable, "unique constraint added to an existing table (postgres)", severity: .warning,
            explanation: "On PostgreSQL, `add unique` builds its index under an ACCESS EXCLUSIVE lock."),
        DiagnosticEntry(
            .volatileDefault, "volatile default rewrites the table (postgres)", severity: .warning,
            explanation: "On PostgreSQL, adding a column whose default is volatile (`random()`, `gen_random_uuid()`) rewrites the table."),
        DiagnosticEntry(
            .setNotNullScan, "`set not null` scans the table (postgres)", severity: .warning,
            explanation: "On PostgreSQL, `set not null` reads every row under an ACCESS EXCLUSIVE lock."),
        DiagnosticEntry(
            .primaryKeyOnNullableColumns, "primary key on nullable columns (postgres)", severity: .warning,
            explanation: "A primary key added on nullable columns of an existing table makes them NOT NULL: a scan of every row under lock."),
        DiagnosticEntry(
            .checkWithoutNotValid, "check added to an existing table (postgres, mysql)", severity: .warning,
            explanation: "A check constraint added to an existing table is verified against every row while writes wait."),
        DiagnosticEntry(
            .foreignKeyWithoutNotValid, "foreign key added to an existing table (postgres, mysql)", severity: .warning,
            explanation: "A foreign key added to an existing table is verified against every row while writes to both tables wait."),
        DiagnosticEntry(
            .foreignKeyLocksReferencedTable, "new foreign key locks the referenced table (postgres)", severity: .note,
            explanation: "A new table's foreign key to an existing table blocks writes to that table until the revision commits."),
        DiagnosticEntry(
            .uniqueOnExistingData, "unique key on existing data", severity: .warning,
            explanation: "A unique index or constraint on existing columns fails if the rows hold duplicates."),
        DiagnosticEntry(
            .nullableMadeNotNull, "nullable column made not null", severity: .warning,
            explanation: "`set not null` on an existing nullable column fails if a row holds NULL."),
        DiagnosticEntry(
            .dropNotNull, "`drop not null` on a column in use", severity: .warning,
            explanation: "Readers that assume the column is never NULL may break, and the downgrade fails once NULLs are written."),
        DiagnosticEntry(
            .dropForeignKey, "foreign key dropped", severity: .warning,
            explanation: "Dropping a foreign key lets rows point at nothing; code that relied on it (or on its cascades) may break."),
        DiagnosticEntry(
            .autoincrementOnExistingTable, "auto-increment column added to an existing table", severity: .warning,
            explanation: "Adding an `autoincrement` column to an existing table numbers every row: a rewrite (postgres) or a table copy (mysql)."),
        DiagnosticEntry(
            .wideIndex, "index on more than three columns", severity: .warning,
            explanation: "A non-unique index on more than three columns rarely helps more than its first columns, and costs every write."),
        DiagnosticEntry(
            .truncatedNameCollision, "automatic names that collide once cut to 63 bytes", severity: .warning,
            explanation: "Two names migc makes up for unnamed constraints of a long table (cut to 63 bytes, PostgreSQL's limit) come out the same: the database refuses the second, and the model keeps one."),
        DiagnosticEntry(
            .notRetryableWithoutTransaction, "statement of a `transaction off` revision not safe to retry", severity: .warning,
            explanation: "In a `transaction off` revision, a statement followed by others stays applied when a later one fails, and a rerun fails on it."),
        DiagnosticEntry(
            .preferBigint, "32-bit or 16-bit integer column (policy)", severity: .warning,
            explanation: "`int` and `smallint` columns can run out of values; `bigint` does not. Off unless enabled in migc.toml."),
        DiagnosticEntry(
            .preferText, "`varchar(n)` column (policy)", severity: .warning,
            explanation: "Changing a `varchar(n)` length later locks the table; `text` with a check does not. Off unless enabled in migc.toml."),
        DiagnosticEntry(
            .preferTimestamptz, "`timestamp` without time zone (policy)", severity: .warning,
            explanation: "`timestamp` stores wall-clock time with no zone; `timestamptz` stores an instant. Off unless enabled in migc.toml."),
        DiagnosticEntry(
            .charColumn, "`char(n)` column (policy)", severity: .warning,
            explanation: "`char(n)` pads values with spaces; use `varchar(n)` or `text`. Off unless enabled in migc.toml."),
        DiagnosticEntry(
            .namingConvention, "name breaks the naming convention (policy)", severity: .warning,
            explanation: "A table, column, index or constraint name that does not match its pattern in migc.toml's `[lint.naming]`."),
    ]
}
