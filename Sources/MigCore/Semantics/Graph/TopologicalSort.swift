// Kahn's algorithm with ties broken by id: a revision comes after all its parents and
// dependencies; among the revisions ready at the same time, the smallest id first.
// O((V + E) log V): the ready set is a binary heap of id ranks (a linear history
// keeps it at size one).

enum TopologicalSort {
    static func order(_ revisions: [String: RevisionGraph.Revision]) -> [String] {
        let ids = revisions.keys.sorted()
        var rank: [String: Int] = [:]
        rank.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { rank[id] = i }
        var waiting = ids.map { revisions[$0]!.parents.count + revisions[$0]!.depends.count }
        var ready = MinHeap()
        for (i, count) in waiting.enumerated() where count == 0 { ready.push(i) }
        var result: [String] = []
        result.reserveCapacity(ids.count)
        while let next = ready.pop() {
            let revision = revisions[ids[next]]!
            result.append(revision.id)
            for follower in revision.children + revision.dependents {
                let r = rank[follower]!
                waiting[r] -= 1
                if waiting[r] == 0 { ready.push(r) }
            }
        }
        // Only a cycle leaves revisions behind; the builder breaks cycles first, but
        // stay total: append any leftovers by id.
        if result.count < ids.count {
            let placed = Set(result)
            result += ids.filter { !placed.contains($0) }
        }
        return result
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
