/// MIG103: a type change that cannot hold every value of the old type.
public struct NarrowingTypeChange: LintRule {
    public static let description = LintDescription(
        code: .narrowingTypeChange,
        rationale: """
            Changing a column to a type that cannot hold every old value (a smaller integer, a shorter \
            `varchar`, fewer decimal digits, text to a number) fails on existing rows or truncates them, and \
            the downgrade cannot bring lost digits or characters back.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                name varchar(200)
              }
            }
            """, """
            revision b2
            parent a1
            message "shorter names"

            upgrade {
              -- migc:allow MIG107
              alter column users.name type varchar(50)
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
                name varchar(200)
              }
            }
            """, """
            revision b2
            parent a1
            message "longer names"

            upgrade {
              -- migc:allow MIG107
              alter column users.name type text
            }
            """)])

    public static let operations: Set<OpKind>? = [.alterColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .alterColumn(let a) = step.statement.operation, case .type(let new, _) = a.change,
                  r.before.tables[a.table.name] != nil,
                  let old = step.before.tables[a.table.name]?.column(named: a.column.name)?.type,
                  Self.narrows(from: old, to: new.type) else { return nil }
            return finding("changing `\(a.table.name).\(a.column.name)` from `\(old.displayName)` to `\(new.type.displayName)` can lose data",
                           at: new.span, statement: step.statement)
        }
    }

    /// Whether some value of `old` does not fit `new`.
    static func narrows(from old: ColumnType, to new: ColumnType) -> Bool {
        if old == new { return false }
        switch (old, new) {
        case (_, .text), (_, .unboundedVarchar): return old.family == .custom
        case (.smallint, .int), (.smallint, .bigint), (.int, .bigint): return false
        case (.smallint, .decimal), (.int, .decimal), (.bigint, .decimal), (.smallint, .double), (.int, .double),
             (.smallint, .real), (.real, .double):
            return false
        case (.varchar(let n), .varchar(let m)), (.char(let n), .char(let m)), (.char(let n), .varchar(let m)),
             (.sizedText(let n), .sizedText(let m)), (.varchar(let n), .sizedText(let m)), (.char(let n), .sizedText(let m)):
            return m < n
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)):
            return (p2 ?? 1000) < (p1 ?? 1000) || (s2 ?? 0) < (s1 ?? 0)
        case (.date, .timestamp), (.date, .timestamptz), (.timestamp, .timestamptz): return false
        case (.uuid, .varchar(let n)), (.uuid, .char(let n)): return n < 36
        case (.json, .json), (.blob, .blob): return false
        default: return true
        }
    }
}
