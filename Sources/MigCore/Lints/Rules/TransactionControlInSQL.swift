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
            declare `transaction off` on the revision. In a `transaction off` revision a `sql` block may manage \
            its own transactions, but one that leaves a transaction open (a `BEGIN` without its `COMMIT`) is \
            reported: the statements after it, and migc's version row, would run in it.
            """,
        triggering: [LintExample("""
            revision a1
            message "backfill"

            upgrade {
              -- migc:allow MIG108 - a data change
              sql \"\"\"BEGIN; UPDATE accounts SET plan = 'free' WHERE plan IS NULL; COMMIT;\"\"\"
                reverse \"\"\"SELECT 1\"\"\"
            }
            """), LintExample("""
            revision a1
            message "backfill"
            transaction off

            upgrade {
              -- migc:allow MIG108 - a data change
              sql \"\"\"BEGIN; UPDATE accounts SET plan = 'free' WHERE plan IS NULL;\"\"\"
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
            """)],
        peers: LintPeers(squawk: ["transaction-nesting", "ban-uncommitted-transaction"]))

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        // `transaction off`: the revision manages its own transactions, but must close them.
        guard !r.file.header.runsOutsideTransaction else { return leftOpen(r) }
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

    /// `sql` blocks of a `transaction off` upgrade whose last transaction control opens one.
    private func leftOpen(_ r: CheckedRevision) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .sql(let raw) = step.statement.operation,
                  let last = TransactionControl.statements(in: raw.text.value).last, last.keyword == "BEGIN" || last.keyword == "START" else { return nil }
            return finding("`\(last.keyword)` leaves a transaction open at the end of this `sql` block",
                           at: raw.text.span.isSynthesized ? step.statement.span : raw.text.span, statement: step.statement,
                           help: "end it with `COMMIT` in the same block")
        }
    }
}
