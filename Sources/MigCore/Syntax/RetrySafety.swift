// Which operations of a `transaction off` revision the runner may run again after
// a lock timeout. Outside a transaction nothing undoes what a statement did, so a
// statement is repeated only when a failed attempt leaves nothing behind, or when
// what it leaves is known and cleaned up first. (Lints use this too.)

public enum RetrySafety: Hashable, Sendable {
    /// One atomic statement: a lock timeout leaves nothing behind (every op migc
    /// renders itself, and `create index` without `concurrently`).
    case safe
    /// `create index ... concurrently` leaves the index behind, INVALID, when it
    /// fails: the runner drops that leftover (`DROP INDEX CONCURRENTLY IF EXISTS`)
    /// before repeating it.
    case afterDroppingInvalidIndex(String)
    /// A `sql` block that is not of the idempotent forms: it may have run in part.
    case unsafe(reason: String)

    public var isSafe: Bool {
        if case .unsafe = self { return false }
        return true
    }

    public static func of(_ operation: Operation) -> RetrySafety {
        switch operation {
        case .createIndex(let c) where c.concurrently: return .afterDroppingInvalidIndex(c.name.name)
        case .sql(let raw): return ofSQL(raw.text.value)
        default: return .safe
        }
    }

    /// A `sql` block is safe to repeat when each of its statements is written to be
    /// repeated (`IF NOT EXISTS`, `IF EXISTS`, `OR REPLACE`) and none controls the
    /// transaction or builds concurrently (a repeated `CREATE INDEX CONCURRENTLY IF
    /// NOT EXISTS` would keep an INVALID index).
    static func ofSQL(_ text: String) -> RetrySafety {
        if let control = TransactionControl.statements(in: text).first {
            return .unsafe(reason: "it contains `\(control.keyword)`")
        }
        var statement: [String] = []
        for word in TransactionControl.words(text).map(\.word) + [";"] {
            guard word == ";" else { statement.append(word); continue }
            defer { statement = [] }
            if statement.isEmpty { continue }
            if statement.contains("CONCURRENTLY") { return .unsafe(reason: "it builds or drops concurrently") }
            let idempotent = contains(statement, ["IF", "NOT", "EXISTS"]) || contains(statement, ["IF", "EXISTS"])
                || contains(statement, ["OR", "REPLACE"])
            if !idempotent {
                return .unsafe(reason: "`\(statement.prefix(3).joined(separator: " "))` is not written to be repeated (IF NOT EXISTS, IF EXISTS, OR REPLACE)")
            }
        }
        return .safe
    }

    private static func contains(_ words: [String], _ run: [String]) -> Bool {
        guard words.count >= run.count else { return false }
        return (0...(words.count - run.count)).contains { Array(words[$0..<($0 + run.count)]) == run }
    }
}
