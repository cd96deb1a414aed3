import MigCore

extension OpenedProject {
    /// The revisions of `A:B` (inclusive; either end may be left out), or of one
    /// revision `REV`; every revision without a range. Topological order.
    func revisions(inRange range: String?, option: String) throws -> [String] {
        guard let range else { return graph.topologicalOrder }
        let parts = range.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else {
            throw UsageFailure(message: "error: expected a range `A:B` after \(option), got `\(range)`")
        }
        if parts.count == 1 { return try resolveOffline(range, option: option).revisions }
        let lower = parts[0].isEmpty ? RevisionTarget.base : try resolveOffline(parts[0], option: option)
        let upper = parts[1].isEmpty ? RevisionTarget(graph.heads) : try resolveOffline(parts[1], option: option)
        do {
            return try graph.range(from: lower, to: upper)
        } catch {
            throw UsageFailure(message: OpenedProject.usageMessage(error))
        }
    }
}
