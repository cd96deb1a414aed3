/// MIG115: BEGIN, COMMIT, ROLLBACK, END, SAVEPOINT or RELEASE inside a `sql` block.
public struct TransactionControlInSQL: LintRule {
    public static let description = LintDescription(
        code: .transactionControlInSQL,
        rationale: """
            migc runs each revision, with its version row, in a transaction of its own. A `COMMIT` (or a pasted \
            `BEGIN; ... COMMIT;`) inside a `sql` block ends that transaction part-way: what ran before it is \
            committed although the revision is not recorded, and a later failure can no longer roll the revision \
            back. The runner stops when it sees its transaction gone and says what was committed, but the \
            database is then half-migrated. Remove the statement; for SQL that cannot run in a transaction, \
            declare `transaction off` on the revision.
            """,
        triggering: [LintExample("""
            revision a1
            message "backfill"

            upgrade {
              -- migc:allow MIG108 - a data change
              sql \"\"\"BEGIN; UPDATE accounts SET plan = 'free' WHERE plan IS NULL; COMMIT;\"\"\"
                reverse \"\"\"SELECT 1\"\"\"
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "backfill"

            upgrade {
              sql \"\"\"UPDATE accounts SET plan = 'free' WHERE plan IS NULL\"\"\"
                reverse \"\"\"SELECT 1\"\"\"
            }
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        // `transaction off`: the revision manages its own transactions.
        guard !r.file.header.runsOutsideTransaction else { return [] }
        let upgrade = (r.file.upgrade?.statements ?? []).map { ($0, false) }
        let downgrade: [(Statement, Bool)] = if case .block(let b) = r.file.downgrade { b.statements.map { ($0, true) } } else { [] }
        return (upgrade + downgrade).flatMap { statement, isDowngrade -> [LintFinding] in
            guard case .sql(let raw) = statement.operation else { return [] }
            var out = findings(raw.text, statement, "")
            if !isDowngrade, let reverse = raw.reverse { out += findings(reverse, statement, " in `reverse`") }
            return out
        }
    }

    private func findings(_ text: StringLiteral, _ statement: Statement, _ place: String) -> [LintFinding] {
        TransactionControl.statements(in: text.value).map { found in
            finding("`\(found.keyword)`\(place) ends or splits the transaction migc runs the revision in",
                    at: text.span.isSynthesized ? statement.span : text.span, statement: statement,
                    help: "remove it: migc commits the revision itself; use `transaction off` for SQL that cannot run in a transaction")
        }
    }
}
