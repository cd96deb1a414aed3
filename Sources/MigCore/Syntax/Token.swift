/// What a token is. Keywords are not kinds: they are contextual, so the parser
/// compares a `word`'s text (case-insensitively) where a keyword may appear.
public enum TokenKind: UInt8, Sendable {
    case word, quotedIdentifier, string, tripleString, number
    case leftParen, rightParen, leftBrace, rightBrace
    case comma, dot, semicolon, colon
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case plus, minus, star, slash, percent, concat
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

/// Byte offsets to line/column, by binary search over the line starts.
struct LineMap: Sendable {
    let path: String
    let starts: [Int]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        var starts = [0]
        starts.reserveCapacity(bytes.count / 24 + 1)
        bytes.withUnsafeBufferPointer { p in
            for i in 0..<p.count where p[i] == 10 { starts.append(i + 1) }
        }
        self.starts = starts
    }

    func location(_ offset: Int) -> SourceLocation {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(line: lo + 1, column: offset - starts[lo] + 1, offset: offset)
    }

    func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(file: path, start: location(start), end: location(max(start, end)))
    }
}
