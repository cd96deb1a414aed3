// Codes about enums and array types: syntax (E090-E093), checker (E130-E136) and
// the backend warning for arrays on MySQL and SQLite (MIG805).

extension DiagnosticRegistry {
    private static let moods = "create enum mood (\"sad\", \"ok\", \"happy\")"

    /// `users` and the `mood` enum, then revision b2 with `ops`.
    private static func moodUsers(then ops: String) -> DiagnosticExample {
        DiagnosticExample(revision("a1", "create users", usersTable + "\n" + moods), afterUsers("change users", ops))
    }

    static let enumSyntax: [DiagnosticEntry] = [
        DiagnosticEntry(
            .expectedEnumValue, "expected an enum value",
            explanation: "Enum values are strings, in double quotes: `create enum mood (\"sad\", \"ok\")`, `add value \"great\"`.",
            example: only("create enum mood (sad, ok)"),
            fixed: only("create enum mood (\"sad\", \"ok\")")),
        DiagnosticEntry(
            .expectedEnumChange, "expected an enum change",
            explanation: "`alter enum NAME` takes `add value \"v\" [before|after \"w\"]`, `rename value \"v\" to \"w\"` or `drop value \"v\"`.",
            example: only(moods + "\nalter enum mood add \"great\""),
            fixed: only(moods + "\nalter enum mood add value \"great\"")),
        DiagnosticEntry(
            .nestedArray, "array of arrays",
            explanation: "An array type takes one `[]`: PostgreSQL does not enforce dimensions, so `int[][]` is `int[]`.",
            example: withUsers("add column users.grid int[][]"),
            fixed: withUsers("add column users.grid int[]")),
        DiagnosticEntry(
            .arrayOfQuotedType, "`[]` after a quoted type",
            explanation: "A quoted type passes through verbatim, brackets included: write them inside the quotes.",
            example: withUsers("add column users.words \"tsvector\"[]"),
            fixed: withUsers("add column users.words \"tsvector[]\"")),
    ]

    static let enumChecker: [DiagnosticEntry] = [
        DiagnosticEntry(
            .unknownEnum, "unknown type or enum",
            explanation: """
                A column type that is no portable type names an enum, and no enum of that name \
                exists at that point (a typo of a portable type lands here too: migc suggests the \
                closest). Also `drop`, `rename` or `alter enum` of an enum that does not exist.
                """,
            example: moodUsers(then: "add column users.feeling moood"),
            fixed: moodUsers(then: "add column users.feeling mood")),
        DiagnosticEntry(
            .enumExists, "enum name already used",
            explanation: """
                An enum of this name exists, or a table has it: PostgreSQL gives every table a \
                type of its name, so enums and tables share one namespace.
                """,
            example: moodUsers(then: "create enum users (\"a\", \"b\")"),
            fixed: moodUsers(then: "create enum user_kind (\"a\", \"b\")")),
        DiagnosticEntry(
            .duplicateEnumValue, "duplicate enum value",
            explanation: "An enum lists a value twice, or `add value` / `rename value` names a value it already has.",
            example: moodUsers(then: "alter enum mood add value \"ok\""),
            fixed: moodUsers(then: "alter enum mood add value \"great\"")),
        DiagnosticEntry(
            .unknownEnumValue, "unknown enum value",
            explanation: """
                A value the enum does not have at that point: in `rename value`, `drop value`, \
                `before`/`after`, a column's default, or a check comparing an enum column with a string.
                """,
            example: moodUsers(then: "add column users.feeling mood default \"okay\""),
            fixed: moodUsers(then: "add column users.feeling mood default \"ok\"")),
        DiagnosticEntry(
            .enumInUse, "enum or value in use",
            explanation: """
                `drop enum` of an enum a column still has as its type, or `drop value` of a value \
                that is a column's default. Drop or retype the column, or change the default, first.
                """,
            example: moodUsers(then: "add column users.feeling mood\ndrop enum mood"),
            fixed: moodUsers(then: "add column users.feeling mood\ndrop column users.feeling\ndrop enum mood")),
        DiagnosticEntry(
            .invalidEnumValue, "invalid enum value",
            explanation: "An enum value must be 1 to 63 bytes (PostgreSQL's limit); MySQL reserves the empty string for invalid values.",
            example: moodUsers(then: "alter enum mood add value \"\""),
            fixed: moodUsers(then: "alter enum mood add value \"unknown\"")),
        DiagnosticEntry(
            .lastEnumValue, "last enum value dropped",
            explanation: "An enum keeps at least one value; to remove it whole, `drop enum`.",
            example: DiagnosticExample(revision("a1", "one mood", "create enum mood (\"ok\")\nalter enum mood drop value \"ok\"")),
            fixed: DiagnosticExample(revision("a1", "one mood", "create enum mood (\"ok\")\ndrop enum mood"))),
    ]

    static let arrayBackend = DiagnosticEntry(
        .arrayAsJSON, "no arrays: stored as JSON", severity: .warning,
        explanation: """
            MySQL and SQLite have no array types: `T[]` is a JSON column on MySQL and JSON \
            text in a TEXT column on SQLite, so values are written as JSON arrays (`[1, 2]`) \
            there, where PostgreSQL takes `{1,2}`. Use `json` when the column is JSON everywhere.
            """,
        example: DiagnosticExample(dialect: "sqlite", users, afterUsers("tags", "add column users.tags text[]")),
        fixed: DiagnosticExample(dialect: "sqlite", users, afterUsers("tags", "add column users.tags json")))
}
