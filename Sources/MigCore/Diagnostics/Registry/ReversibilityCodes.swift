// Checker errors about downgrades and about branches that conflict at a merge.

extension DiagnosticRegistry {
    /// Revision b2 adding an indexed `users.name`, with `downgrade` (one op a line).
    private static func userNames(downgrade: String) -> String {
        revision("b2", parent: "a1", "user names", "add column users.name text\ncreate index users_name_idx on users (name)")
            + "\n\ndowngrade {\n" + downgrade.split(separator: "\n").map { "  \($0)\n" }.joined() + "}"
    }

    static let reversibility: [DiagnosticEntry] = [
        DiagnosticEntry(
            .downgradeMismatch, "downgrade does not restore the schema",
            explanation: """
                A written `downgrade` block must leave the schema exactly as it was before the \
                revision: every table, column (type, nullability, default), constraint and index. \
                The message names the first difference. Fix the block, or delete it and let migc \
                derive one.
                """,
            example: DiagnosticExample(users, userNames(downgrade: "drop index users_name_idx")),
            fixed: DiagnosticExample(users, userNames(downgrade: "drop index users_name_idx\ndrop column users.name"))),
        DiagnosticEntry(
            .derivedDowngradeMismatch, "derived downgrade does not restore the schema",
            explanation: """
                The downgrade migc derived from an upgrade does not restore the schema. This is a \
                bug in migc (please report it); meanwhile, write the `downgrade` block by hand.
                """),
        DiagnosticEntry(
            .branchConflict, "merge of conflicting branches",
            explanation: """
                A merge (or a `depends`) joins branches whose changes conflict: both add the same \
                column, one drops what the other renamed, two roots create the same table. migc \
                replays the other branch on the first parent's schema, as a database that took \
                the branches one after the other would, and reports the op that fails.
                """,
            example: DiagnosticExample(
                users,
                revision("b2", parent: "a1", "names for login", "add column users.name text"),
                revision("c3", parent: "a1", "names for invoices", "add column users.name varchar(100)"),
                "revision d4\nparent b2, c3\nmessage \"merge heads\""),
            fixed: DiagnosticExample(
                users,
                revision("b2", parent: "a1", "names for login", "add column users.name text"),
                revision("c3", parent: "a1", "names for invoices", "add column users.billing_name varchar(100)"),
                "revision d4\nparent b2, c3\nmessage \"merge heads\"")),
    ]
}
