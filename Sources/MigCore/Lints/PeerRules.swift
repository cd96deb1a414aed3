// docs/lints.md's parity table: for each migc lint, the rules of Atlas's analyzers,
// squawk and strong_migrations it covers (each rule's `peers`), then the peers'
// rules about an operation `.mig` can express that need no lint of migc's, and why.

enum PeerRules {
    /// A peer rule migc covers another way (or that cannot apply), and how.
    struct Covered {
        var rules: String
        var how: String
    }

    static let coveredElsewhere: [Covered] = [
        Covered(rules: "Atlas PG103, squawk ban-concurrent-index-creation-in-transaction",
                how: "MIG803: `concurrently` in a revision without `transaction off` is built as a plain `CREATE INDEX`, with that warning"),
        Covered(rules: "squawk require-timeout-settings, require-lock-timeout, require-statement-timeout",
                how: "the runner sets the lock and statement timeouts itself (docs/runner.md)"),
        Covered(rules: "squawk identifier-too-long (a name written longer than 63 bytes)",
                how: "E123, an error; MIG145 covers the names migc makes up"),
        Covered(rules: "squawk prefer-identity",
                how: "`autoincrement` is an identity column on PostgreSQL, never `serial`"),
        Covered(rules: "strong_migrations add_column_json",
                how: "`json` is `jsonb` on PostgreSQL"),
        Covered(rules: "Atlas MY102",
                how: "a column's `references` becomes a table-level foreign key, which MySQL enforces"),
        Covered(rules: "squawk adding-field-with-default (constant default), strong_migrations add_column_default (constant default)",
                how: "instant since PostgreSQL 11; only volatile defaults rewrite (MIG133)"),
        Covered(rules: "Atlas DS101, squawk ban-drop-database, ban-drop-schema",
                how: "`.mig` has no schema or database operations"),
        Covered(rules: "strong_migrations create_table (force), change_column_default, change_table, add_index_corruption",
                how: "Rails-specific options, or PostgreSQL 14.0-14.3 only"),
        Covered(rules: "strong_migrations validate_foreign_key, validate_check_constraint",
                how: "they concern `validate constraint`, the second step MIG136 and MIG137 recommend: run it in a revision of its own"),
        Covered(rules: "Atlas PG110 (column alignment), MY110-MY123 (enum and set values)",
                how: "not covered: `.mig` has no enum or set types; column order is a storage tuning, not a safety rule"),
    ]

    static func markdown() -> String {
        var out = """

            ## Parity with other linters

            The rules of [Atlas's analyzers](https://atlasgo.io/lint/analyzers), \
            [squawk](https://squawkhq.com/docs/rules) and \
            [strong_migrations](https://github.com/ankane/strong_migrations#checks) that apply to an \
            operation `.mig` can express, and the migc code for each.

            | migc code | Atlas | squawk | strong_migrations |
            |---|---|---|---|

            """
        for d in LintRegistry.descriptions {
            let p = d.peers
            func cell(_ names: [String]) -> String { names.isEmpty ? "-" : names.joined(separator: ", ") }
            out += "| [\(d.code)](#\(d.code.anchor)) | \(cell(p.atlas)) | \(cell(p.squawk)) | \(cell(p.strongMigrations)) |\n"
        }
        out += "\nPeer rules that need no lint of migc's:\n\n| rules | in migc |\n|---|---|\n"
        for c in coveredElsewhere { out += "| \(c.rules) | \(c.how) |\n" }
        return out
    }
}
