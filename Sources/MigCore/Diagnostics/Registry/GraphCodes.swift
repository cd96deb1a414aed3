// Errors found while loading the files and linking the revision graph.

extension DiagnosticRegistry {
    static let graph: [DiagnosticEntry] = [
        DiagnosticEntry(
            .noRevisionLine, "file has no `revision` line",
            explanation: """
                The graph cannot place a file without an id. Files read from disk get the \
                parser's E010 instead (reported once); this code guards files built by other \
                means, so no revision file shows it.
                """),
        DiagnosticEntry(
            .badRevisionID, "revision id is not `[a-z0-9_]+`",
            explanation: """
                Ids are lowercase letters, digits and `_`, so they are safe in file names and \
                SQL. Files read from disk get the parser's E014 instead (reported once); this \
                code guards files built by other means.
                """),
        DiagnosticEntry(
            .duplicateRevisionID, "revision defined twice",
            explanation: """
                Two files declare the same id (often a file copied to start a new one). The \
                first by path is kept. Give the other a new id; `migc new` makes unique ones.
                """,
            example: DiagnosticExample(users, file("revision a1\nmessage \"create orders\"", creating: "orders")),
            fixed: DiagnosticExample(users, file("revision b2\nparent a1\nmessage \"create orders\"", creating: "orders"))),
        DiagnosticEntry(
            .unknownParent, "unknown parent revision",
            explanation: """
                A `parent` line names an id no file defines: a typo, or a file that was \
                deleted or not added. migc suggests the closest id.
                """,
            example: DiagnosticExample(users, file("revision b2\nparent a7\nmessage \"create orders\"", creating: "orders")),
            fixed: DiagnosticExample(users, file("revision b2\nparent a1\nmessage \"create orders\"", creating: "orders"))),
        DiagnosticEntry(
            .unknownDependency, "unknown dependency",
            explanation: """
                A `depends` line names neither a revision id nor a label.
                """,
            example: DiagnosticExample(users, file("revision b2\nparent a1\ndepends a7\nmessage \"create orders\"", creating: "orders")),
            fixed: DiagnosticExample(users, file("revision b2\nparent a1\ndepends a1\nmessage \"create orders\"", creating: "orders"))),
        DiagnosticEntry(
            .listedTwice, "name listed twice",
            explanation: """
                A `parent`, `depends` or `label` line lists the same name twice.
                """,
            example: DiagnosticExample(users, file("revision b2\nparent a1, a1\nmessage \"create orders\"", creating: "orders")),
            fixed: DiagnosticExample(users, file("revision b2\nparent a1\nmessage \"create orders\"", creating: "orders"))),
        DiagnosticEntry(
            .selfReference, "revision names itself",
            explanation: """
                A revision lists its own id as a parent or dependency: it cannot come after itself.
                """,
            example: DiagnosticExample(file("revision a1\nparent a1\nmessage \"create users\"", creating: "users")),
            fixed: DiagnosticExample(file("revision a1\nmessage \"create users\"", creating: "users"))),
        DiagnosticEntry(
            .revisionCycle, "revisions form a cycle",
            explanation: """
                Following `parent` (and `depends`) lines leads back to where it started, so no \
                order applies them. The message names the whole cycle; remove one of its edges.
                """,
            example: DiagnosticExample(
                file("revision a1\nparent b2\nmessage \"create users\"", creating: "users"),
                file("revision b2\nparent a1\nmessage \"create orders\"", creating: "orders")),
            fixed: DiagnosticExample(
                file("revision a1\nmessage \"create users\"", creating: "users"),
                file("revision b2\nparent a1\nmessage \"create orders\"", creating: "orders"))),
        DiagnosticEntry(
            .labelOnTwoRevisions, "label used by two revisions",
            explanation: """
                A branch label names one branch (`migc upgrade billing@head`), so it may appear \
                on one revision only.
                """,
            example: DiagnosticExample(
                users,
                file("revision b2\nparent a1\nlabel billing\nmessage \"create invoices\"", creating: "invoices"),
                file("revision c3\nparent b2\nlabel billing\nmessage \"create payments\"", creating: "payments")),
            fixed: DiagnosticExample(
                users,
                file("revision b2\nparent a1\nlabel billing\nmessage \"create invoices\"", creating: "invoices"),
                file("revision c3\nparent b2\nmessage \"create payments\"", creating: "payments"))),
        DiagnosticEntry(
            .labelIsRevisionID, "label equal to a revision id",
            explanation: """
                `migc upgrade NAME` could mean the label or the revision. Rename the label.
                """,
            example: DiagnosticExample(
                file("revision a1\nlabel b2\nmessage \"create users\"", creating: "users"),
                file("revision b2\nparent a1\nmessage \"create orders\"", creating: "orders")),
            fixed: DiagnosticExample(
                file("revision a1\nlabel core\nmessage \"create users\"", creating: "users"),
                file("revision b2\nparent a1\nmessage \"create orders\"", creating: "orders"))),
        DiagnosticEntry(
            .reservedLabel, "reserved label name",
            explanation: """
                `head`, `heads`, `base` and `current` are revision specifiers, so a label with \
                one of those names could never be named.
                """,
            example: DiagnosticExample(file("revision a1\nlabel head\nmessage \"create users\"", creating: "users")),
            fixed: DiagnosticExample(file("revision a1\nlabel core\nmessage \"create users\"", creating: "users"))),
        DiagnosticEntry(
            .migrationsDirectoryUnreadable, "migrations directory missing or unreadable",
            explanation: """
                The migrations directory (`--dir`, `dir` in migc.toml, else `./migrations`) does \
                not exist, is not a directory, or a folder under it cannot be listed. Commands \
                exit with status 2. Run `migc init`, or point `--dir` at the folder of .mig files.
                """),
        DiagnosticEntry(
            .unreadableFile, "file cannot be read",
            explanation: """
                A `.mig` file was found but could not be read (permissions, or it vanished while \
                migc ran). Check its permissions.
                """),
    ]
}
