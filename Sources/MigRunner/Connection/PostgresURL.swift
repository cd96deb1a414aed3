// The PostgreSQL half of `DatabaseURL`: libpq's URI form, parsed by hand so the
// runner knows the parts (to redact the password, to pass socket directories) and
// hands libpq keyword/value pairs instead of a string it would re-parse.

enum PostgresURLParser {
    typealias Target = DatabaseURL.PostgresTarget

    /// `rest` is everything after `postgres:`; it must start with `//`.
    static func parse(_ rest: String, input: String) throws(DatabaseURLError) -> Target {
        guard rest.hasPrefix("//") else {
            throw DatabaseURLError(input: input, reason: "expected `//` after the scheme, as in `postgres://user@host/db`")
        }
        var body = Substring(rest.dropFirst(2))
        var query: Substring = ""
        if let q = body.firstIndex(of: "?") {
            query = body[body.index(after: q)...]
            body = body[..<q]
        }
        var authority = body
        var path: Substring = ""
        if let slash = body.firstIndex(of: "/") {
            authority = body[..<slash]
            path = body[body.index(after: slash)...]
        }
        var target = Target()
        try parseAuthority(authority, into: &target, input: input)
        if !path.isEmpty { target.database = try decode(path, input: input) }
        try parseQuery(query, into: &target, input: input)
        return target
    }

    private static func parseAuthority(_ authority: Substring, into target: inout Target, input: String) throws(DatabaseURLError) {
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                target.user = try decode(userInfo[..<colon], input: input)
                target.password = try decode(userInfo[userInfo.index(after: colon)...], input: input)
            } else if !userInfo.isEmpty {
                target.user = try decode(userInfo, input: input)
            }
        }
        var host = hostPort
        var port: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else {
                throw DatabaseURLError(input: input, reason: "unclosed `[` in an IPv6 host")
            }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = hostPort[..<colon]
            port = hostPort[hostPort.index(after: colon)...]
        }
        if !host.isEmpty { target.host = try decode(host, input: input) }
        if let port, !port.isEmpty { target.port = try parsePort(port, input: input) }
    }

    private static func parseQuery(_ query: Substring, into target: inout Target, input: String) throws(DatabaseURLError) {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decode(parts[0], input: input)
            let value = parts.count > 1 ? try decode(parts[1], input: input) : ""
            switch key {
            case "host": target.host = value
            case "port": target.port = try parsePort(Substring(value), input: input)
            case "user": target.user = value
            case "password": target.password = value
            case "dbname": target.database = value
            default: target.options.append(.init(key: key, value: value))
            }
        }
    }

    private static func parsePort(_ text: Substring, input: String) throws(DatabaseURLError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw DatabaseURLError(input: input, reason: "invalid port `\(text)`")
        }
        return port
    }

    static func decode(_ text: Substring, input: String) throws(DatabaseURLError) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard iterator.count >= 2, let hi = hexValue(iterator.removeFirst()), let lo = hexValue(iterator.removeFirst()) else {
                throw DatabaseURLError(input: input, reason: "invalid percent-escape")
            }
            bytes.append(hi << 4 | lo)
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw DatabaseURLError(input: input, reason: "percent-escapes do not decode to UTF-8")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) {
                out.append(c)
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return out
    }

    /// The URL form of `target`; socket directories go in `?host=` to stay readable.
    static func format(_ target: Target, redactPassword: Bool) -> String {
        var out = "postgres://"
        if let user = target.user {
            out += encode(user)
            if let password = target.password { out += ":" + (redactPassword ? "***" : encode(password)) }
            out += "@"
        }
        var query: [String] = []
        if let host = target.host {
            if target.isUnixSocket { query.append("host=\(host)") } else { out += host.contains(":") ? "[\(host)]" : host }
        }
        if let port = target.port { out += target.isUnixSocket ? "" : ":\(port)" }
        if target.isUnixSocket, let port = target.port { query.append("port=\(port)") }
        out += "/" + encode(target.database ?? "")
        query += target.options.map { option in
            let secret = redactPassword && option.key.lowercased().hasSuffix("password")
            return "\(encode(option.key))=\(secret ? "***" : encode(option.value))"
        }
        if !query.isEmpty { out += "?" + query.joined(separator: "&") }
        return out
    }

    /// Best-effort redaction of text that may not parse: hides `user:PASSWORD@` and
    /// `password=...` (`sslpassword=` too) so error messages never echo a secret.
    static func redactRaw(_ text: String) -> String {
        var out = text
        for range in secretRanges(in: text).reversed() { out.replaceSubrange(range, with: "***") }
        return out
    }

    /// The secrets in `text`, in order. A password may hold an unencoded `/`, `?` or
    /// `@` (the URL then fails to parse), so it runs from the first `:` after the
    /// scheme to the *last* `@`: when in doubt, more is hidden, never less. The
    /// authority starts after `scheme:` (and `//` when written): a URL missing its
    /// slashes must not print its password either.
    static func secretRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var searchFrom = text.startIndex
        if let schemeEnd = text.firstIndex(of: ":") {
            var start = text.index(after: schemeEnd)
            if text[start...].hasPrefix("//") { start = text.index(start, offsetBy: 2) }
            if let at = text[start...].lastIndex(of: "@"), let colon = text[start..<at].firstIndex(of: ":") {
                ranges.append(text.index(after: colon)..<at)
                searchFrom = at
            }
        }
        var rest = text[searchFrom...]
        while let range = rest.firstRange(of: "password=") {
            let end = rest[range.upperBound...].firstIndex { $0 == "&" || $0 == " " } ?? rest.endIndex
            ranges.append(range.upperBound..<end)
            rest = rest[end...]
        }
        return ranges
    }

    /// `reason` with every quoted part that comes from a secret of `input` hidden
    /// (`invalid port \`pa\`` for a password `pa/ss` read as `host:port`).
    static func redactReason(_ reason: String, input: String) -> String {
        let secrets = secretRanges(in: input).map { input[$0] }.filter { !$0.isEmpty }
        guard !secrets.isEmpty else { return reason }
        let parts = reason.split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().map { k, part in
            k % 2 == 1 && !part.isEmpty && secrets.contains { $0.contains(part) || part.contains($0) } ? "***" : String(part)
        }.joined(separator: "`")
    }
}
