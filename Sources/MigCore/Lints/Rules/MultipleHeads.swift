/// MIG109: the graph has more than one head.
public struct MultipleHeads: LintRule {
    public static let description = LintDescription(
        code: .multipleHeads,
        rationale: """
            Two revisions with no children mean two branches: `migc upgrade head` refuses to choose, and the \
            branches' changes have never been checked together. Run `migc merge heads -m "..."`.
            """,
        triggering: [LintExample("""
            revision a1
            message "users"

            upgrade {
              create table users {
                id bigint primary key
              }
            }
            """, """
            revision b2
            parent a1
            message "teams"

            upgrade {
              create table teams {
                id bigint primary key
              }
            }
            """, """
            revision c3
            parent a1
            message "posts"

            upgrade {
              create table posts {
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
            """, """
            revision b2
            parent a1
            message "teams"

            upgrade {
              create table teams {
                id bigint primary key
              }
            }
            """, """
            revision c3
            parent a1
            message "posts"

            upgrade {
              create table posts {
                id bigint primary key
              }
            }
            """, """
            revision d4
            parent b2, c3
            message "merge heads"
            """)],
        peers: LintPeers(atlas: ["non-linear changes"]))

    public init() {}

    public func check(graph: GraphFacts, config: LintConfig) -> [LintFinding] {
        guard graph.heads.count > 1 else { return [] }
        let list = graph.heads.map { "`\($0)`" }.joined(separator: ", ")
        return graph.heads.compactMap { id in
            guard let file = graph.files[id] else { return nil }
            return finding("revision `\(id)` is one of \(graph.heads.count) heads (\(list))",
                           at: file.header.revision?.span ?? file.span, statement: nil,
                           help: "merge them: `migc merge heads -m \"merge\"`")
        }
    }
}
