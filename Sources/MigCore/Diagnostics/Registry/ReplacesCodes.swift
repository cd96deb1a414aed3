// Errors of `replaces` lines (squash revisions, `migc squash`).

extension DiagnosticRegistry {
    static let replaces: [DiagnosticEntry] = [
        DiagnosticEntry(
            .replacedRevisionPresent, "replaced revision still present",
            explanation: """
                A squash revision's `replaces` line names a revision whose file is still in the \
                migrations directory: the history would hold both the squash and what it \
                replaces. `migc squash` moves the replaced files aside (into \
                `.replaced/<squash id>/`, where the runner still finds them for databases \
                stopped half-way); move them there or drop the id from `replaces`.
                """,
            example: DiagnosticExample(users, file("revision s1\nreplaces a1\nmessage \"squash\"", creating: "orders")),
            fixed: DiagnosticExample(file("revision s1\nreplaces a0\nmessage \"squash\"", creating: "orders"))),
        DiagnosticEntry(
            .replacedTwice, "revision replaced twice",
            explanation: """
                Two squash revisions replace the same revision, so a database recorded at it \
                could continue along either. Each revision is replaced by one squash.
                """,
            example: DiagnosticExample(file("revision s1\nreplaces a0\nmessage \"squash\"", creating: "orders"),
                                       file("revision s2\nparent s1\nreplaces a0\nmessage \"squash again\"", creating: "items")),
            fixed: DiagnosticExample(file("revision s1\nreplaces a0\nmessage \"squash\"", creating: "orders"),
                                     file("revision s2\nparent s1\nmessage \"items\"", creating: "items"))),
    ]
}
