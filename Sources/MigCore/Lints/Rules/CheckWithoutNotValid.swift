/// MIG136: a check constraint added to an existing table is verified under lock.
public struct CheckWithoutNotValid: LintRule {
    public static let description = LintDescription(
        code: .checkWithoutNotValid,
        rationale: """
            `add check` on an existing table verifies every row: on PostgreSQL under an ACCESS EXCLUSIVE \
            lock (reads and writes wait), on MySQL by copying the table. On PostgreSQL, add it `not valid` \
            (instant: only new rows are checked), then `validate constraint C on T` (reads the rows without \
            blocking writes, possibly in a later revision). Tables created in the same revision are not \
            reported. Only reported when the project targets postgres or mysql (or no single dialect).
            """,
        triggering: [LintExample("""
            revision a1
            message "tasks"

            upgrade {
              create table tasks {
                id bigint primary key
                priority int
              }
            }
            """, """
            revision b2
            parent a1
            message "priority range"

            upgrade {
              -- migc:allow MIG107 - sqlite copies are small
              add check tasks_priority_range on tasks (priority between 1 and 5)
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "tasks"

            upgrade {
              create table tasks {
                id bigint primary key
                priority int
              }
              add check tasks_priority_range on tasks (priority between 1 and 5)
            }
            """)],
        peers: LintPeers(atlas: ["PG305"], squawk: ["constraint-missing-not-valid"], strongMigrations: ["add_check_constraint", "add_check_constraint_mysql"]))

    public static let operations: Set<OpKind>? = [.addConstraint]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres") || config.targets("mysql") else { return [] }
        return r.upgrade.compactMap { step in
            guard case .addConstraint(let a) = step.statement.operation, case .check = a.kind, !a.notValid, r.existed(a.table.name) else { return nil }
            return finding("adding check `\(a.name.name)` reads every row of `\(a.table.name)` while writes wait",
                           at: a.name.span, statement: step.statement,
                           help: "on postgres, add it `not valid`, then `validate constraint \(a.name.name) on \(a.table.name)`")
        }
    }
}
