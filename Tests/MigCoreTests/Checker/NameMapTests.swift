import Testing
@testable import MigCore

/// The persistent map behind `Schema.tables` and `Schema.indexes`: a Dictionary's
/// behaviour, with snapshots that share structure.
@Suite struct NameMapTests {
    @Test func behavesLikeADictionaryUnderRandomEdits() {
        var generator = SystemRandomNumberGenerator()
        var map = NameMap<Int>()
        var reference: [String: Int] = [:]
        var snapshots: [(NameMap<Int>, [String: Int])] = []
        for step in 0..<20_000 {
            let key = "k\(Int.random(in: 0..<3_000, using: &generator))"
            if Bool.random(using: &generator) {
                map[key] = step
                reference[key] = step
            } else {
                #expect(map.removeValue(forKey: key) == reference.removeValue(forKey: key))
            }
            if step % 2_000 == 0 { snapshots.append((map, reference)) }
        }
        #expect(map.count == reference.count)
        #expect(Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value) }) == reference)
        // Earlier snapshots are untouched by later edits.
        for (old, expected) in snapshots {
            #expect(Dictionary(uniqueKeysWithValues: old.map { ($0.key, $0.value) }) == expected)
        }
    }

    @Test func equalityAndHashIgnoreInsertionOrder() {
        let a: NameMap<String> = ["x": "1", "y": "2", "z": "3"]
        var b = NameMap<String>()
        for key in ["z", "y", "x"] { b[key] = a[key] }
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        b["x"] = "changed"
        #expect(a != b)
        #expect(NameMap<String>() == [:])
    }

    @Test func collidingHashesShareAList() {
        // Forced collisions exercise the deepest level: equal 64-bit hashes.
        let first = NameMap<Int>.Node.pair("a", 1, 7, "b", 2, 7, shift: 60)
        guard case .child(let node) = first, case .collision(let list) = node.slots.first else {
            Issue.record("expected a collision list at the last level")
            return
        }
        #expect(list.map(\.0) == ["a", "b"])
    }
}
