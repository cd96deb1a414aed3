/// MIG101: a revision that cannot be downgraded and does not say so.
public struct IrreversibleRevision: LintRule {
    public static let description = LintDescription(
        code: .irreversibleRevision,
        rationale: """
            A revision without a `downgrade` block gets one derived from its upgrade, but a `sql` block \
            without `reverse` has no inverse: `migc downgrade` would refuse to go past it. Add a `reverse`, \
            write the `downgrade` block, or declare `downgrade irreversible` to say it is on purpose.
            """,
        triggering: [LintExample("""
            revision a1
            message "backfill"

            upgrade {
              -- migc:allow MIG108
              sql \"\"\"UPDATE settings SET value = 'on'\"\"\"
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "backfill"

            upgrade {
              -- migc:allow MIG108
              sql \"\"\"UPDATE settings SET value = 'on'\"\"\"
            }

            downgrade irreversible
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard r.downgrade == nil, !r.declaredIrreversible else { return [] }
        let s = r.irreversibleStatement
        return [finding("revision `\(r.id)` cannot be downgraded: this `sql` block has no `reverse`",
                        at: s?.span ?? r.file.header.revision?.span ?? r.file.span, statement: s,
                        help: "add `reverse \"\"\"...\"\"\"`, write a `downgrade` block, or declare `downgrade irreversible`")]
    }
}
