/// Why a revision specifier or a path could not be resolved. A value, not text:
/// the CLI prints `message` and `help`.
public enum RevisionError: Error, Hashable, Sendable, CustomStringConvertible {
    case emptySpecifier
    /// Not a form `RevisionSpecifier` knows (`a@tail`, `+x`, ...).
    case invalidSpecifier(String, reason: String)
    case noRevisions
    case unknownRevision(String, suggestion: String?)
    case ambiguousPrefix(String, candidates: [String])
    /// `head` with more than one head.
    case multipleHeads([String])
    /// `X@head` where several heads follow `X`.
    case multipleHeadsFrom(String, heads: [String])
    /// `REV+N` reached a branch point (or `base+N` with several bases).
    case branchesAfter(String, children: [String])
    /// `REV-N` reached a merge.
    case mergeBefore(String, parents: [String])
    /// `REV+N` ran past a head / `REV-N` past the base.
    case pastHead(String, steps: Int)
    case pastBase(String, steps: Int)
    /// `-N` / `+N` with fewer revisions applied / left to apply.
    case notEnoughApplied(requested: Int, applied: Int)
    case notEnoughPending(requested: Int, pending: Int)
    /// A relative specifier needs exactly one revision to start from.
    case needsSingleRevision(String, got: [String])
    /// A downgrade target that is not applied (so nothing can be undone down to it).
    case notApplied(String)
    /// A range `A:B` whose lower end does not come before its upper end.
    case notAncestor(String, of: String)

    public var message: String {
        switch self {
        case .emptySpecifier:
            "empty revision specifier"
        case let .invalidSpecifier(spec, reason):
            "invalid revision specifier `\(spec)`: \(reason)"
        case .noRevisions:
            "there are no revisions yet"
        case let .unknownRevision(spec, _):
            "no revision, label or id prefix matches `\(spec)`"
        case let .ambiguousPrefix(prefix, candidates):
            "revision prefix `\(prefix)` is ambiguous: " + Self.list(candidates)
        case let .multipleHeads(heads):
            "multiple heads: \(heads.joined(separator: ", ")); use `heads` or name one"
        case let .multipleHeadsFrom(spec, heads):
            "several heads follow `\(spec)`: \(heads.joined(separator: ", ")); name one"
        case let .branchesAfter(rev, children):
            rev.isEmpty
                ? "there are several bases: \(children.joined(separator: ", ")); name one"
                : "revision `\(rev)` branches into \(children.joined(separator: ", ")); name one"
        case let .mergeBefore(rev, parents):
            "revision `\(rev)` merges \(parents.joined(separator: ", ")); name the one to go back to"
        case let .pastHead(spec, steps):
            "`\(spec)` goes past the head (\(steps) more step\(steps == 1 ? "" : "s") than there are revisions)"
        case let .pastBase(spec, steps):
            "`\(spec)` goes past the base (\(steps) more step\(steps == 1 ? "" : "s") than there are revisions)"
        case let .notEnoughApplied(requested, applied):
            "cannot go back \(requested) revision\(requested == 1 ? "" : "s"): only \(applied) applied"
        case let .notEnoughPending(requested, pending):
            "cannot go forward \(requested) revision\(requested == 1 ? "" : "s"): only \(pending) left to apply"
        case let .needsSingleRevision(spec, got):
            got.isEmpty
                ? "`\(spec)` is the base; a relative step needs a revision to start from"
                : "`\(spec)` names several revisions (\(got.joined(separator: ", "))); a relative step needs one"
        case let .notApplied(id):
            "revision `\(id)` is not applied, so it is not a downgrade target"
        case let .notAncestor(lower, upper):
            "`\(lower)` does not come before `\(upper)`; a range goes from older to newer"
        }
    }

    public var help: String? {
        switch self {
        case let .unknownRevision(_, suggestion?):
            "did you mean `\(suggestion)`?"
        case .unknownRevision:
            "`migc history` lists the revisions"
        case .ambiguousPrefix:
            "type more characters of the id"
        case .multipleHeads:
            "run `migc merge heads -m \"merge\"` to join them, or `migc upgrade heads` to apply every branch"
        case .multipleHeadsFrom, .branchesAfter, .mergeBefore:
            "`migc history` shows the branches"
        case .notApplied:
            "`migc current` shows what is applied"
        case .emptySpecifier, .invalidSpecifier:
            "use `head`, `heads`, `base`, an id or id prefix, a label, `LABEL@head`, `REV+N`, `REV-N`, `+N` or `-N`"
        default:
            nil
        }
    }

    public var description: String { message }

    /// At most 8 names, then "and N more".
    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(8).joined(separator: ", ")
        return names.count > 8 ? shown + " and \(names.count - 8) more" : shown
    }
}
