/// MIG117: a key or unique index on mysql that cannot cover its whole text: a
/// `text`/`blob` column (keyed on a 191-character prefix) or `varchar`/`char`
/// columns longer than InnoDB's 3,072-byte key limit in utf8mb4.
public struct MySQLLongKey: LintRule {
    public static let description = LintDescription(
        code: .mysqlLongKey,
        rationale: """
            MySQL keys a `text` or `blob` column on a prefix only: migc writes `UNIQUE (c(191))` (191 \
            four-byte characters fit the 767-byte limit of older row formats), so two values that share \
            their first 191 characters are duplicates and a primary key or unique constraint rejects the \
            second. A key over `varchar` or `char` columns longer than 3,072 bytes in utf8mb4 (e.g. \
            `varchar(1000) unique`) is refused by MySQL 8 (`Specified key was too long`) and becomes a \
            hash key on MariaDB. Use a shorter `varchar` (768 characters at most for one column), or key \
            a hash of the value. Reported when the project's dialect is mysql or unset.
            """,
        triggering: [LintExample("""
            revision a1
            message "pages"

            upgrade {
              create table pages {
                id bigint primary key
                url text unique
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "pages"

            upgrade {
              create table pages {
                id bigint primary key
                url varchar(700) unique
              }
            }
            """)])

    /// InnoDB's largest key (DYNAMIC row format, the default since MySQL 5.7).
    static let maximumKeyBytes = 3072

    public static let operations: Set<OpKind>? = [.createTable, .addColumn, .alterColumn, .createIndex, .addConstraint]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("mysql") else { return [] }
        var reported: Set<Problem> = []
        var out: [LintFinding] = []
        for step in r.upgrade {
            // Only a new key or a new column type can make a key too long; a rename
            // changes the message, not the key.
            switch step.statement.operation {
            case .createTable, .addColumn, .createIndex, .addConstraint: break
            case .alterColumn(let a): if case .type = a.change { break } else { continue }
            default: continue
            }
            let tables = step.statement.operation.tableNames.sorted()
            let now = tables.flatMap { Self.problems(in: $0, schema: step.after) }
            if now.isEmpty { continue }
            let old = Set(tables.flatMap { Self.problems(in: $0, schema: step.before) })
            let still = Set(tables.flatMap { Self.problems(in: $0, schema: r.after) })
            for problem in now
            where !old.contains(problem) && still.contains(problem) && reported.insert(problem).inserted {
                let span = problem.span.isSynthesized ? step.statement.span : problem.span
                out.append(finding(problem.message, at: span, statement: step.statement, help: problem.help))
            }
        }
        return out
    }

    /// One key that mysql cannot make cover its columns whole.
    struct Problem: Hashable {
        var message: String
        var help: String
        var span: SourceSpan
        static func == (a: Problem, b: Problem) -> Bool { a.message == b.message }
        func hash(into hasher: inout Hasher) { hasher.combine(message) }
    }

    /// Every key (primary key, unique constraint, unique index) of `table` that keys
    /// a prefix or exceeds the byte limit.
    static func problems(in tableName: String, schema: Schema) -> [Problem] {
        guard let table = schema.tables[tableName] else { return [] }
        var keys: [(kind: String, name: String, columns: [String], span: SourceSpan)] = []
        if let pk = table.primaryKey { keys.append(("primary key", pk.name, pk.columns, pk.definedAt)) }
        for u in table.uniques.values.sorted(by: { $0.name < $1.name }) {
            keys.append(("unique constraint", u.name, u.columns, u.definedAt))
        }
        for i in schema.indexes(on: tableName) where i.unique {
            keys.append(("unique index", i.name, i.columns.map(\.name.name), i.definedAt))
        }
        return keys.compactMap { key in
            // Built only for a key that has a problem: most keys have none.
            var described: String { "\(key.kind) `\(key.name)` on `\(tableName) (\(key.columns.joined(separator: ", ")))`" }
            let types = key.columns.compactMap { name in table.column(named: name).map { (name, $0.type) } }
            if let (column, _) = types.first(where: { switch $0.1 { case .text, .sizedText, .blob: true; default: false } }) {
                return Problem(
                    message: "on mysql, \(described) covers only the first \(MySQLBackend.indexPrefixLength) characters of `\(column)`",
                    help: "use a `varchar` of at most \(maximumKeyBytes / 4) characters, or key a hash of the value",
                    span: key.span)
            }
            let bytes = types.reduce(0) { sum, item in
                switch item.1 {
                case .varchar(let n), .char(let n): sum + 4 * n
                default: sum
                }
            }
            guard bytes > maximumKeyBytes else { return nil }
            return Problem(
                message: "\(described) needs \(bytes) bytes in utf8mb4; MySQL 8 refuses keys over \(maximumKeyBytes) bytes and MariaDB makes it a hash key",
                help: key.columns.count == 1
                    ? "shorten the column to at most \(maximumKeyBytes / 4) characters, or key a hash of the value"
                    : "shorten the columns to at most \(maximumKeyBytes / 4) characters together, or key a hash of the values",
                span: key.span)
        }
    }
}
