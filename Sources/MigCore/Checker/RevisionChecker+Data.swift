// A `reverse` that can never run is an error, so nobody trusts a downgrade that
// ignores it: in a revision whose downgrade is written (the block, or `downgrade
// irreversible`, replaces every derived inverse), and inside a downgrade block.
// `sql ... reverse "TEXT"` keeps its old meaning there; only the new forms are checked.

extension RevisionChecker {
    static func unusedReverses(in file: MigFile) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if file.downgrade != nil {
            for s in file.upgrade?.statements ?? [] {
                guard let span = writtenReverseSpan(s.operation) else { continue }
                out.append(.error("this `reverse` is never run: the revision's downgrade is written", at: span, code: .unusedReverse,
                                  help: "put what undoes it in the `downgrade` block, or remove the `downgrade` block to use the `reverse`"))
            }
        }
        if case .block(let block)? = file.downgrade {
            for s in block.statements {
                guard let span = writtenReverseSpan(s.operation) else { continue }
                out.append(.error("a `reverse` in a `downgrade` block is never run", at: span, code: .reverseInDowngrade,
                                  help: "remove it: a downgrade is not undone"))
            }
        }
        return out
    }

    /// Where a data change's `reverse`, or a `sql`'s `reverse nothing`, is written.
    static func writtenReverseSpan(_ op: Operation) -> SourceSpan? {
        if case .sql(let s) = op { return s.forwardOnly }
        switch op.dataReverse {
        case .nothing(let span)?: return span
        case .block(let block)?: return block.span
        case nil: return nil
        }
    }
}
