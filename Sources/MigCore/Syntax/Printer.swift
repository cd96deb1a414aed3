// The canonical pretty-printer (`migc fmt`, checksums, derived-downgrade display).
//
// Canonical form: header lines in a fixed order with the keyword padded to 8 columns,
// a blank line, `upgrade { ... }`, a blank line, `downgrade { ... }` or
// `downgrade irreversible`. Two-space indentation, one op a line, column names of a
// table aligned. Comments (`Trivia`) are kept where the parser attached them.
// `Parser.parse(source: Printer.print(f))` gives back `f` (exactly: `roundTripNormalized(f)`),
// and printing is idempotent.

public enum Printer {
    /// The whole file as canonical `.mig` text, ending with one newline.
    public static func print(_ file: MigFile) -> String {
        var out = Lines()
        header(file.header, into: &out)
        let blockTrivia = { (key: String) in file.header.trivia[key]?.leading ?? [] }
        if let upgrade = file.upgrade {
            out.blank()
            out.comments(blockTrivia("upgrade"), depth: 0)
            block("upgrade", upgrade, into: &out)
        }
        switch file.downgrade {
        case .block(let downgrade)?:
            out.blank()
            out.comments(blockTrivia("downgrade"), depth: 0)
            block("downgrade", downgrade, into: &out)
        case .irreversible?:
            out.blank()
            out.comments(blockTrivia("downgrade"), depth: 0)
            out.add(0, "downgrade irreversible")
        case nil:
            break
        }
        if !file.trailingComments.isEmpty {
            out.blank()
            out.comments(file.trailingComments, depth: 0)
        }
        return out.text(indent: 0)
    }

    /// Statements one per line (comments included), each line indented by `indent`
    /// spaces; ends with a newline unless empty.
    public static func print(statements: [Statement], indent: Int) -> String {
        var out = Lines()
        self.statements(statements, depth: 0, into: &out)
        return out.text(indent: indent)
    }

    /// The tree `Parser.parse(Printer.print(file))` gives back. Equal to `file` for
    /// anything the parser produced, except one case the tree cannot tell apart once
    /// lines are reordered: comments above the header line printed first end up
    /// among the comments at the top of the file (trivia key `""`). Empty trivia
    /// entries, and block comments of a missing block, disappear.
    public static func roundTripNormalized(_ file: MigFile) -> MigFile {
        var file = file
        var trivia = file.header.trivia
        let h = file.header
        let present: [(String, Bool)] = [
            ("revision", h.revision != nil), ("parent", !h.parents.isEmpty), ("message", h.message != nil),
            ("created", h.created != nil), ("label", !h.labels.isEmpty), ("depends", !h.depends.isEmpty),
            ("replaces", !h.replaces.isEmpty), ("transaction", h.transactionOff != nil),
            ("lock_timeout", h.timeouts.lockTimeout != nil), ("statement_timeout", h.timeouts.statementTimeout != nil),
        ]
        let known = Set(present.map(\.0))
        for (key, _) in trivia where !known.contains(key) && key != "" {
            let keep = (key == "upgrade" && file.upgrade != nil) || (key == "downgrade" && file.downgrade != nil)
            if !keep { trivia[key] = nil }
        }
        for (key, isPresent) in present where !isPresent { trivia[key] = nil }
        if let first = present.first(where: \.1)?.0, let leading = trivia[first]?.leading, !leading.isEmpty {
            trivia["", default: Trivia()].leading += leading
            trivia[first]?.leading = []
        }
        for (key, value) in trivia {
            trivia[key] = Trivia(leading: value.leading, trailing: key == "" || key == "upgrade" || key == "downgrade" ? nil : value.trailing)
            if trivia[key]?.isEmpty == true { trivia[key] = nil }
        }
        file.header.trivia = trivia
        return file
    }

    // MARK: Header

    /// The header keywords in canonical order, with the trivia key of each.
    static func header(_ h: RevisionHeader, into out: inout Lines) {
        if let top = h.trivia[""] { out.comments(top.leading, depth: 0) }
        func line(_ key: String, _ value: String?) {
            guard let value else { return }
            let trivia = h.trivia[key] ?? .none
            out.comments(trivia.leading, depth: 0)
            let keyword = key + String(repeating: " ", count: max(0, 8 - key.count))
            out.add(0, keyword + " " + value, trailing: trivia.trailing)
        }
        func list(_ ids: [Identifier], _ word: (String) -> String) -> String? {
            ids.isEmpty ? nil : ids.map { word($0.name) }.joined(separator: ", ")
        }
        line("revision", h.revision.map { revisionID($0.name) })
        line("parent", list(h.parents, revisionID))
        line("message", h.message.map { stringLiteral($0.value) })
        line("created", h.created.map { timestamp($0.value) })
        line("label", list(h.labels, quoted))
        line("depends", list(h.depends, revisionID))
        line("replaces", list(h.replaces, revisionID))
        if h.transactionOff != nil {
            let trivia = h.trivia["transaction"] ?? .none
            out.comments(trivia.leading, depth: 0)
            out.add(0, "transaction off", trailing: trivia.trailing)
        }
        for (keyword, value) in h.timeouts.lines {
            let trivia = h.trivia[keyword] ?? .none
            out.comments(trivia.leading, depth: 0)
            out.add(0, "\(keyword) \(value)", trailing: trivia.trailing)
        }
    }

    // MARK: Blocks

    static func block(_ keyword: String, _ block: Block, into out: inout Lines) {
        out.add(0, keyword + " {")
        statements(block.statements, depth: 1, into: &out)
        out.comments(block.trailingComments, depth: 1)
        out.add(0, "}")
    }

    /// A statement with leading comments after another statement opens a paragraph:
    /// one blank line before its comments.
    static func statements(_ list: [Statement], depth: Int, into out: inout Lines) {
        for (i, statement) in list.enumerated() {
            if i > 0 && !statement.trivia.leading.isEmpty { out.blank() }
            out.comments(statement.trivia.leading, depth: depth)
            var lines = operation(statement.operation)
            if let trailing = statement.trivia.trailing, !lines.isEmpty {
                lines[lines.count - 1].trailing = trailing
            }
            for line in lines { out.add(depth + line.depth, line.text, trailing: line.trailing) }
        }
    }
}

/// Output lines with a nesting depth each. A line's text may hold newlines of a
/// triple-quoted string: those are printed verbatim, never re-indented.
struct Lines {
    struct Line {
        var depth: Int
        var text: String
        var trailing: String?
    }

    private(set) var lines: [Line?] = []   // nil = blank line

    mutating func add(_ depth: Int, _ text: String, trailing: String? = nil) {
        lines.append(Line(depth: depth, text: text, trailing: trailing))
    }

    mutating func add(_ line: Line, depth: Int) {
        lines.append(Line(depth: depth + line.depth, text: line.text, trailing: line.trailing))
    }

    /// One blank line; never two in a row, never at the start.
    mutating func blank() {
        if let last = lines.last, last != nil { lines.append(nil) }
    }

    mutating func comments(_ texts: [String], depth: Int) {
        for text in texts { add(depth, "--" + text) }
    }

    func text(indent: Int) -> String {
        var out = ""
        for line in lines {
            guard let line else { out += "\n"; continue }
            out += String(repeating: " ", count: indent + 2 * line.depth) + line.text
            if let trailing = line.trailing { out += " --" + trailing }
            out += "\n"
        }
        return out
    }
}
