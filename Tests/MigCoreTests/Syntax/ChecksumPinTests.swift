import Testing
@testable import MigCore

/// Databases store each applied revision's checksum, and `upgrade` refuses to run when
/// it differs from the file's, so a change of SHA-256 implementation (or of what is
/// hashed) must give the same digests. These were recorded with migc's own SHA-256
/// before it moved to swift-crypto, and agree with `migc fmt - < FILE | sha256sum`.
@Suite struct ChecksumPinTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("migc", "ce06a405e8e5bd9ad5a63861d81811e8a0e5cf4a0420fe347ba62072a9a89ee8"),
        ("create table users (\n  id int primary key\n)\n", "5c057763eb1a37ed9720dacb210108d70501efdef415b6699b4ef83c7d91e396"),
        ("é", "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"),
    ])
    func literalStrings(text: String, digest: String) {
        #expect(Checksum.sha256Hex(text) == digest)
        #expect(Checksum.sha256Hex(bytes: Array(text.utf8)) == digest)
        #expect(Checksum.sha256(Array(text.utf8)).count == 32)
    }

    static let pinned: [String: [String: String]] = [
        "blog": [
            "149d439536b3": "99810be5291f2669dde4763036f54833e32b7330768deeca49631910930cc649",
            "216fdaeeb975": "835074cfcd68439d0278e2965141d71eaf1d1140496405eb07dbb31faa9804cd",
            "254770f58904": "32dfc69471b777feafd13d083836a9003b1e5b11a8b185e901e8f5d4617c30b1",
            "4fd12aabfe22": "2d8eb34ed94cd15cb493e4d126bae9c425fd2f9d08e4432ee898b7df423a8c86",
            "53f16947ccf2": "42bed6d7962e731c65740899bd7a422928b9785cd9377daa1259a7e50e764b8c",
            "5ec84d8dbc74": "7904eeadc98521d5326942b32822bc6f84c523470315b28c6d3ecb56856a2159",
            "729fae923d5a": "df794782aae475efb30bbbca3c4c17d8abe59d00f9046540e81419a89f31b544",
            "8f219e9cb0eb": "13b4f30e46a52c88a79f3e143655293402ba30aac28f0899845b30a1f3ea156b",
            "a4c123b1612d": "4ddc6d0d6c4128533278787d4607a141aa602f09b906badf94ebe6c50f42c4a4",
            "d272d1371c17": "ac0be19bee9068466a9062645b7d9bc85ade2a6d065bdd7fd2f0a9b57653d0ae",
        ],
        "shop": [
            "08f86bebb273": "5cdcfc85c7daa24767faff72252c530e820e423df1e3154e0f05523866640184",
            "33feff9243a8": "1a9b5d3760ca5e4715f21bb606d6fc7b602345e32d1e005ad00aed4c0dc2a324",
            "404e4fb44003": "2f61a811ede8b4709aff291d547bf5dd871dc782303b5cc4ae35c73fb23e583a",
            "43b026c48bbf": "94b8bb412c19f3ac284720324e2f500fe5a7593d191c44a427c74e259938b527",
            "6f5da2cec255": "59b2113b92294ab2d752f1922873f5bdcdd85a625d9da56fc68d0011e06d919d",
            "7f6a6f0fb23c": "742aea11a065f8d6f613adb4e6d1bc9c2d27d702f95168041bc80e4d9b00d8fd",
            "b7a767c76fb0": "02bceee2019bf072244b0f5ad00fa44ce53c1a888bae8d0c81e9c9b9be204591",
            "c1626e53a130": "ac2509dc390a6c5bd199133770ad57fd0f194073cd89ddee14ecb06ee6b347d2",
            "dba41ecccc3f": "a0adcc5c19b87ed4edbc5c5016ff879bb1dbe5884af1e655918adcbc737fa72b",
            "f506b40928b5": "e870c830f8cd0c04fe8473909ee76695b779612cae543d622d2d1ab34abb4182",
        ],
    ]

    /// What `upgrade` records in the version table for each example revision.
    @Test(arguments: ["blog", "shop"])
    func exampleRevisions(_ name: String) {
        let (graph, _) = ExampleCoverageTests.graph(name)
        let digests = graph.revisions.mapValues(\.file.checksum)
        #expect(digests == Self.pinned[name])
    }
}
