import Foundation
@testable import MigCore

extension OracleHistory {
    /// A history of `revisions` revisions: a main line with, now and then, a branch
    /// (the side revision only creates tables of its own, so the two never conflict)
    /// closed by a merge; some revisions carry their downgrade written out.
    static func generate(seed: UInt64, revisions count: Int, maxOps: Int = 4) -> OracleHistory {
        var g = OracleGenerator(seed: seed)
        var out: [Revision] = []
        var head: String?
        var i = 0
        func id() -> String { i += 1; return String(format: "r%04d", i) }
        while out.count < count {
            let before = g.schema
            if let parent = head, out.count + 3 <= count, g.rng.chance(12) {
                // Branch: side revision b (new tables only), main revision a, merge m.
                let beforeMeta = g.meta
                var side = g
                side.schema = before
                side.noForeignKeys = true
                var sideOps: [String] = []
                for _ in 0..<side.rng.int(1..<3) {
                    if let (text, effect) = side.createTable(), let st = statements([text]) {
                        var checker = OpChecker(schema: side.schema)
                        for s in st { checker.check(s) }
                        checker.finish()
                        if !checker.diagnostics.hasErrors { side.schema = checker.schema; side.apply(effect); sideOps.append(text) }
                    }
                }
                g.counter = side.counter + 1
                g.rng = OracleRandom(seed: side.rng.next())
                let mainOps = g.revisionOps(maxOps: maxOps)
                guard !sideOps.isEmpty, !mainOps.isEmpty else { g.schema = before; g.meta = beforeMeta; continue }
                let a = id(), b = id()
                out.append(Revision(id: a, parents: [parent], upgrade: mainOps, downgrade: g.writtenDowngrade(mainOps, from: before)))
                out.append(Revision(id: b, parents: [parent], upgrade: sideOps, downgrade: nil))
                for (name, table) in side.schema.tables where before.tables[name] == nil { g.schema.tables[name] = table }
                for (name, index) in side.schema.indexes where before.indexes[name] == nil { g.schema.indexes[name] = index }
                for (name, m) in side.meta where beforeMeta[name] == nil { g.meta[name] = m }
                let mergeBefore = g.schema
                let mergeOps = g.rng.chance(50) ? g.revisionOps(maxOps: 2) : []
                let mid = id()
                out.append(Revision(id: mid, parents: [a, b], upgrade: mergeOps, downgrade: g.writtenDowngrade(mergeOps, from: mergeBefore)))
                head = mid
                continue
            }
            // Now and then a `transaction off` revision building indexes concurrently.
            let transactionOff = !g.schema.tables.isEmpty && g.rng.chance(6)
            g.concurrentIndexesOnly = transactionOff
            let ops = g.revisionOps(maxOps: transactionOff ? 2 : maxOps)
            g.concurrentIndexesOnly = false
            if ops.isEmpty { continue }
            let r = id()
            out.append(Revision(id: r, parents: head.map { [$0] } ?? [], upgrade: ops, downgrade: g.writtenDowngrade(ops, from: before), transactionOff: transactionOff))
            head = r
        }
        return OracleHistory(revisions: out)
    }
}

extension OracleGenerator {
    /// One revision in four gets its derived downgrade written out as text.
    mutating func writtenDowngrade(_ ops: [String], from before: Schema) -> [String]? {
        guard !ops.isEmpty, rng.chance(25), let statements = OracleHistory.statements(ops),
              let down = Inverse.downgrade(of: statements, from: before).statements else { return nil }
        let text = Printer.print(statements: down, indent: 0)
        let lines = text.split(separator: "\n").map(String.init)
        // Multi-line statements (a create table) are kept whole: the reader splits by line.
        return lines.isEmpty ? nil : lines
    }
}
