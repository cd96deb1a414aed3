// The grammar of a quoted pass-through type (`"tsvector"`, `"double precision"`,
// `"varchar(10)[]"`, `"enum('a','b')"`). Its text reaches every dialect verbatim, so
// it must be one type and nothing more: a comma, a semicolon, a comment or a keyword
// such as `references` or `default` could otherwise end the type and start SQL the
// model does not know (`"int, DROP COLUMN secret"`). Only `sql` blocks pass free text.
//
//   custom_type := name_part (' '+ type_word)* ('[' digits? ']')*
//   name_part   := name ('.' name)? ('(' argument (',' argument)* ')')?
//   type_word   := one of `typeWords` (precision, varying, with, time, zone...), with
//                  its own optional `(` arguments `)`: `timestamp(3) with time zone`
//   name        := [A-Za-z_][A-Za-z0-9_]* | `"` (any but `"`, control; `""` doubled) `"`
//   argument    := ' '* (digits | name | `'` (any but `'`, `\`, control; `''`) `'`) ' '*

public enum CustomTypeGrammar {
    /// Words that may follow the type's name: the multi-word spellings of SQL types
    /// (`double precision`, `character varying`, `timestamp with time zone`,
    /// `interval day to second`, MySQL's `int unsigned`). None of them starts a
    /// column constraint.
    public static let typeWords: Set<String> = [
        "precision", "varying", "with", "without", "time", "zone", "unsigned", "signed",
        "zerofill", "large", "object", "national", "character", "char", "varchar", "long",
        "year", "month", "day", "hour", "minute", "second", "to", "binary", "double",
    ]

    /// Where `text` leaves the grammar: the byte offset and what was expected there;
    /// nil when it is one valid type.
    public static func violation(in text: String) -> (offset: Int, expected: String)? {
        var scanner = TypeScanner(bytes: Array(text.utf8))
        return scanner.check()
    }

    public static func isValid(_ text: String) -> Bool { violation(in: text) == nil }
}

private struct TypeScanner {
    let bytes: [UInt8]
    var i = 0

    func byte(_ at: Int) -> UInt8 { at < bytes.count ? bytes[at] : 0 }

    mutating func check() -> (offset: Int, expected: String)? {
        if let error = namePart(qualified: true) { return error }
        while byte(i) == 32 {
            while byte(i) == 32 { i += 1 }
            if i == bytes.count { return (i, "no trailing space") }
            if byte(i) == UInt8(ascii: "[") { break }
            let start = i
            guard bareName() else { return (start, "a type word such as `precision`, `varying` or `with time zone`") }
            let word = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
            guard CustomTypeGrammar.typeWords.contains(word) else {
                return (start, "a type word such as `precision`, `varying` or `with time zone`, not `\(short(word))`")
            }
            if let error = arguments() { return error }
        }
        while byte(i) == UInt8(ascii: "[") {
            i += 1
            while isDigit(byte(i)) { i += 1 }
            guard byte(i) == UInt8(ascii: "]") else { return (i, "`]`") }
            i += 1
        }
        return i == bytes.count ? nil : (i, "the end of the type")
    }

    /// name ('.' name)? ('(' arguments ')')?
    mutating func namePart(qualified: Bool) -> (offset: Int, expected: String)? {
        guard name() else { return (i, "a type name") }
        if qualified, byte(i) == UInt8(ascii: ".") {
            i += 1
            guard name() else { return (i, "a type name after `.`") }
        }
        return arguments()
    }

    mutating func arguments() -> (offset: Int, expected: String)? {
        guard byte(i) == UInt8(ascii: "(") else { return nil }
        i += 1
        repeat {
            if byte(i) == UInt8(ascii: ",") { i += 1 }
            while byte(i) == 32 { i += 1 }
            guard argument() else { return (i, "an integer, a name or a `'...'` string as a type argument") }
            while byte(i) == 32 { i += 1 }
        } while byte(i) == UInt8(ascii: ",")
        guard byte(i) == UInt8(ascii: ")") else { return (i, "`,` or `)` after a type argument") }
        i += 1
        return nil
    }

    mutating func argument() -> Bool {
        if isDigit(byte(i)) {
            while isDigit(byte(i)) { i += 1 }
            return true
        }
        if byte(i) == UInt8(ascii: "'") { return delimited(UInt8(ascii: "'")) }
        return name()
    }

    mutating func name() -> Bool {
        if byte(i) == UInt8(ascii: "\"") { return delimited(UInt8(ascii: "\"")) }
        return bareName()
    }

    mutating func bareName() -> Bool {
        let b = byte(i)
        guard b == UInt8(ascii: "_") || (b | 0x20 >= 97 && b | 0x20 <= 122) else { return false }
        while isWordByte(byte(i)) { i += 1 }
        return true
    }

    /// `q...q` with `qq` for a `q` inside; no control characters (a line break or NUL
    /// would end the statement in some drivers). MySQL reads `\` as an escape in a
    /// string literal, so literals may not hold one.
    mutating func delimited(_ quote: UInt8) -> Bool {
        let start = i
        i += 1
        while i < bytes.count {
            let b = bytes[i]
            if b == quote {
                if byte(i + 1) == quote { i += 2; continue }
                i += 1
                return i - start > 2
            }
            if b < 0x20 || b == 0x7F || b == UInt8(ascii: "\\") { return false }
            i += 1
        }
        return false
    }
}
