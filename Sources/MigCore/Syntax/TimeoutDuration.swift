// Durations for the runner's timeouts: a revision header's `lock_timeout 10s`, the
// `--lock-timeout` flag and `migc.toml`. One spelling everywhere: a number with a
// unit (`ms`, `s`, `min`, `h`; a bare number is seconds), or `off` (no limit).

public struct TimeoutDuration: Hashable, Sendable, CustomStringConvertible {
    /// 0 means no limit (PostgreSQL's `lock_timeout = 0`).
    public var milliseconds: Int
    public var span: SourceSpan

    public init(milliseconds: Int, span: SourceSpan = .synthesized) {
        self.milliseconds = milliseconds
        self.span = span
    }

    public static let off = TimeoutDuration(milliseconds: 0)
    public var isOff: Bool { milliseconds == 0 }

    /// PostgreSQL's limit for timeouts (INT_MAX milliseconds, about 24 days).
    public static let maximumMilliseconds = Int(Int32.max)

    static let units: [(suffix: String, factor: Double)] = [("ms", 1), ("min", 60_000), ("s", 1_000), ("h", 3_600_000)]

    /// `200ms`, `5s`, `1.5s`, `2min`, `1h`, `30` (seconds), `off`; nil for anything else.
    public static func parse(_ text: String) -> TimeoutDuration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "off" { return .off }
        var number = Substring(trimmed)
        var factor = 1_000.0
        if let unit = units.first(where: { trimmed.hasSuffix($0.suffix) }) {
            number = number.dropLast(unit.suffix.count)
            factor = unit.factor
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(number), value.isFinite, value >= 0 else { return nil }
        let ms = (value * factor).rounded(.up)
        guard ms <= Double(maximumMilliseconds) else { return nil }
        return TimeoutDuration(milliseconds: Int(ms))
    }

    /// The canonical spelling (`fmt`): the largest unit that keeps it whole.
    public var description: String {
        if milliseconds == 0 { return "off" }
        for (suffix, factor) in [("h", 3_600_000), ("min", 60_000), ("s", 1_000)] where milliseconds % factor == 0 {
            return "\(milliseconds / factor)\(suffix)"
        }
        return "\(milliseconds)ms"
    }
}

extension MigParser {
    /// `lock_timeout DURATION` / `statement_timeout DURATION`: the tokens that touch
    /// (`1.5s` lexes as a number and a word), read as one duration.
    mutating func parseTimeout(_ keyword: String) throws(ParseAbort) -> TimeoutDuration {
        guard kind == .word || kind == .number else {
            throw fail(.invalidDuration(keyword: keyword, found: found),
                       help: "write it as `\(keyword) 5s` (units ms, s, min, h) or `\(keyword) off`")
        }
        let start = current.start
        var end = advance().end
        while current.start == end, !atStatementEnd, kind == .word || kind == .number || kind == .dot {
            end = advance().end
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        guard var duration = TimeoutDuration.parse(text) else {
            throw fail(.invalidDuration(keyword: keyword, found: "`\(text)`"),
                       help: "write it as `\(keyword) 5s` (units ms, s, min, h; at most 24 days) or `\(keyword) off`")
        }
        duration.span = span(start, end)
        return duration
    }
}

/// A revision's own timeouts (header lines); nil where the run's setting applies.
public struct RevisionTimeouts: Hashable, Sendable {
    public var lockTimeout: TimeoutDuration?
    public var statementTimeout: TimeoutDuration?

    public init(lockTimeout: TimeoutDuration? = nil, statementTimeout: TimeoutDuration? = nil) {
        self.lockTimeout = lockTimeout
        self.statementTimeout = statementTimeout
    }

    public var isEmpty: Bool { lockTimeout == nil && statementTimeout == nil }

    /// The header lines, in canonical order: (keyword, value).
    public var lines: [(keyword: String, value: TimeoutDuration)] {
        [("lock_timeout", lockTimeout), ("statement_timeout", statementTimeout)].compactMap { pair in pair.1.map { (pair.0, $0) } }
    }

    mutating func set(_ keyword: String, _ value: TimeoutDuration) {
        if keyword == "lock_timeout" { lockTimeout = value } else { statementTimeout = value }
    }
}
