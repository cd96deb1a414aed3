// The lint codes. Each rule in Lints/Rules keeps its rationale and examples
// (docs/lints.md); the registry holds the code, title and default severity.

extension DiagnosticRegistry {
    static let lints: [DiagnosticEntry] = [
        DiagnosticEntry(
            .irreversibleRevision, "irreversible revision", severity: .warning,
            explanation: "A revision that cannot be downgraded and does not say so. Also an error when `migc downgrade` or `migc build --down` is asked to go past such a revision."),
        DiagnosticEntry(
            .destructiveDrop, "destructive drop", severity: .warning,
            explanation: "Dropping a table or column that holds data."),
        DiagnosticEntry(
            .narrowingTypeChange, "narrowing type change", severity: .warning,
            explanation: "A type change that cannot hold every value of the old type."),
        DiagnosticEntry(
            .notNullWithoutDefault, "not null column added without default", severity: .warning,
            explanation: "A `not null` column without a default added to a table that may have rows."),
        DiagnosticEntry(
            .nonConcurrentIndex, "non-concurrent index on an existing table (postgres)", severity: .warning,
            explanation: "On PostgreSQL, `create index` without `concurrently` locks writes."),
        DiagnosticEntry(
            .renameInUse, "rename of a table or column in use", severity: .warning,
            explanation: "Renaming a table or column that deployed code still uses."),
        DiagnosticEntry(
            .tableRewrite, "table rewrite", severity: .warning,
            explanation: "An op that rewrites the whole table (PostgreSQL type changes, SQLite rebuilds)."),
        DiagnosticEntry(
            .rawSQL, "raw SQL", severity: .warning,
            explanation: "Raw SQL the checker cannot see into."),
        DiagnosticEntry(
            .multipleHeads, "multiple heads", severity: .warning,
            explanation: "The graph has more than one head."),
        DiagnosticEntry(
            .unindexedForeignKey, "foreign key without an index", severity: .warning,
            explanation: "A foreign key whose referencing columns have no index."),
        DiagnosticEntry(
            .unknownAllowCode, "unknown code in `-- migc:allow`", severity: .warning,
            explanation: "`-- migc:allow` names a code that does not exist."),
        DiagnosticEntry(
            .unusedAllow, "unused `-- migc:allow`", severity: .warning,
            explanation: "`-- migc:allow CODE` on a statement that does not trigger CODE."),
        DiagnosticEntry(
            .unusedLabel, "unused label", severity: .warning,
            explanation: "A branch label nothing needs."),
        DiagnosticEntry(
            .destructiveDowngrade, "downgrade deletes data", severity: .note,
            explanation: "A downgrade, written or derived, that drops a table or column and the data in it."),
        DiagnosticEntry(
            .transactionControlInSQL, "transaction control in a `sql` block", severity: .warning,
            explanation: "BEGIN, COMMIT, ROLLBACK, END, SAVEPOINT or RELEASE inside a `sql` block: it ends or splits the transaction migc runs the revision in."),
        DiagnosticEntry(
            .downgradeNeedsEmptyTable, "derived downgrade needs an empty table", severity: .warning,
            explanation: "A derived downgrade that re-adds a dropped column cannot fill the table's rows: NOT NULL without a default and no zero value, or a key column filled with one value."),
        DiagnosticEntry(
            .mysqlLongKey, "key on long text (mysql)", severity: .warning,
            explanation: "A primary key, unique constraint or unique index that mysql keys on a 191-character prefix (`text`, `blob`) or that is longer than 3,072 bytes in utf8mb4."),
        DiagnosticEntry(
            .enumValueUsedInSameTransaction, "enum value used in the revision that adds it (postgres)", severity: .warning,
            explanation: "PostgreSQL cannot use an enum value before the transaction that added it commits."),
        DiagnosticEntry(
            .enumValueDropped, "enum value dropped", severity: .warning,
            explanation: "Dropping an enum value rewrites every table using the enum and fails while a row holds the value."),
        DiagnosticEntry(
            .viewSelectsEveryColumn, "view selects `*`", severity: .warning,
            explanation: "A view whose select list takes every column (`SELECT *`, `t.*`): PostgreSQL and MySQL fix its columns when it is created, SQLite when it is read."),
    ]
}
