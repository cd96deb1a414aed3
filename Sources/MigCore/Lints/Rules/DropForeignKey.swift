/// MIG142: dropping a foreign key.
public struct DropForeignKey: LintRule {
    public static let description = LintDescription(
        code: .dropForeignKey,
        rationale: """
            Without its foreign key, a table can hold rows that point at nothing, and the key's `on delete` \
            actions stop: code that relied on either (a join that assumed a match, a cascade that cleaned up) \
            breaks quietly, and the derived downgrade (adding the key back) fails once an orphan row exists. \
            Make sure nothing relies on it. Tables created in the same revision are not reported.
            """,
        triggering: [LintExample("""
            revision a1
            message "users and posts"

            upgrade {
              create table users {
                id bigint primary key
              }
              create table posts {
                id bigint primary key
                author_id bigint
                foreign key posts_author_fk (author_id) references users (id)
              }
              create index posts_author_id_idx on posts (author_id)
            }
            """, """
            revision b2
            parent a1
            message "posts may outlive users"

            upgrade {
              -- migc:allow MIG107 - sqlite copies are small
              drop constraint posts_author_fk on posts
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "users and posts"

            upgrade {
              create table users {
                id bigint primary key
              }
              create table posts {
                id bigint primary key
                author_id bigint
                foreign key posts_author_fk (author_id) references users (id)
              }
              create index posts_author_id_idx on posts (author_id)
            }
            """, """
            revision b2
            parent a1
            message "posts may outlive users"

            upgrade {
              -- migc:allow MIG107, MIG142 - authors are soft-deleted now; reports handle orphans
              drop constraint posts_author_fk on posts
            }
            """)],
        peers: LintPeers(atlas: ["CD101"], squawk: ["ban-drop-constraint"]))

    public static let operations: Set<OpKind>? = [.dropConstraint]

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        r.upgrade.compactMap { step in
            guard case .dropConstraint(let d) = step.statement.operation, r.existed(d.table.name),
                  let fk = step.before.tables[d.table.name]?.foreignKeys[d.name.name] else { return nil }
            return finding("dropping foreign key `\(fk.name)` lets `\(d.table.name)` rows point at no `\(fk.referencedTable)` row",
                           at: d.name.span, statement: step.statement,
                           help: "make sure no code relies on the key (or its `on delete` action)")
        }
    }
}
