// docs/lints.md, generated from the registry (a test fails when the file is
// stale; `MIGC_RECORD=1 swift test` regenerates it).

public enum LintDocs {
    public static func markdown() -> String {
        var out = preamble
        out += "| code | title |\n|---|---|\n"
        for d in LintRegistry.descriptions { out += "| [\(d.code)](#\(d.code.lowercased())) | \(d.title) |\n" }
        for d in LintRegistry.descriptions {
            out += "\n## \(d.code)\n\n**\(d.title)** (default: \(d.defaultSeverity.rawValue))\n\n\(d.rationale)\n"
            for (i, example) in d.triggering.enumerated() {
                out += "\n" + (d.triggering.count > 1 ? "Triggers (\(i + 1)):" : "Triggers:") + "\n\n" + render(example)
            }
            for (i, example) in d.nonTriggering.enumerated() {
                out += "\n" + (d.nonTriggering.count > 1 ? "Fixed (\(i + 1)):" : "Fixed:") + "\n\n" + render(example)
            }
        }
        return out + checkerSection
    }

    static func render(_ example: LintExample) -> String {
        example.files.map { "```mig\n\($0)\n```\n" }.joined(separator: "\n")
    }

    static let preamble = """
        <!-- Generated from Sources/MigCore/Lints (LintRegistry). Do not edit: run `MIGC_RECORD=1 swift test`. -->
        # migc lints

        `migc lint` checks every revision (errors, below) and then reports *lints*: warnings
        about revisions that are valid but risky to run. Each has a stable code.

        - Silence one statement with a comment before it, at the end of its line, or on a
          line inside its `create table` body: `-- migc:allow MIG102 - reason`. Several codes
          may be listed (`-- migc:allow MIG102, MIG107`); text after ` - ` is a free reason.
        - Silence a whole revision with the same comment among its header lines.
        - Silence a code for the project in `migc.toml`: `[lint] disable = ["MIG106"]`.
        - `migc lint --strict` (or `strict = true`) makes warnings fail the run (exit 1).

        An allow naming an unknown code is MIG111; one that silences nothing is MIG112.


        """

    static let checkerSection = """

        # Checker errors

        These are errors, not lints: they cannot be silenced.

        | code | meaning |
        |---|---|
        | E101 | a table (or another table/index-namespace object) with that name already exists; names that differ only by case collide (SQLite and MySQL fold case) |
        | E102 | unknown table |
        | E103 | duplicate or existing column (also: a column listed twice in an index) |
        | E104 | unknown column (in an op, an index, a constraint, a check or an index predicate) |
        | E105 | index name already used by an index, a table, or a primary-key/unique constraint (PostgreSQL keeps them in one namespace) |
        | E106 | unknown index |
        | E107 | constraint name already used on the table |
        | E108 | unknown constraint |
        | E109 | foreign key target is not the primary key, a unique constraint or a full unique index of the referenced table |
        | E110 | foreign key column types differ (by family: integers, numerics, text, ...) |
        | E111 | foreign key column count differs from the referenced column count |
        | E112 | `autoincrement` on a non-integer column or one that is not the single-column primary key |
        | E113 | more than one primary key |
        | E114 | conflicting or repeated column modifiers (`null` and `not null`); files get the parser's E053/E054 first, E114 guards trees built by hand |
        | E115 | default that cannot fit the column type (a string on an `int`, `null` on a not-null column, too long for a `varchar(n)`) |
        | E116 | an alter that changes nothing (`set not null` on a not-null column, `drop default` with no default, same type): an error because its inverse would change the schema on the way down |
        | E117 | drop of a column used by a multi-column index or constraint, or referenced by a foreign key |
        | E118 | drop of the only column of a table |
        | E119 | nullable primary-key column |
        | E120 | drop of a primary key or unique constraint a foreign key depends on |
        | E121 | drop of a table a foreign key references |
        | E122 | a table named `migc_version`, `migc_history`, `_migc_new_*` or `sqlite_*`, or an index or constraint named `sqlite_*` (migc's and SQLite's own) |
        | E123 | a table, column, index or constraint name over 63 bytes (PostgreSQL cuts names there silently) |
        | E112 (drop) | also: dropping the primary key of an autoincrement column |
        | E201 | the written `downgrade` does not restore the schema before the revision (the first difference is named) |
        | E202 | the derived downgrade does not restore the schema (a migc bug; write the downgrade by hand) |
        | E350 | a merge joins branches whose changes conflict (both add the same column, one drops what the other renamed, two roots create the same table) |

        ## Schema model decisions

        - Column modifiers `primary key`, `unique`, `references` and `check` become named
          table constraints: `T_pkey`, `T_c_key`, `T_c_fkey`, `T_c_check` (PostgreSQL's names).
          `primary key` (column or table level, or added) makes its columns not null.
        - `drop column` also drops the single-column indexes and constraints on the column;
          a multi-column one, or a foreign key pointing at the column, is an error (E117):
          drop it first, so nothing disappears silently. The derived downgrade restores
          the column with its full definition and everything dropped with it.
        - `drop table` also drops its indexes; its derived downgrade recreates both.
        - A revision's downgrade restores the schema when every table, column (type,
          nullability, default, autoincrement), constraint and index is back. Column order
          is not compared: no dialect can put a column back in its old position.
        - `sql` blocks do not change the model (MIG108). Without `reverse`, a revision
          with no `downgrade` block is irreversible (MIG101).
        - A merge (and a revision with `depends`) starts from its first parent's schema and
          replays the revisions only the other parents have, as a database that took the
          branches one after the other would; an op that fails there is E350.

        """
}
