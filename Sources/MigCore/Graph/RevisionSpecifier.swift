/// A revision named on the command line, as Alembic users write it:
///
/// | text | meaning |
/// |---|---|
/// | `head` | the only head (error with several) |
/// | `heads` | every head |
/// | `base` | nothing applied |
/// | `current` | the applied heads |
/// | `7c1e9a20b4d3`, `7c1e` | an id, or a unique prefix of one |
/// | `billing` | the revision carrying label `billing` |
/// | `billing@head` | the head of the branch that starts at `billing` |
/// | `REV+N`, `REV-N` | N revisions after / before REV, along a single line |
/// | `+N`, `-N` | N revisions forward / back from the applied heads |
public indirect enum RevisionSpecifier: Hashable, Sendable, CustomStringConvertible {
    case head
    case heads
    case base
    case current
    /// An id, a unique id prefix, or a label.
    case name(String)
    /// `X@head`: X is a label or an id (prefix).
    case headOf(String)
    /// `REV+N` / `REV-N`; `from == nil` is `+N` / `-N` relative to the applied heads.
    case relative(from: RevisionSpecifier?, steps: Int)

    public static func parse(_ text: String) throws(RevisionError) -> RevisionSpecifier {
        let spec = text.trimmingWhitespace
        guard !spec.isEmpty else { throw .emptySpecifier }
        if let (stem, steps) = try splitSteps(spec) {
            if stem.isEmpty { return .relative(from: nil, steps: steps) }
            let from = try parse(stem)
            if case .relative = from { throw .invalidSpecifier(spec, reason: "only one `+N` or `-N` step") }
            return .relative(from: from, steps: steps)
        }
        switch spec {
        case "head": return .head
        case "heads": return .heads
        case "base": return .base
        case "current": return .current
        default: break
        }
        if let at = spec.firstIndex(of: "@") {
            let stem = String(spec[..<at]), tail = String(spec[spec.index(after: at)...])
            guard tail == "head" else { throw .invalidSpecifier(spec, reason: "expected `@head` after `\(stem)`") }
            guard isName(stem) else { throw .invalidSpecifier(spec, reason: "expected a label or id before `@`") }
            return .headOf(stem)
        }
        guard isName(spec) else {
            throw .invalidSpecifier(spec, reason: "ids and labels use letters, digits and `_`")
        }
        return .name(spec)
    }

    /// `abc+2` -> ("abc", 2), `-1` -> ("", -1); nil when there is no trailing step.
    private static func splitSteps(_ spec: String) throws(RevisionError) -> (String, Int)? {
        guard let sign = spec.lastIndex(where: { $0 == "+" || $0 == "-" }) else { return nil }
        let digits = spec[spec.index(after: sign)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let n = Int(digits) else {
            throw .invalidSpecifier(spec, reason: "expected a number after `\(spec[sign])`")
        }
        guard n > 0 else { throw .invalidSpecifier(spec, reason: "a step count must be at least 1") }
        return (String(spec[..<sign]), spec[sign] == "+" ? n : -n)
    }

    private static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0 == "_" || $0.isASCIIDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    public var description: String {
        switch self {
        case .head: "head"
        case .heads: "heads"
        case .base: "base"
        case .current: "current"
        case let .name(n): n
        case let .headOf(n): n + "@head"
        case let .relative(from, steps): (from?.description ?? "") + (steps > 0 ? "+\(steps)" : "\(steps)")
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
