// Which revisions two sides of a merge do not share. Walks back from both sides
// at once, newest (highest topological position) first, painting each revision
// with the side(s) that reach it, as git finds a merge base; once only revisions
// reached from both sides remain queued, everything older is common. The cost is
// the size of the branches, not of the whole history.

extension HistoryFolder {
    /// Revisions reachable from `other` but not from `side` (`theirs`), and from
    /// `side` but not from `other` (`mine`), each in topological order.
    func divergence(_ side: [String], _ other: String) -> (theirs: [String], mine: [String]) {
        let mineFlag: UInt8 = 1, theirsFlag: UInt8 = 2, both: UInt8 = 3
        var flags: [String: UInt8] = [:]
        var heap = MaxHeap()
        var pendingOneSided = 0
        func mark(_ id: String, _ flag: UInt8) {
            guard let position = positions[id] else { return }
            let old = flags[id] ?? 0
            let new = old | flag
            guard new != old else { return }
            flags[id] = new
            if old == 0 {
                heap.push(position, id)
                if new != both { pendingOneSided += 1 }
            } else if new == both {
                pendingOneSided -= 1  // queued as one-sided, now common
            }
        }
        for id in side { mark(id, mineFlag) }
        mark(other, theirsFlag)
        var theirs: [(Int, String)] = [], mine: [(Int, String)] = []
        while pendingOneSided > 0, let (position, id) = heap.pop() {
            let flag = flags[id] ?? 0
            if flag != both { pendingOneSided -= 1 }
            if flag == theirsFlag { theirs.append((position, id)) }
            if flag == mineFlag { mine.append((position, id)) }
            for p in graph.parents[id] ?? [] { mark(p, flag) }
        }
        return (theirs.sorted { $0.0 < $1.0 }.map(\.1), mine.sorted { $0.0 < $1.0 }.map(\.1))
    }
}

/// A binary max-heap of (topological position, id).
struct MaxHeap {
    private var items: [(Int, String)] = []

    mutating func push(_ key: Int, _ id: String) {
        items.append((key, id))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[parent].0 < items[i].0 else { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> (Int, String)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var largest = i
            if l < items.count, items[l].0 > items[largest].0 { largest = l }
            if r < items.count, items[r].0 > items[largest].0 { largest = r }
            guard largest != i else { break }
            items.swapAt(i, largest)
            i = largest
        }
        return top
    }
}
