// Parsing the enum operations (EnumOperations.swift). Each entry point is called
// after `create`, `drop`, `rename` or `alter` when the next word is `enum`.
//
//   create_enum := `create` `enum` NAME `(` STRING (`,` STRING)* `)`
//   drop_enum   := `drop` `enum` NAME
//   rename_enum := `rename` `enum` NAME `to` NAME
//   alter_enum  := `alter` `enum` NAME ( `add` `value` STRING [(`before` | `after`) STRING]
//                | `rename` `value` STRING `to` STRING | `drop` `value` STRING )

extension MigParser {
    /// After `create enum`.
    mutating func parseCreateEnum() throws(ParseAbort) -> Operation {
        advance()
        let name = try parseName("an enum", after: "`create enum`")
        guard kind == .leftParen else {
            throw fail(.expectedEnumValue(after: "the enum name", found: found), help: "list the values: `create enum \(name.name) (\"a\", \"b\")`")
        }
        parenDepth += 1
        defer { parenDepth -= 1 }
        let open = advance()
        var values = [try parseEnumValue(after: "`(`")]
        while kind == .comma {
            advance()
            values.append(try parseEnumValue(after: "`,`"))
        }
        try closeParen(open)
        return .createEnum(CreateEnum(name: name, values: values))
    }

    /// After `drop enum`.
    mutating func parseDropEnum() throws(ParseAbort) -> Operation {
        advance()
        return .dropEnum(DropEnum(name: try parseName("an enum", after: "`drop enum`")))
    }

    /// After `rename enum`.
    mutating func parseRenameEnum() throws(ParseAbort) -> Operation {
        advance()
        let name = try parseName("an enum", after: "`rename enum`")
        try consume("to") { .expectedTo(after: "the enum name", found: $0) }
        return .renameEnum(RenameEnum(name: name, newName: try parseName("a new enum", after: "`to`")))
    }

    /// At `alter` followed by `enum`.
    mutating func parseAlterEnum() throws(ParseAbort) -> Operation {
        advance()
        advance()
        let name = try parseName("an enum", after: "`alter enum`")
        let change: AlterEnum.Change
        if at("add") {
            advance()
            try consumeValueKeyword(after: "add")
            let value = try parseEnumValue(after: "`add value`")
            var position: AlterEnum.Position?
            if at("before") || at("after") {
                let before = at("before")
                let keyword = advance()
                let anchor = try parseEnumValue(after: "`\(text(keyword).lowercased())`")
                position = before ? .before(anchor) : .after(anchor)
            }
            change = .addValue(value, position: position)
        } else if at("rename") {
            advance()
            try consumeValueKeyword(after: "rename")
            let value = try parseEnumValue(after: "`rename value`")
            try consume("to") { .expectedTo(after: "the value", found: $0) }
            change = .renameValue(value, to: try parseEnumValue(after: "`to`"))
        } else if at("drop") {
            advance()
            try consumeValueKeyword(after: "drop")
            change = .dropValue(try parseEnumValue(after: "`drop value`"))
        } else {
            throw fail(.expectedEnumChange(found: found), help: wordGuess(["add", "rename", "drop"]) ?? "write `add value \"v\"`, `rename value \"v\" to \"w\"` or `drop value \"v\"`")
        }
        return .alterEnum(AlterEnum(name: name, change: change))
    }

    private mutating func consumeValueKeyword(after verb: String) throws(ParseAbort) {
        guard at("value") else {
            throw fail(.expectedEnumChange(found: found), help: "write `\(verb) value \"...\"`")
        }
        advance()
    }

    /// One enum value: a string on one line.
    private mutating func parseEnumValue(after: String) throws(ParseAbort) -> StringLiteral {
        guard kind == .string else {
            let help = kind == .word || kind == .quotedIdentifier
                ? "enum values are strings: `\"\(short(identifier(current).name))\"`" : nil
            let fix = kind == .word || kind == .quotedIdentifier
                ? [FixIt(replace: span(current), with: Printer.stringLiteral(identifier(current).name))] : []
            throw fail(.expectedEnumValue(after: after, found: found), help: help, fixIts: fix)
        }
        return stringLiteral(advance())
    }
}

extension MigParser {
    /// How messages name an enum operation.
    static func enumOperationName(_ operation: Operation) -> String {
        switch operation {
        case .createEnum: "create enum"
        case .dropEnum: "drop enum"
        case .renameEnum: "rename enum"
        case .alterEnum(let a):
            switch a.change {
            case .addValue: "alter enum add value"
            case .renameValue: "alter enum rename value"
            case .dropValue: "alter enum drop value"
            }
        default: ""
        }
    }
}
