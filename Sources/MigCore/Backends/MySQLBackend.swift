// MySQL 8: backticks, AUTO_INCREMENT, DATETIME(6), `MODIFY COLUMN` with the whole
// column restated from the model, prefix lengths for text/blob key columns.
// DDL is not transactional: the script builder says so in the script and as MIG801.

public struct MySQLBackend: SQLBackend, DialectRules {
    public init() {}

    /// The prefix length for text and blob columns in keys and indexes: 191
    /// characters fit InnoDB's 767-byte limit in utf8mb4.
    public static let indexPrefixLength = 191

    /// Every table migc creates states its character set, so text never depends on
    /// the server's or database's default (latin1 on older servers). utf8mb4 holds
    /// all of Unicode; utf8mb4_unicode_ci is the one collation MySQL 5.7, 8.x and
    /// MariaDB all have (MySQL 8's default utf8mb4_0900_ai_ci is unknown to MariaDB).
    public static let tableOptions = "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"

    /// The most characters TEXT and MEDIUMTEXT hold: 65,535 and 16,777,215 bytes,
    /// four bytes a character in utf8mb4.
    public static let textCharacters = 65_535 / 4
    public static let mediumTextCharacters = 16_777_215 / 4

    /// `text(n)`: the smallest type that holds n characters.
    static func textTypeName(characters n: Int) -> String {
        n <= textCharacters ? "TEXT" : n <= mediumTextCharacters ? "MEDIUMTEXT" : "LONGTEXT"
    }

    /// A type as mysql shows it back: `text(n)` becomes the capacity of the type it
    /// was created as (`text(100)` reads back as `text(16383)`, a LONGTEXT as `text`).
    public static func shownBack(_ type: ColumnType) -> ColumnType {
        if let shown = ExtendedTypeNames.mysqlShownBack(type) { return shown }
        guard case .sizedText(let n) = type else { return type }
        return n <= textCharacters ? .sizedText(textCharacters) : n <= mediumTextCharacters ? .sizedText(mediumTextCharacters) : .text
    }

    public var dialect: Dialect { .mysql }
    public func quote(_ identifier: String) -> String { SQLText.backtickQuoted(identifier) }
    public func literal(_ string: String) -> String { SQLText.mysqlLiteral(string) }
    public func typeName(_ type: ColumnType, autoincrement: Bool) -> String { TypeNames.mysql(type) }

    public func render(_ expr: Expr) -> String { ExpressionRenderer(rules: self).render(expr) }

    func boolLiteral(_ value: Bool) -> String { value ? "TRUE" : "FALSE" }
    /// DATETIME(6) columns take only a CURRENT_TIMESTAMP of the same precision.
    var currentTimestampSQL: String { "CURRENT_TIMESTAMP(6)" }
    var currentDateSQL: String { "CURRENT_DATE" }
    var concatenatesWithFunction: Bool { true }

    /// TEXT, BLOB and JSON columns take only parenthesized (expression) defaults.
    func defaultClause(_ expr: Expr, for column: Column) -> String {
        if case .currentTimestamp = expr.kind { return currentTimestampSQL }
        let plain: Bool = switch column.type {
        case .text, .sizedText, .blob, .json, .custom, .unboundedVarchar, .jsonText, .array: false
        default: DefaultValue.isConstant(expr)
        }
        return plain ? render(expr) : "(" + render(expr) + ")"
    }

    func keyColumn(_ name: String, in table: Table?) -> String {
        switch table?.column(named: name)?.type {
        case .text, .sizedText, .blob, .unboundedVarchar: quote(name) + "(\(Self.indexPrefixLength))"
        default: quote(name)
        }
    }

    public func render(steps: [OpStep], transactional: Bool) -> [SQLStatement] {
        steps.flatMap { step in
            renderInPlace(step, transactional: transactional).map { SQLStatement($0, origin: step.statement.span) }
        }
    }

    public func diagnostics(for steps: [OpStep], transactional: Bool) -> [Diagnostic] {
        safeFormDiagnostics(for: steps, transactional: transactional) + ExtendedTypeNames.arrayDiagnostics(steps, dialect: dialect) + indexClauseWarnings(steps) + steps.compactMap { step -> Diagnostic? in
            switch step.statement.operation {
            case .createIndex(let op) where op.predicate != nil:
                .warning(
                    "mysql has no partial indexes: index `\(op.name.name)` is created on every row",
                    at: step.statement.span, code: .mysqlPartialIndex)
            case .alterColumn(let op):
                if case .type(_, let using?) = op.change {
                    .warning(
                        "mysql cannot convert column `\(op.table.name).\(op.column.name)` with `using`; values convert implicitly",
                        at: using.span, code: .mysqlUsingIgnored)
                } else { nil }
            case .update(let op): assignmentOrderWarning(op, at: step.statement.span)
            default: nil
            }
        }
    }
}
