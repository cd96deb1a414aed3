/// Writes the text of a new revision file (`migc new`, `migc merge`), in canonical
/// `fmt` form so a fresh file never shows up in `migc fmt --check`.
public enum NewRevision {
    /// A fresh 12-hex-digit id not in `taken` (Alembic's length, lowercase).
    public static func freshID(taken: Set<String>, using generator: inout some RandomNumberGenerator) -> String {
        while true {
            let value = UInt64.random(in: 0..<(1 << 48), using: &generator)
            let hex = String(value, radix: 16)
            let id = String(repeating: "0", count: 12 - hex.count) + hex
            if !taken.contains(where: { $0 == id || $0.hasPrefix(id) || id.hasPrefix($0) }) { return id }
        }
    }

    /// `add accounts!` -> `add_accounts`: lowercase ASCII letters and digits, `_`
    /// between words, at most 40 characters.
    public static func slug(_ message: String) -> String {
        var out = ""
        var pendingSeparator = false
        for scalar in message.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSeparator, !out.isEmpty { out.append("_") }
                out.unicodeScalars.append(scalar)
                pendingSeparator = false
            } else {
                pendingSeparator = true
            }
            if out.count >= 40 { break }
        }
        return out.isEmpty ? "revision" : out
    }

    public static func fileName(id: String, message: String) -> String { "\(id)_\(slug(message)).mig" }

    /// The file's text: the header, and for an ordinary revision an `upgrade` block
    /// holding a hint. A merge (two or more parents) has no blocks: it only joins branches.
    public static func text(
        id: String, parents: [String], message: String, created: String, labels: [String] = [],
        depends: [String] = []
    ) -> String {
        let header = RevisionHeader(
            revision: Identifier(id), parents: parents.map { Identifier($0) },
            message: StringLiteral(message), created: StringLiteral(created),
            labels: labels.map { Identifier($0) }, depends: depends.map { Identifier($0) })
        let upgrade: Block? = parents.count > 1 ? nil : Block(
            statements: [],
            trailingComments: [" operations go here, one a line; e.g. create table, add column (docs/language.md)",
                               " a downgrade block is derived when you leave it out"])
        let file = MigFile(path: fileName(id: id, message: message), header: header, upgrade: upgrade, downgrade: nil, span: .synthesized)
        return Printer.print(file)
    }
}
