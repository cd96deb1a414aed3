/// MIG101: a revision that cannot be downgraded and does not say so.
public struct IrreversibleRevision: LintRule {
    public static let description = LintDescription(
        code: .irreversibleRevision,
        rationale: """
            A revision without a `downgrade` block gets one derived from its upgrade, but a `sql` block, \
            an `update` or a `delete` without `reverse` has no inverse, nor has an `insert` whose rows do \
            not give their primary key: `migc downgrade` would refuse to go past it. Add a `reverse` \
            (`reverse nothing` for a forward-only data fix), write the `downgrade` block, or declare \
            `downgrade irreversible` to say it is on purpose.
            """,
        triggering: [LintExample("""
            revision a1
            message "backfill"

            upgrade {
              sql \"\"\"UPDATE settings SET value = 'on'\"\"\"
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "backfill"

            upgrade {
              sql \"\"\"UPDATE settings SET value = 'on'\"\"\"
            }

            downgrade irreversible
            """)])

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard r.downgrade == nil, !r.declaredIrreversible else { return [] }
        let s = r.irreversibleStatement
        return [finding("revision `\(r.id)` cannot be downgraded: " + Self.reason(s?.operation),
                        at: s?.span ?? r.file.header.revision?.span ?? r.file.span, statement: s,
                        help: Self.help(s?.operation))]
    }

    /// "this `update` has no `reverse`".
    static func reason(_ op: Operation?) -> String {
        "this" + (op ?? .sql(RawSQL(text: StringLiteral("")))).missingInverseReason.drop { $0 != " " }
    }

    static func help(_ op: Operation?) -> String {
        switch op {
        case .insert?, .update?, .delete?:
            "add `reverse { ... }` (or `reverse nothing` for a forward-only fix), write a `downgrade` block, or declare `downgrade irreversible`"
        default: "add `reverse \"\"\"...\"\"\"` (or `reverse nothing`), write a `downgrade` block, or declare `downgrade irreversible`"
        }
    }
}
