// Kahn's algorithm with ties broken by id: a revision comes after all its parents and
// dependencies; among the revisions ready at the same time, the smallest id first.
// O((V + E) log V): the ready set is a binary heap of id ranks (a linear history
// keeps it at size one).

enum TopologicalSort {
    /// Revision i is `ids[i]`; the edge lists hold indices. Returns indices.
    static func order(ids: [String], parents: [[Int]], depends: [[Int]], children: [[Int]], dependents: [[Int]]) -> [Int] {
        let n = ids.count
        // rank[i]: position of ids[i] in id order; byRank inverts it.
        let byRank = ids.indices.sorted { ids[$0] < ids[$1] }
        var rank = [Int](repeating: 0, count: n)
        for (r, i) in byRank.enumerated() { rank[i] = r }
        var waiting = (0..<n).map { parents[$0].count + depends[$0].count }
        var ready = MinHeap()
        for i in 0..<n where waiting[i] == 0 { ready.push(rank[i]) }
        var result: [Int] = []
        result.reserveCapacity(n)
        while let r = ready.pop() {
            let i = byRank[r]
            result.append(i)
            for follower in children[i] + dependents[i] {
                waiting[follower] -= 1
                if waiting[follower] == 0 { ready.push(rank[follower]) }
            }
        }
        // Only a cycle leaves revisions behind; the builder breaks cycles first, but
        // stay total: append any leftovers in id order.
        if result.count < n {
            var placed = [Bool](repeating: false, count: n)
            for i in result { placed[i] = true }
            result += byRank.filter { !placed[$0] }
        }
        return result
    }

    /// The same order for a finished graph's revisions (by id).
    static func order(_ revisions: [String: RevisionGraph.Revision]) -> [String] {
        let ids = Array(revisions.keys)
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        let edges = { (pick: (RevisionGraph.Revision) -> [String]) in ids.map { pick(revisions[$0]!).map { index[$0]! } } }
        return order(
            ids: ids, parents: edges(\.parents), depends: edges(\.depends),
            children: edges(\.children), dependents: edges(\.dependents)
        ).map { ids[$0] }
    }
}

/// A binary min-heap of ints.
struct MinHeap {
    private var items: [Int] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func push(_ value: Int) {
        items.append(value)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i] < items[parent] else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if items.isEmpty { return top }
        items[0] = last
        var i = 0
        while true {
            let (l, r) = (2 * i + 1, 2 * i + 2)
            var smallest = i
            if l < items.count, items[l] < items[smallest] { smallest = l }
            if r < items.count, items[r] < items[smallest] { smallest = r }
            if smallest == i { break }
            items.swapAt(i, smallest)
            i = smallest
        }
        return top
    }
}
