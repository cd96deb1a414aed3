// A persistent map from names to values (a hash array mapped trie): changing one
// entry copies only the path to it (at most 13 small nodes), and shares the rest
// with the map it came from. The checker keeps the schema before and after every op
// (`OpStep`); with a Swift Dictionary each of those snapshots was a full copy, so one
// revision creating N tables held N²/2 table entries (3,000 tables: 1.75 GB). With
// this map it holds O(N log N) nodes.
//
// Iteration order is unspecified, as a Dictionary's: sort for deterministic output.

public struct NameMap<Value: Hashable & Sendable>: Sendable {
    private var root: Node?
    public private(set) var count: Int = 0

    public init() {}

    public init(_ dictionary: [String: Value]) {
        for (key, value) in dictionary { self[key] = value }
    }

    public var isEmpty: Bool { count == 0 }

    public subscript(key: String) -> Value? {
        get { root?.find(key, hash: Self.hash(key), shift: 0) }
        set {
            if let newValue {
                let (node, added) = (root ?? Node.empty).inserting(key, newValue, hash: Self.hash(key), shift: 0)
                root = node
                if added { count += 1 }
            } else {
                removeValue(forKey: key)
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? {
        guard let root, let old = root.find(key, hash: Self.hash(key), shift: 0) else { return nil }
        let node = root.removing(key, hash: Self.hash(key), shift: 0)
        self.root = node.slots.isEmpty ? nil : node
        count -= 1
        return old
    }

    /// Lazy, like Dictionary's: scanning names must not copy every value.
    public var keys: LazyMapSequence<NameMap, String> { lazy.map(\.key) }
    public var values: LazyMapSequence<NameMap, Value> { lazy.map(\.value) }

    /// The first key (in iteration order) satisfying `predicate`, found by walking
    /// the nodes directly: the checker scans every name per op (case-insensitive
    /// collisions), and this is that scan without an iterator or value copies.
    public func firstKey(where predicate: (String) -> Bool) -> String? {
        root?.firstKey(where: predicate)
    }

    /// Calls `body` with every value, walking the nodes directly (no iterator).
    public func forEachValue(_ body: (Value) -> Void) {
        root?.forEachValue(body)
    }

    public func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> NameMap<T> {
        var out = NameMap<T>()
        for (key, value) in self { out[key] = try transform(value) }
        return out
    }

    static func hash(_ key: String) -> UInt64 { UInt64(bitPattern: Int64(key.hashValue)) }

    // MARK: Nodes

    /// 32 slots per node, 5 bits of the hash per level; past the last level (64 bits
    /// used), keys with equal hashes share a collision list.
    final class Node: Sendable {
        enum Slot: Sendable {
            // Boxed: walks copy a slot per entry, and a boxed one costs one retain, not a Table's worth.
            indirect case entry(String, Value)
            case child(Node)
            case collision([(String, Value)])
        }

        let bitmap: UInt32
        let slots: [Slot]

        init(bitmap: UInt32, slots: [Slot]) {
            self.bitmap = bitmap
            self.slots = slots
        }

        static var empty: Node { Node(bitmap: 0, slots: []) }

        static func bit(_ hash: UInt64, _ shift: UInt64) -> UInt32 { 1 << UInt32((hash >> shift) & 31) }
        func position(_ bit: UInt32) -> Int { (bitmap & (bit &- 1)).nonzeroBitCount }

        func find(_ key: String, hash: UInt64, shift: UInt64) -> Value? {
            let bit = Self.bit(hash, shift)
            guard bitmap & bit != 0 else { return nil }
            switch slots[position(bit)] {
            case .entry(let k, let v): return k == key ? v : nil
            case .child(let node): return node.find(key, hash: hash, shift: shift + 5)
            case .collision(let list): return list.first { $0.0 == key }?.1
            }
        }

        func firstKey(where predicate: (String) -> Bool) -> String? {
            for slot in slots {
                switch slot {
                case .entry(let k, _): if predicate(k) { return k }
                case .child(let node): if let k = node.firstKey(where: predicate) { return k }
                case .collision(let list): if let k = list.first(where: { predicate($0.0) })?.0 { return k }
                }
            }
            return nil
        }

        func forEachValue(_ body: (Value) -> Void) {
            for i in slots.indices {
                switch slots[i] {
                case .entry(_, let v): body(v)
                case .child(let node): node.forEachValue(body)
                case .collision(let list): list.forEach { body($0.1) }
                }
            }
        }

        func inserting(_ key: String, _ value: Value, hash: UInt64, shift: UInt64) -> (Node, added: Bool) {
            let bit = Self.bit(hash, shift)
            let i = position(bit)
            guard bitmap & bit != 0 else {
                var slots = self.slots
                slots.insert(.entry(key, value), at: i)
                return (Node(bitmap: bitmap | bit, slots: slots), true)
            }
            let replacement: Slot
            var added = true
            switch slots[i] {
            case .entry(let k, let v):
                if k == key {
                    replacement = .entry(key, value)
                    added = false
                } else {
                    replacement = Self.pair(k, v, NameMap.hash(k), key, value, hash, shift: shift + 5)
                }
            case .child(let node):
                let (child, childAdded) = node.inserting(key, value, hash: hash, shift: shift + 5)
                replacement = .child(child)
                added = childAdded
            case .collision(var list):
                if let j = list.firstIndex(where: { $0.0 == key }) {
                    list[j].1 = value
                    added = false
                } else {
                    list.append((key, value))
                }
                replacement = .collision(list)
            }
            var slots = self.slots
            slots[i] = replacement
            return (Node(bitmap: bitmap, slots: slots), added)
        }

        /// Two entries whose hashes agreed up to `shift`.
        static func pair(_ k1: String, _ v1: Value, _ h1: UInt64, _ k2: String, _ v2: Value, _ h2: UInt64, shift: UInt64) -> Slot {
            guard shift < 64 else { return .collision([(k1, v1), (k2, v2)]) }
            let b1 = bit(h1, shift), b2 = bit(h2, shift)
            if b1 == b2 { return .child(Node(bitmap: b1, slots: [pair(k1, v1, h1, k2, v2, h2, shift: shift + 5)])) }
            let slots: [Slot] = b1 < b2 ? [.entry(k1, v1), .entry(k2, v2)] : [.entry(k2, v2), .entry(k1, v1)]
            return .child(Node(bitmap: b1 | b2, slots: slots))
        }

        /// The node without `key`, which it holds.
        func removing(_ key: String, hash: UInt64, shift: UInt64) -> Node {
            let bit = Self.bit(hash, shift)
            let i = position(bit)
            var slots = self.slots
            var bitmap = self.bitmap
            switch slots[i] {
            case .entry:
                slots.remove(at: i)
                bitmap &= ~bit
            case .child(let node):
                let child = node.removing(key, hash: hash, shift: shift + 5)
                if child.slots.isEmpty {
                    slots.remove(at: i)
                    bitmap &= ~bit
                } else if child.slots.count == 1, case .entry(let k, let v) = child.slots[0] {
                    slots[i] = .entry(k, v)  // a lone entry moves up: lookups stay short
                } else {
                    slots[i] = .child(child)
                }
            case .collision(var list):
                list.removeAll { $0.0 == key }
                if list.count == 1 { slots[i] = .entry(list[0].0, list[0].1) } else { slots[i] = .collision(list) }
            }
            return Node(bitmap: bitmap, slots: slots)
        }
    }
}

extension NameMap: Sequence {
    public struct Iterator: IteratorProtocol {
        private var stack: [(Node, Int)]
        private var collision: [(String, Value)] = []

        init(_ root: Node?) { stack = root.map { [($0, 0)] } ?? [] }

        public mutating func next() -> (key: String, value: Value)? {
            if let last = collision.popLast() { return (last.0, last.1) }
            while let (node, i) = stack.last {
                guard i < node.slots.count else {
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].1 = i + 1
                switch node.slots[i] {
                case .entry(let k, let v): return (k, v)
                case .child(let child): stack.append((child, 0))
                case .collision(let list):
                    collision = list
                    if let last = collision.popLast() { return (last.0, last.1) }
                }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(root) }
    public var underestimatedCount: Int { count }
}

extension NameMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        for (key, value) in elements { self[key] = value }
    }
}

extension NameMap: Hashable {
    public static func == (lhs: NameMap, rhs: NameMap) -> Bool {
        if lhs.root === rhs.root { return true }
        guard lhs.count == rhs.count else { return false }
        return lhs.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Order-independent, as Dictionary's: equal maps built in different orders
    /// hash alike.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for (key, value) in self {
            var h = Hasher()
            h.combine(key)
            h.combine(value)
            sum &+= h.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

extension NameMap: CustomStringConvertible {
    public var description: String {
        "[" + sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
