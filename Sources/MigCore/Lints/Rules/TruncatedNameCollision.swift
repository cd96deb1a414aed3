/// MIG145: names migc makes up for unnamed constraints that collide once cut to 63 bytes.
public struct TruncatedNameCollision: LintRule {
    public static let description = LintDescription(
        code: .truncatedNameCollision,
        rationale: """
            A name written longer than 63 bytes is an error (E123): PostgreSQL would cut it. The names migc \
            makes up for unnamed constraints (`T_c_key`, `T_c_fkey`, `T_c_check`, `T_pkey`) are cut to 63 \
            bytes the same way, so in a `create table` with a long name two of them can come out the same, or \
            the same as a constraint named in the table body: PostgreSQL refuses the second (`already exists`), \
            and migc's model keeps only one of them. (In `add column`, a cut name that is taken is error E107.) Name such constraints yourself, as table constraints (`unique NAME (c)`, `foreign \
            key NAME (c) references ...`, `check NAME (...)`).
            """,
        triggering: [LintExample("""
            revision a1
            message "reminders"

            upgrade {
              create table customer_subscription_renewal_reminder_notifications {
                id bigint primary key
                delivery_channel_address_primary varchar(200) unique
                delivery_channel_address_secondary varchar(200) unique
              }
            }
            """)],
        nonTriggering: [LintExample("""
            revision a1
            message "reminders"

            upgrade {
              create table customer_subscription_renewal_reminder_notifications {
                id bigint primary key
                delivery_channel_address_primary varchar(200)
                delivery_channel_address_secondary varchar(200)
                unique reminders_primary_address_key (delivery_channel_address_primary)
                unique reminders_secondary_address_key (delivery_channel_address_secondary)
              }
            }
            """)],
        peers: LintPeers(squawk: ["identifier-too-long"]))

    public static let operations: Set<OpKind>? = [.createTable]

    public init() {}

    /// A constraint name migc makes up, before and after the cut.
    struct AutomaticName {
        var full: String
        var kind: String
        var column: String
        var span: SourceSpan
        var cut: String { Schema.DefaultName.truncated(full) }
    }

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        var out: [LintFinding] = []
        for step in r.upgrade {
            // `add column` whose cut name is taken is the checker's E107.
            guard case .createTable(let c) = step.statement.operation else { continue }
            let table = c.name.name
            let names = Self.automaticNames(table: table, columns: c.columns)
            // Short names are never cut: most revisions stop here.
            guard names.contains(where: { $0.full.utf8.count > 63 }) else { continue }
            var taken: [String: String] = [:]  // name -> what holds it
            for k in c.constraints {
                switch k.kind {
                case .unique(let n, _), .foreignKey(let n, _, _), .check(let n, _): taken[n.name] = "constraint `\(n.name)`"
                case .primaryKey: break
                }
            }
            for name in names {
                let cut = name.cut
                if name.full != cut, let other = taken[cut] {
                    out.append(finding("migc names the \(name.kind) of `\(table).\(name.column)` `\(cut)` (cut to 63 bytes), the same name as \(other)",
                                       at: name.span, statement: step.statement,
                                       help: "name the constraint yourself, as a table constraint"))
                }
                taken[cut] = taken[cut] ?? "the \(name.kind) of `\(table).\(name.column)`"
            }
        }
        return out
    }

    /// The names of the column modifiers' constraints, as `Schema.DefaultName` makes them.
    static func automaticNames(table: String, columns: [ColumnDefinition]) -> [AutomaticName] {
        var out: [AutomaticName] = []
        for column in columns {
            for m in column.modifiers {
                let c = column.name.name
                switch m.kind {
                case .unique: out.append(AutomaticName(full: "\(table)_\(c)_key", kind: "unique constraint", column: c, span: m.span))
                case .references: out.append(AutomaticName(full: "\(table)_\(c)_fkey", kind: "foreign key", column: c, span: m.span))
                case .check: out.append(AutomaticName(full: "\(table)_\(c)_check", kind: "check", column: c, span: m.span))
                default: break
                }
            }
        }
        return out
    }
}
