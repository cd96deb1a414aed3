/// MIG133: on PostgreSQL, a column added with a volatile default rewrites the table.
public struct VolatileDefault: LintRule {
    public static let description = LintDescription(
        code: .volatileDefault,
        rationale: """
            Since PostgreSQL 11, `add column` with a constant or stable default (a literal, \
            `current_timestamp`, `now()`) is instant: the default is stored once. A volatile default \
            (`random()`, `gen_random_uuid()`, `clock_timestamp()`, `nextval(...)`) differs per row, so \
            PostgreSQL writes it into every row: the table is rewritten under an ACCESS EXCLUSIVE lock. Add \
            the column without a default, `alter column ... set default` (new rows only), then backfill the \
            existing rows in batches. A call migc does not know is reported too (if it is volatile). Tables \
            created in the same revision are not reported. Only reported when the project targets postgres \
            (or no single dialect).
            """,
        triggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
              }
            }
            """, """
            revision b2
            parent a1
            message "order tokens"

            upgrade {
              add column orders.token uuid default gen_random_uuid()
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "orders"

            upgrade {
              create table orders {
                id bigint primary key
              }
            }
            """, """
            revision b2
            parent a1
            message "order tokens"

            upgrade {
              add column orders.token uuid
              -- migc:allow MIG107 - on sqlite, orders is small
              alter column orders.token set default gen_random_uuid()
            }
            """)],
        peers: LintPeers(atlas: ["PG302"], squawk: ["adding-field-with-default"], strongMigrations: ["add_column_default", "add_column_default_callable"]))

    /// PostgreSQL functions marked VOLATILE that appear in defaults.
    static let volatile: Set<String> = [
        "random", "random_normal", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc",
        "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "setseed", "gen_random_bytes",
    ]
    /// Calls that are STABLE or IMMUTABLE: one value for the statement, no rewrite.
    static let nonVolatile: Set<String> = [
        "now", "transaction_timestamp", "statement_timestamp", "current_timestamp", "current_date", "localtimestamp",
        "lower", "upper", "coalesce", "length", "abs", "round", "concat", "to_timestamp", "make_date", "uuid_nil",
    ]

    public static let operations: Set<OpKind>? = [.addColumn]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres") else { return [] }
        return r.upgrade.compactMap { step in
            guard case .addColumn(let a) = step.statement.operation, r.existed(a.table.name) else { return nil }
            for modifier in a.column.modifiers {
                guard case .defaultValue(let e) = modifier.kind, let call = Self.firstVolatileCall(e) else { continue }
                let known = Self.volatile.contains(call.lowercased())
                return finding("adding `\(a.table.name).\(a.column.name.name)` with default `\(call)()` rewrites every row of `\(a.table.name)` on postgres"
                                + (known ? "" : " if `\(call)` is volatile"),
                               at: modifier.span, statement: step.statement,
                               help: "add the column without a default, then `alter column \(a.table.name).\(a.column.name.name) set default ...` and backfill in batches")
            }
            return nil
        }
    }

    /// The first call in `e` that is not known to be stable.
    static func firstVolatileCall(_ e: Expr) -> String? {
        var found: String?
        e.visit { node in
            if found == nil, case .call(let name, _) = node.kind, !nonVolatile.contains(name.name.lowercased()) { found = name.name }
        }
        return found
    }
}
