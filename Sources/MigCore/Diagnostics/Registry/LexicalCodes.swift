// Syntax errors of the lexer and of the file's top level: header lines and blocks.

extension DiagnosticRegistry {
    static let lexical: [DiagnosticEntry] = [
        DiagnosticEntry(
            .invalidUTF8, "invalid UTF-8",
            explanation: """
                Revision files are UTF-8. A byte that is not valid UTF-8 (often a file saved as \
                Latin-1 or Windows-1252) is reported at its position; re-save the file as UTF-8. \
                No example: this page is itself UTF-8.
                """),
        DiagnosticEntry(
            .unexpectedCharacter, "unexpected character",
            explanation: "A character that starts no token of the language.",
            example: withUsers("add column users.age int @ not null"),
            fixed: withUsers("add column users.age int not null default 0")),
        DiagnosticEntry(
            .unterminatedString, "unterminated string",
            explanation: "A `\"` string runs to the end of its line: strings do not span lines (use `\"\"\"` for that).",
            example: withUsers("add column users.status text default \"active"),
            fixed: withUsers("add column users.status text default \"active\"")),
        DiagnosticEntry(
            .unterminatedTripleString, "unterminated multi-line string",
            explanation: "A `\"\"\"` string has no closing `\"\"\"` before the end of the file.",
            example: withUsers("sql \"\"\"UPDATE users SET email = lower(email)\"\""),
            fixed: withUsers("sql \"\"\"UPDATE users SET email = lower(email)\"\"\"")),
        DiagnosticEntry(
            .unterminatedQuotedName, "unterminated quoted name",
            explanation: "A backtick-quoted name has no closing backtick on its line.",
            example: withUsers("rename column users.email to `e-mail"),
            fixed: withUsers("rename column users.email to `e-mail`")),
        DiagnosticEntry(
            .unknownEscape, "unknown escape sequence",
            explanation: """
                Strings know three escapes: `\\"`, `\\\\` and `\\n`. Write other characters as \
                they are, or use a `\"""...\"""` string for raw text.
                """,
            example: withUsers("add column users.note text default \"one\\ttwo\""),
            fixed: withUsers("add column users.note text default \"one\\ntwo\"")),
        DiagnosticEntry(
            .emptyQuotedName, "empty quoted name",
            explanation: "Two backticks with nothing between them name nothing.",
            example: withUsers("add column users.`` int"),
            fixed: withUsers("add column users.`order` int")),
        DiagnosticEntry(
            .singleQuotedString, "single-quoted string",
            explanation: "Strings use double quotes (`\"active\"`); single quotes are SQL's habit, not the language's.",
            example: withUsers("add column users.status text not null default 'active'"),
            fixed: withUsers("add column users.status text not null default \"active\"")),
    ]
}
