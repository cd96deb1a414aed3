/// MIG119: `alter enum ... drop value` rewrites the tables using the enum.
public struct EnumValueDropped: LintRule {
    public static let description = LintDescription(
        code: .enumValueDropped,
        rationale: """
            No database removes an enum value in place. PostgreSQL recreates the type and casts every \
            column using it (a rewrite of each such table under an exclusive lock); MySQL restates each \
            column (a table copy); SQLite rebuilds each table. Any row still holding the value makes the \
            change fail, on every database. The derived downgrade of `add value` is such a drop too. \
            Move the rows to another value first (a `sql` block with an UPDATE), and run the change when \
            the tables are small or writes can wait.
            """,
        triggering: [LintExample(Self.moods, """
            revision b2
            parent a1
            message "no more meh"

            upgrade {
              alter enum mood drop value "meh"
            }
            """)],
        nonTriggering: [LintExample(Self.moods, """
            revision b2
            parent a1
            message "fine, not ok"

            upgrade {
              alter enum mood rename value "ok" to "fine"
            }
            """)])

    /// The first revision of both examples.
    static let moods = """
        revision a1
        message "moods"

        upgrade {
          create enum mood ("sad", "ok", "meh")
          create table people {
            id bigint primary key
            feeling mood
          }
        }
        """

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .alterEnum(let a) = step.statement.operation, case .dropValue(let v) = a.change,
                  r.before.enums[a.name.name] != nil else { return nil }
            let tables = Set(step.before.columns(usingEnum: a.name.name).map(\.table)).sorted()
            let rewritten = tables.isEmpty ? "" : " rewrites \(tables.map { "`\($0)`" }.joined(separator: ", ")) and"
            return finding("dropping value \(Printer.stringLiteral(v.value)) of enum `\(a.name.name)`\(rewritten) fails if a row still holds it",
                           at: v.span, statement: step.statement,
                           help: "move the rows to another value first; run it when the tables are small")
        }
    }
}
