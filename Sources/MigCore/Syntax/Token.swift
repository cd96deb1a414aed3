/// What a token is. Keywords are not kinds: they are contextual, so the parser
/// compares a `word`'s text (case-insensitively) where a keyword may appear.
public enum TokenKind: UInt8, Sendable {
    case word, quotedIdentifier, string, tripleString, number
    case leftParen, rightParen, leftBrace, rightBrace
    case comma, dot, semicolon, colon
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case plus, minus, star, slash, percent, concat
    /// `[]` (array types).
    case brackets
    /// Ends a statement (the parser ignores it inside parentheses).
    case newline
    /// `-- ...` to the end of the line; kept so the parser can attach it as trivia.
    case comment
    case endOfFile

    /// How messages name the kind ("found newline").
    var description: String {
        switch self {
        case .word: "a word"
        case .quotedIdentifier: "a quoted name"
        case .string, .tripleString: "a string"
        case .number: "a number"
        case .leftParen: "`(`"
        case .rightParen: "`)`"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .comma: "`,`"
        case .dot: "`.`"
        case .semicolon: "`;`"
        case .colon: "`:`"
        case .equal: "`=`"
        case .notEqual: "`<>`"
        case .less: "`<`"
        case .lessEqual: "`<=`"
        case .greater: "`>`"
        case .greaterEqual: "`>=`"
        case .plus: "`+`"
        case .minus: "`-`"
        case .star: "`*`"
        case .slash: "`/`"
        case .percent: "`%`"
        case .concat: "`||`"
        case .brackets: "`[]`"
        case .newline: "newline"
        case .comment: "a comment"
        case .endOfFile: "end of file"
        }
    }
}

/// A token is a kind and a byte range `[start, end)` into the file: nothing is copied.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int

    public init(_ kind: TokenKind, _ start: Int, _ end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// Byte offsets to line/column, by binary search over the line starts, starting
/// from the last line found (the parser asks in nearly increasing order).
struct LineMap {
    let path: String
    let starts: [Int]
    private let cursor = LineCursor()

    private final class LineCursor {
        var line = 0
    }

    init(path: String, starts: [Int]) {
        self.path = path
        self.starts = starts
    }

    init(path: String, bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { p in
            for i in 0..<p.count where p[i] == 10 { starts.append(i + 1) }
        }
        self.init(path: path, starts: starts)
    }

    func location(_ offset: Int) -> SourceLocation {
        var line = cursor.line
        if line >= starts.count || starts[line] > offset || (line + 1 < starts.count && starts[line + 1] <= offset) {
            if line + 2 < starts.count, starts[line + 1] <= offset, offset < starts[line + 2] {
                line += 1
            } else {
                line = Self.line(of: offset, in: starts)
            }
            cursor.line = line
        }
        return SourceLocation(line: line + 1, column: offset - starts[line] + 1, offset: offset)
    }

    /// The 0-based line holding `offset`.
    static func line(of offset: Int, in starts: [Int]) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(file: path, start: location(start), end: location(max(start, end)))
    }
}
