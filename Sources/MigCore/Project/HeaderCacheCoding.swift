// The byte format of the header cache: unsigned LEB128 varints, zigzag for signed
// numbers, strings as length + UTF-8. Every field of `RevisionHeader` is kept, spans
// and trivia included, so a header read from the cache is exactly the parsed one.
// Decoding is bounds-checked throughout: a damaged file throws, never traps.

struct CacheCorrupt: Error {}

struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func int(_ value: Int) { signed(Int64(value)) }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        unsigned(UInt64(utf8.count))
        bytes += utf8
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }
}

struct ByteReader {
    let bytes: [UInt8]
    var position = 0
    /// Where the readable part ends (the checksum follows it).
    let end: Int

    init(_ bytes: [UInt8], end: Int) {
        self.bytes = bytes
        self.end = end
    }

    var atEnd: Bool { position == end }

    mutating func byte() throws(CacheCorrupt) -> UInt8 {
        guard position < end else { throw CacheCorrupt() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() throws(CacheCorrupt) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw CacheCorrupt() }
            value |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func signed() throws(CacheCorrupt) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func int() throws(CacheCorrupt) -> Int {
        let value = try signed()
        guard let int = Int(exactly: value) else { throw CacheCorrupt() }
        return int
    }

    /// A count of things still to read: never more than the bytes left.
    mutating func count() throws(CacheCorrupt) -> Int {
        let value = try unsigned()
        guard value <= UInt64(end - position) else { throw CacheCorrupt() }
        return Int(value)
    }

    mutating func string() throws(CacheCorrupt) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    mutating func flag() throws(CacheCorrupt) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw CacheCorrupt()
        }
    }
}

// MARK: Headers

extension ByteWriter {
    /// `path` is the file's own path: spans in it are written without repeating it.
    mutating func header(_ h: RevisionHeader, path: String) {
        optional(h.revision) { $0.identifier($1, path: path) }
        identifiers(h.parents, path: path)
        optional(h.message) { $0.literal($1, path: path) }
        optional(h.created) { $0.literal($1, path: path) }
        identifiers(h.labels, path: path)
        identifiers(h.depends, path: path)
        identifiers(h.replaces, path: path)
        optional(h.transactionOff) { $0.span($1, path: path) }
        for value in [h.timeouts.lockTimeout, h.timeouts.statementTimeout] {
            optional(value) { w, duration in
                w.unsigned(UInt64(duration.milliseconds))
                w.span(duration.span, path: path)
            }
        }
        unsigned(UInt64(h.trivia.count))
        for key in h.trivia.keys.sorted() {
            string(key)
            trivia(h.trivia[key]!)
        }
        span(h.span, path: path)
    }

    private mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        flag(value != nil)
        if let value { write(&self, value) }
    }

    private mutating func identifiers(_ list: [Identifier], path: String) {
        unsigned(UInt64(list.count))
        for id in list { identifier(id, path: path) }
    }

    private mutating func identifier(_ id: Identifier, path: String) {
        string(id.name)
        span(id.span, path: path)
    }

    private mutating func literal(_ literal: StringLiteral, path: String) {
        string(literal.value)
        span(literal.span, path: path)
    }

    private mutating func trivia(_ t: Trivia) {
        unsigned(UInt64(t.leading.count))
        for line in t.leading { string(line) }
        optional(t.trailing) { $0.string($1) }
    }

    private mutating func span(_ s: SourceSpan, path: String) {
        if s.file == path {
            flag(false)
        } else {
            flag(true)
            string(s.file)
        }
        for location in [s.start, s.end] {
            int(location.line)
            int(location.column)
            int(location.offset)
        }
    }
}

extension ByteReader {
    mutating func header(path: String) throws(CacheCorrupt) -> RevisionHeader {
        var h = RevisionHeader()
        if try flag() { h.revision = try identifier(path: path) }
        h.parents = try identifiers(path: path)
        if try flag() { h.message = try literal(path: path) }
        if try flag() { h.created = try literal(path: path) }
        h.labels = try identifiers(path: path)
        h.depends = try identifiers(path: path)
        h.replaces = try identifiers(path: path)
        if try flag() { h.transactionOff = try span(path: path) }
        if try flag() { h.timeouts.lockTimeout = TimeoutDuration(milliseconds: Int(try unsigned()), span: try span(path: path)) }
        if try flag() { h.timeouts.statementTimeout = TimeoutDuration(milliseconds: Int(try unsigned()), span: try span(path: path)) }
        for _ in 0..<(try count()) {
            let key = try string()
            h.trivia[key] = try trivia()
        }
        h.span = try span(path: path)
        return h
    }

    private mutating func identifiers(path: String) throws(CacheCorrupt) -> [Identifier] {
        var list: [Identifier] = []
        for _ in 0..<(try count()) { list.append(try identifier(path: path)) }
        return list
    }

    private mutating func identifier(path: String) throws(CacheCorrupt) -> Identifier {
        let name = try string()
        return Identifier(name, span: try span(path: path))
    }

    private mutating func literal(path: String) throws(CacheCorrupt) -> StringLiteral {
        let value = try string()
        return StringLiteral(value, span: try span(path: path))
    }

    private mutating func trivia() throws(CacheCorrupt) -> Trivia {
        var t = Trivia()
        for _ in 0..<(try count()) { t.leading.append(try string()) }
        if try flag() { t.trailing = try string() }
        return t
    }

    private mutating func span(path: String) throws(CacheCorrupt) -> SourceSpan {
        let file = try flag() ? string() : path
        let start = try SourceLocation(line: int(), column: int(), offset: int())
        let end = try SourceLocation(line: int(), column: int(), offset: int())
        return SourceSpan(file: file, start: start, end: end)
    }
}

/// FNV-1a, 64 bits: catches a torn or damaged cache file (not an adversary).
func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
        hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3
    }
    return hash
}
