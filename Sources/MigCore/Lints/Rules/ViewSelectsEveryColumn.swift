/// MIG122: a view whose select list takes every column (`SELECT *`, `SELECT t.*`).
public struct ViewSelectsEveryColumn: LintRule {
    public static let description = LintDescription(
        code: .viewSelectsEveryColumn,
        rationale: """
            PostgreSQL and MySQL expand `*` in a view when the view is created and store that column \
            list; SQLite expands it each time the view is read. So a column added to the table later \
            appears in the view on SQLite but not on PostgreSQL or MySQL, and dropping a column the `*` \
            took is refused by PostgreSQL and breaks the view on MySQL, although the view's text never \
            names it (migc's E154 cannot see it either). Name the columns the view returns.
            """,
        triggering: [LintExample("""
            revision a1
            message "active users"

            upgrade {
              create table users {
                id bigint primary key
                email text
              }
              create view all_users as "SELECT * FROM users"
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "active users"

            upgrade {
              create table users {
                id bigint primary key
                email text
              }
              create view all_users as "SELECT id, email, (SELECT count(*) FROM users) AS total FROM users"
            }
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        (r.file.upgrade?.statements ?? []).compactMap { statement in
            let definition: ViewDefinition
            switch statement.operation {
            case .createView(let v), .replaceView(let v): definition = v
            default: return nil
            }
            guard ViewBody.selectsEveryColumn(definition.body.value) else { return nil }
            return finding("view `\(definition.name.name)` selects `*`: its columns are fixed when it is created",
                           at: definition.name.span, statement: statement,
                           help: "name the columns the view returns")
        }
    }
}
