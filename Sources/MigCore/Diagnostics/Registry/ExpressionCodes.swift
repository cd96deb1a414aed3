// Syntax errors in expressions (defaults, checks, index predicates) and in numbers.

extension DiagnosticRegistry {
    static let expressions: [DiagnosticEntry] = [
        DiagnosticEntry(
            .expectedExpression, "expected an expression",
            explanation: "A `default`, `check` or `where` is missing its expression, or it starts with something that cannot begin one.",
            example: withUsers("add column users.age int default"),
            fixed: withUsers("add column users.age int default 0")),
        DiagnosticEntry(
            .nestedTooDeeply, "expression nested too deeply",
            explanation: """
                Expressions nest at most 256 levels (each operator of a chain such as `a + b + c` \
                counts as one), so a runaway file cannot exhaust the parser's stack.
                """,
            example: withUsers("add column users.age int default " + String(repeating: "(", count: 300) + "0" + String(repeating: ")", count: 300)),
            fixed: withUsers("add column users.age int default (0)")),
        DiagnosticEntry(
            .expectedIsNull, "expected `null` after `is`",
            explanation: "`is` is only part of `is null` and `is not null`; compare values with `=`.",
            example: withUsers("add column users.age int check (age is 5)"),
            fixed: withUsers("add column users.age int check (age = 5)")),
        DiagnosticEntry(
            .expectedBetweenAnd, "expected `and` in `between`",
            explanation: "It is `x between LOW and HIGH`.",
            example: withUsers("add column users.age int check (age between 0 or 150)"),
            fixed: withUsers("add column users.age int check (age between 0 and 150)")),
        DiagnosticEntry(
            .expectedInList, "expected `(` after `in`",
            explanation: "`in` takes a parenthesised list: `x in (1, 2)`.",
            example: withUsers("add column users.level int check (level in 1, 2)"),
            fixed: withUsers("add column users.level int check (level in (1, 2))")),
        DiagnosticEntry(
            .emptyInList, "empty `in` list",
            explanation: "`x in ()` is never true: SQL rejects it. List at least one value.",
            example: withUsers("add column users.level int check (level in ())"),
            fixed: withUsers("add column users.level int check (level in (1))")),
        DiagnosticEntry(
            .expectedArgumentsEnd, "expected `,` or `)` after a function argument",
            explanation: "Function arguments are separated by commas.",
            example: withUsers("add column users.name text\ncreate index users_name_idx on users (name) where length(name email) > 0"),
            fixed: withUsers("add column users.name text\ncreate index users_name_idx on users (name) where length(name) > 0")),
        DiagnosticEntry(
            .expectedParenthesizedExpression, "expected a parenthesised expression",
            explanation: "A `check`'s expression is in parentheses: `check (age > 0)`.",
            example: withUsers("add column users.age int check age > 0"),
            fixed: withUsers("add column users.age int check (age > 0)")),
        DiagnosticEntry(
            .expectedAction, "expected a referential action",
            explanation: "`on delete` and `on update` are followed by `cascade`, `restrict`, `set null`, `set default` or `no action`.",
            example: withAuthorReference("on delete"),
            fixed: withAuthorReference("on delete cascade")),
        DiagnosticEntry(
            .integerTooLarge, "integer too large",
            explanation: "Type arguments (lengths, precisions) are at most 2147483647.",
            example: withUsers("add column users.bio varchar(99999999999)"),
            fixed: withUsers("add column users.bio text")),
        DiagnosticEntry(
            .scaleExceedsPrecision, "decimal scale exceeds its precision",
            explanation: "`decimal(p, s)` keeps `p` digits of which `s` after the point, so `s` is at most `p`.",
            example: withUsers("add column users.balance decimal(2, 5)"),
            fixed: withUsers("add column users.balance decimal(12, 2)")),
        DiagnosticEntry(
            .zeroLength, "zero length",
            explanation: "Lengths and precisions are at least 1.",
            example: withUsers("add column users.initial varchar(0)"),
            fixed: withUsers("add column users.initial varchar(1)")),
    ]
}
