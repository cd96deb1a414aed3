/// MIG118: a value added to an enum and used in the same revision (PostgreSQL).
public struct EnumValueUsedInSameTransaction: LintRule {
    public static let description = LintDescription(
        code: .enumValueUsedInSameTransaction,
        rationale: """
            PostgreSQL runs `ALTER TYPE ... ADD VALUE` inside a transaction, but the new value cannot be \
            used until that transaction commits ("unsafe use of new value"). migc runs a revision in one \
            transaction, so a default, a check or a column that uses the value in the revision that adds \
            it fails on PostgreSQL. The same holds for a downgrade: the derived downgrade of `drop value` \
            adds the value back, and fails if it also restores a default using it. Add the value in one \
            revision and use it in the next, or run the revision with `transaction off`.
            """,
        triggering: [LintExample(Self.moods, """
            revision b2
            parent a1
            message "great by default"

            upgrade {
              alter enum mood add value "great"
              add column people.hoped mood default "great"
            }
            """)],
        nonTriggering: [LintExample(Self.moods, """
            revision b2
            parent a1
            message "great"

            upgrade {
              alter enum mood add value "great"
            }
            """, """
            revision c3
            parent b2
            message "great by default"

            upgrade {
              add column people.hoped mood default "great"
            }
            """)])

    /// The first revision of both examples.
    static let moods = """
        revision a1
        message "moods"

        upgrade {
          create enum mood ("sad", "ok")
          create table people {
            id bigint primary key
            feeling mood
          }
        }
        """

    public init() {}

    public func check(_ r: CheckedRevision, config: LintConfig) -> [LintFinding] {
        guard config.targets("postgres"), !r.file.header.runsOutsideTransaction else { return [] }
        return findings(in: r.upgrade, direction: "revision") + findings(in: r.downgrade ?? [], direction: "downgrade")
    }

    private func findings(in steps: [OpStep], direction: String) -> [LintFinding] {
        var added: [(enumName: String, value: String, span: SourceSpan)] = []
        var out: [LintFinding] = []
        for step in steps {
            let op = step.statement.operation
            if case .alterEnum(let a) = op, case .addValue(let v, _) = a.change {
                added.append((a.name.name, v.value, v.span))
                continue
            }
            guard !added.isEmpty else { continue }
            let strings = Self.strings(in: op)
            for (enumName, value, span) in added where strings.contains(value) && Self.touchesEnum(op, enumName, step.after) {
                out.append(finding("enum value \(Printer.stringLiteral(value)) is used in the \(direction) that adds it: PostgreSQL refuses a new value before it is committed",
                                   at: step.statement.span, statement: step.statement,
                                   notes: span.isSynthesized ? [] : [DiagnosticNote("added here", at: span)],
                                   help: "use the value in a later revision, or add `transaction off` to this revision's header"))
                break
            }
        }
        return out
    }

    /// The string literals in an op's defaults and checks.
    static func strings(in op: Operation) -> Set<String> {
        var exprs: [Expr] = []
        func modifiers(_ def: ColumnDefinition) {
            for m in def.modifiers {
                switch m.kind {
                case .defaultValue(let e), .check(let e): exprs.append(e)
                default: break
                }
            }
        }
        switch op {
        case .createTable(let c):
            c.columns.forEach(modifiers)
            for k in c.constraints { if case .check(_, let e) = k.kind { exprs.append(e) } }
        case .addColumn(let a): modifiers(a.column)
        case .alterColumn(let a): if case .setDefault(let e) = a.change { exprs.append(e) }
        case .addConstraint(let a): if case .check(let e) = a.kind { exprs.append(e) }
        default: break
        }
        var out: Set<String> = []
        func walk(_ e: Expr) {
            switch e.kind {
            case .string(let s): out.insert(s)
            case .unary(_, let x), .isNull(let x, _): walk(x)
            case .binary(_, let l, let r): walk(l); walk(r)
            case .inList(let x, let list, _): walk(x); list.forEach(walk)
            case .between(let x, let lo, let hi, _): walk(x); walk(lo); walk(hi)
            case .call(_, let args): args.forEach(walk)
            default: break
            }
        }
        exprs.forEach(walk)
        return out
    }

    /// Whether the op's table has a column of the enum.
    static func touchesEnum(_ op: Operation, _ enumName: String, _ schema: Schema) -> Bool {
        op.tableNames.contains { name in schema.tables[name]?.columns.contains { $0.type.enumName == enumName } == true }
    }
}
