// Names the databases would take differently from the model: longer than
// PostgreSQL keeps (it cuts identifiers at 63 bytes without a word, so two long
// names can become one), or the names of migc's own tables and SQLite's.

extension OpChecker {
    /// PostgreSQL's NAMEDATALEN - 1.
    static let maximumNameBytes = 63

    /// Tables migc owns, and prefixes of names migc or SQLite use for themselves.
    static let reservedTables: Set<String> = ["migc_version", "migc_history"]
    static let reservedPrefixes = ["_migc_new_", "sqlite_"]

    /// E122 for a reserved table name (or an index or constraint name in SQLite's
    /// `sqlite_` space, which SQLite refuses), E123 for a name over 63 bytes.
    mutating func checkNewName(_ id: Identifier, kind: String) {
        let lower = id.name.lowercased()
        let reservedTable = Self.reservedTables.contains(lower) || Self.reservedPrefixes.contains(where: { lower.hasPrefix($0) })
        if kind == "table" ? reservedTable : kind != "column" && lower.hasPrefix("sqlite_") {
            error(.reservedName, "\(kind) name `\(id.name)` is reserved", at: id.span,
                  help: "`migc_version` and `migc_history` are migc's own tables, `_migc_new_*` its SQLite rebuilds, `sqlite_*` SQLite's; choose another name")
        }
        if id.name.utf8.count > Self.maximumNameBytes {
            error(.nameTooLong, "\(kind) name `\(short(id.name))` is \(id.name.utf8.count) bytes long; PostgreSQL keeps only \(Self.maximumNameBytes)",
                  at: id.span, help: "shorten it: PostgreSQL would cut it silently, so two long names could become one")
        }
    }
}
