extension MigParser {
    /// Common names from other databases, for "did you mean".
    static let typeAliases: [String: String] = [
        "integer": "int", "int4": "int", "int8": "bigint", "int2": "smallint", "serial": "int",
        "bigserial": "bigint", "boolean": "bool", "string": "text", "datetime": "timestamp",
        "float": "double", "float8": "double", "float4": "real", "numeric": "decimal",
        "bytea": "blob", "binary": "blob", "jsonb": "json", "character": "char", "longtext": "text",
        "tinyint": "smallint", "mediumint": "int",
    ]

    /// type := PORTABLE_TYPE [`(` INT [`,` INT] `)`] | STRING
    mutating func parseType() throws(ParseAbort) -> TypeReference {
        let start = current.start
        if kind == .string || kind == .tripleString {
            let token = advance()
            let literal = stringLiteral(token)
            if literal.value.allSatisfy(\.isWhitespace) {
                report(.emptyCustomType, at: literal.span)
            } else if let violation = CustomTypeGrammar.violation(in: literal.value) {
                reportInvalidCustomType(literal, token, violation)
            }
            if kind == .brackets {
                report(.arrayOfQuotedType, at: span(current), help: "write the brackets inside the quotes: `\"\(short(literal.value))[]\"`")
                advance()
            }
            return TypeReference(.custom(literal.value), span: literal.span)
        }
        if kind == .quotedIdentifier { return try parseArraySuffix(enumReference(), start: start) }
        guard kind == .word else {
            throw fail(.expectedType(found: found), help: "types are `int`, `bigint`, `text`, `varchar(n)`, `decimal(p, s)`, `timestamp`...; a quoted type passes through: `\"tsvector\"`")
        }
        // A loop, not `firstIndex(where:)`: a closure here would copy the parser.
        var typeIndex = 0
        while typeIndex < Self.typeKeywords.count, !isWord(current, Self.typeKeywords[typeIndex]) { typeIndex += 1 }
        guard typeIndex < Self.typeKeywords.count else { return try parseArraySuffix(try unknownType(), start: start) }
        let name = ColumnType.keywords[typeIndex]
        let nameToken = advance()
        let arguments = try parseTypeArguments(name, isDecimal: typeIndex == 5)
        let type = try columnType(typeIndex, arguments, nameToken)
        return try parseArraySuffix(type, start: start)
    }

    /// `[]` after a type makes it an array; one level (PostgreSQL ignores more).
    mutating func parseArraySuffix(_ type: ColumnType, start: Int) throws(ParseAbort) -> TypeReference {
        guard kind == .brackets else { return TypeReference(type, span: span(from: start)) }
        advance()
        if kind == .brackets {
            report(.nestedArray, at: span(current), help: "PostgreSQL treats `T[][]` as `T[]`: write one `[]`")
            while kind == .brackets { advance() }
        }
        return TypeReference(.array(type), span: span(from: start))
    }

    /// A name that is no portable type: an enum the checker resolves.
    mutating func enumReference() -> ColumnType {
        .enumeration(EnumTypeReference(name: identifier(advance()).name))
    }

    /// A quoted type that is more than one type: the error points at the first byte
    /// outside the grammar when the string has no escapes (so bytes map to columns).
    mutating func reportInvalidCustomType(_ literal: StringLiteral, _ token: Token, _ violation: (offset: Int, expected: String)) {
        var at = literal.span
        let plain = token.kind == .string && literal.value.utf8.count + 2 == token.end - token.start
        if plain, !literal.value.utf8.contains(10) {
            var start = at.start
            start.offset += 1 + violation.offset
            start.column += 1 + violation.offset
            var end = start
            let rest = literal.value.utf8.count - violation.offset
            end.offset += max(1, rest)
            end.column += max(1, rest)
            at = SourceSpan(file: at.file, start: start, end: rest > 0 ? end : start)
        }
        report(.invalidCustomType(literal.value), at: at, label: "expected \(violation.expected)",
               help: "a quoted type is one type: a name with optional `(arguments)`, type words and `[]` (`\"tsvector\"`, `\"double precision\"`, `\"varchar(10)[]\"`); other SQL belongs in a `sql` block")
    }

    /// Same order as `ColumnType.keywords`, matched on bytes without a `String`.
    static let typeKeywords: [StaticString] = [
        "smallint", "int", "bigint", "real", "double", "decimal", "bool", "text", "varchar",
        "char", "blob", "date", "time", "timestamp", "timestamptz", "uuid", "json",
        "interval", "jsontext",
    ]

    /// A word that is no portable type names an enum, unless it is a modifier (a
    /// missing type) or another database's type name (`integer`, `string`...).
    mutating func unknownType() throws(ParseAbort) -> ColumnType {
        let name = lowercased(current)
        if !Self.modifierKeywords.contains(name) && Self.typeAliases[name] == nil { return enumReference() }
        if Self.modifierKeywords.contains(name) {
            throw fail(.expectedType(found: found), help: "write the type before the modifiers: `name TYPE \(name) ...`")
        }
        let guess = Self.typeAliases[name] ?? Suggest.closest(to: name, in: ColumnType.keywords)
        let written = short(text(current))
        throw fail(.unknownType(written), label: "not a portable type",
                   help: guess.map { "did you mean `\($0)`? (a quoted type passes through verbatim: `\"\(written)\"`)" }
                       ?? "a quoted type passes through verbatim: `\"\(written)\"`",
                   fixIts: guess.map { [FixIt(replace: span(current), with: $0)] } ?? [])
    }

    /// The integers in a type's parentheses (kept off the heap: every column has a type).
    struct TypeArguments {
        var first: Int?
        var second: Int?
        var count = 0
        var span: SourceSpan?
    }

    /// `(` INT (`,` INT)* `)`, with the span of the list. Empty when absent.
    mutating func parseTypeArguments(_ name: String, isDecimal: Bool) throws(ParseAbort) -> TypeArguments {
        var arguments = TypeArguments()
        guard kind == .leftParen else { return arguments }
        parenDepth += 1
        defer { parenDepth -= 1 }
        let open = advance()
        repeat {
            if arguments.count > 0 { advance() }
            let what = isDecimal ? (arguments.count == 0 ? "precision" : "scale") : "length"
            guard kind == .number, bytes[current.start..<current.end].allSatisfy(isDigit) else {
                throw fail(.expectedInteger(what: what, found: found))
            }
            let token = advance()
            var value = 0
            for b in bytes[token.start..<token.end] {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(b - 48))
                if o1 || o2 || a > Int(Int32.max) {
                    report(.integerTooLarge(text(token)), at: span(token))
                    value = Int(Int32.max)
                    break
                }
                value = a
            }
            if value == 0, !(isDecimal && arguments.count == 1) { report(.zeroLength(type: name, what: what), at: span(token)) }
            if arguments.count == 0 { arguments.first = value } else if arguments.count == 1 { arguments.second = value }
            arguments.count += 1
        } while kind == .comma
        try closeParen(open)
        arguments.span = span(from: open.start)
        return arguments
    }

    mutating func columnType(_ typeIndex: Int, _ arguments: TypeArguments, _ nameToken: Token) throws(ParseAbort) -> ColumnType {
        let name = ColumnType.keywords[typeIndex]
        let maximum = typeIndex == 5 ? 2 : (typeIndex == 7 || typeIndex == 8 || typeIndex == 9) ? 1 : 0
        if arguments.count > maximum, let argSpan = arguments.span {
            report(.tooManyTypeArguments(name, max: maximum), at: argSpan,
                   help: maximum == 0 ? nil : name == "decimal" ? "write `decimal(precision, scale)`" : "write `\(name)(length)`")
        }
        if typeIndex == 5, let precision = arguments.first, let scale = arguments.second, scale > precision, let argSpan = arguments.span {
            report(.scaleExceedsPrecision(scale: scale, precision: precision), at: argSpan)
        }
        switch typeIndex {
        case 0: return .smallint
        case 1: return .int
        case 2: return .bigint
        case 3: return .real
        case 4: return .double
        case 5: return .decimal(precision: arguments.first, scale: arguments.second)
        case 6: return .bool
        case 7: return arguments.first.map { .sizedText($0) } ?? .text
        case 8, 9:
            if typeIndex == 8 && arguments.first == nil { return .unboundedVarchar }
            guard let length = arguments.first else {
                report(.missingTypeArgument(name), at: span(nameToken), label: "expected `(length)` after it",
                       help: "write `\(name)(255)`", fixIts: [FixIt(replace: span(nameToken), with: name + "(255)")])
                throw ParseAbort()
            }
            return typeIndex == 8 ? .varchar(length) : .char(length)
        case 10: return .blob
        case 11: return .date
        case 12: return .time
        case 13: return .timestamp
        case 14: return .timestamptz
        case 15: return .uuid
        case 16: return .json
        case 17: return .interval
        default: return .jsonText
        }
    }
}
