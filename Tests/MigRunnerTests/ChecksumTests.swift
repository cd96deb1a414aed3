@testable import MigCore
import Testing

/// NIST FIPS 180-4 / CAVP example vectors for SHA-256.
@Suite struct ChecksumTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(input: String, expected: String) {
        #expect(Checksum.sha256Hex(input) == expected)
    }

    @Test func millionAs() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Checksum.sha256Hex(bytes: bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the 55/56/64-byte padding boundaries.
    @Test func paddingBoundaries() {
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
        ]
        for (length, digest) in expected {
            #expect(Checksum.sha256Hex(String(repeating: "a", count: length)) == digest)
        }
    }

    @Test func unicodeIsHashedAsUTF8() {
        #expect(Checksum.sha256Hex("é") == Checksum.sha256Hex(bytes: [0xc3, 0xa9]))
    }
}

/// Issue 10 #13: a revision's checksum does not depend on line endings, and the
/// checksum of an LF file is the one it always had (applied databases keep matching).
@Suite struct RevisionChecksumTests {
    static let lf = "revision r1\nmessage \"m\"\n\nupgrade {\n  sql \"\"\"\n    insert into t values (1);\n    insert into t values (2);\n  \"\"\"\n}\n"

    static func checksum(_ text: String) -> String {
        Parser.parse(source: text, path: "r1.mig").file.checksum
    }

    @Test func lfDigestIsPinned() {
        #expect(Self.checksum(Self.lf) == "54bf1474378866dcc29964c39328d1e9779062a9c67a93b7ffcad063717bf271")
    }

    @Test func crlfAndCRCheckoutsHaveTheLFChecksum() {
        let crlf = Self.lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Self.checksum(crlf) == Self.checksum(Self.lf))
        #expect(Checksum.canonicalLineEndings("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n")
        #expect(Checksum.canonicalLineEndings(Self.lf) == Self.lf)
        // A real edit still changes it.
        #expect(Self.checksum(crlf.replacingOccurrences(of: "(2)", with: "(3)")) != Self.checksum(Self.lf))
    }
}
