// Finds the statements of a `sql` block's text that start, end or split a
// transaction (BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT,
// RELEASE). migc runs each revision in its own transaction; such a statement ends
// it part-way (MIG115, and the runner stops when it sees the transaction gone).
//
// A lexical scan, not a parser: statements split at `;` outside quotes, comments and
// dollar quotes; inside a CREATE statement (a SQLite trigger body, PostgreSQL's
// `BEGIN ATOMIC`) BEGIN/CASE ... END nest and are not transaction control.

public enum TransactionControl {
    public struct Found: Hashable, Sendable {
        /// The keyword, uppercased (`COMMIT`).
        public var keyword: String
        /// Character offset of the keyword in the text.
        public var offset: Int

        public init(keyword: String, offset: Int) {
            self.keyword = keyword
            self.offset = offset
        }
        /// Whether it ends the transaction by committing (COMMIT, END) rather than
        /// rolling back (ROLLBACK, ABORT) or not ending it.
        public var commits: Bool { keyword == "COMMIT" || keyword == "END" }
        public var endsTransaction: Bool { ["COMMIT", "END", "ROLLBACK", "ABORT"].contains(keyword) }
    }

    static let keywords: Set<String> = ["BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE"]

    /// Every statement of `sql` that is transaction control, in order.
    public static func statements(in sql: String) -> [Found] {
        var found: [Found] = []
        var first: (word: String, offset: Int)?
        var isCreate = false
        var depth = 0
        for token in words(sql) {
            if token.word == ";" {
                if depth == 0 {
                    first = nil
                    isCreate = false
                }
                continue
            }
            if first == nil {
                first = token
                isCreate = token.word == "CREATE"
                // `ROLLBACK TO SAVEPOINT` keeps the transaction; still control.
                if keywords.contains(token.word) { found.append(Found(keyword: token.word, offset: token.offset)) }
            } else if isCreate {
                switch token.word {
                case "BEGIN", "CASE": depth += 1
                case "END": depth = max(0, depth - 1)
                default: break
                }
            }
        }
        return found
    }

    /// Uppercased words and `;`, skipping strings, quoted names, comments and
    /// dollar-quoted bodies.
    static func words(_ sql: String) -> [(word: String, offset: Int)] {
        let chars = Array(sql)
        var out: [(String, Int)] = []
        var i = 0
        func skip(until end: [Character]) {
            while i < chars.count {
                if chars[i] == end[0], i + end.count <= chars.count, Array(chars[i..<(i + end.count)]) == end {
                    i += end.count
                    return
                }
                i += 1
            }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                skip(until: ["\n"])
            } else if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                skip(until: ["*", "/"])
            } else if c == "'" || c == "\"" || c == "`" {
                i += 1
                skip(until: [c])  // a doubled quote reads as two strings: same words
            } else if c == "[" {
                i += 1
                skip(until: ["]"])
            } else if c == "$", let tag = dollarTag(chars, at: i) {
                i += tag.count
                skip(until: tag)
            } else if c == ";" {
                out.append((";", i))
                i += 1
            } else if c.isLetter || c == "_" {
                let start = i
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "$" { i += 1 }
                out.append((String(chars[start..<i]).uppercased(), start))
            } else {
                i += 1
            }
        }
        return out
    }

    /// `$$` or `$tag$` starting at `i`.
    static func dollarTag(_ chars: [Character], at i: Int) -> [Character]? {
        var j = i + 1
        while j < chars.count, chars[j].isLetter || chars[j] == "_" || (j > i + 1 && chars[j].isNumber) { j += 1 }
        guard j < chars.count, chars[j] == "$" else { return nil }
        return Array(chars[i...j])
    }
}
