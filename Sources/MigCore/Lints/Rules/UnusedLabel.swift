/// MIG113: a branch label nothing needs.
public struct UnusedLabel: LintRule {
    public static let description = LintDescription(
        code: .unusedLabel,
        rationale: """
            Branch labels (`label NAME`) name one branch among several, for `migc upgrade NAME@head` or a \
            `depends` line. In a history with a single base and a single head, and with no `depends` naming \
            it, a label adds nothing: `head` already says it. Remove it, or keep it and allow MIG113 in the \
            header when a branch is planned.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"
            label core

            upgrade {
              create table users {
                id bigint primary key
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
              }
            }
            """)])

    public init() {}

    public func check(graph: GraphFacts, config: LintConfig) -> [LintFinding] {
        guard graph.heads.count <= 1, graph.bases.count <= 1 else { return [] }
        let referenced = Set(graph.files.values.flatMap { $0.header.depends.map(\.name) })
        var out: [LintFinding] = []
        for id in graph.files.keys.sorted() {
            for label in graph.files[id]!.header.labels where !referenced.contains(label.name) {
                out.append(finding("label `\(label.name)` is unused: the history has a single branch", at: label.span, statement: nil,
                                   help: "remove the label"))
            }
        }
        return out
    }
}
