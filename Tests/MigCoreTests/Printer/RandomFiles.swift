@testable import MigCore

extension RandomTrees {
    mutating func column() -> ColumnDefinition {
        var kinds: [ColumnModifier.Kind] = []
        var used = Set<Int>()
        for _ in 0..<int(4) {
            let k = int(8)
            // Each modifier once; `null` and `not null` exclusive (the parser's rules).
            if (k == 0 && used.contains(1)) || (k == 1 && used.contains(0)) { continue }
            guard used.insert(k).inserted else { continue }
            switch k {
            case 0: kinds.append(.null)
            case 1: kinds.append(.notNull)
            case 2: kinds.append(.primaryKey)
            case 3: kinds.append(.unique)
            case 4: kinds.append(.defaultValue(expr(2)))
            case 5: kinds.append(.autoincrement)
            case 6: kinds.append(.references(target()))
            default: kinds.append(.check(expr(2)))
            }
        }
        return ColumnDefinition(name: name(), type: TypeReference(type()), modifiers: kinds.map { ColumnModifier($0) }, trivia: trivia())
    }

    mutating func target() -> ForeignKeyTarget {
        let actions = ReferentialAction.allCases
        return ForeignKeyTarget(table: name(), columns: names(), onDelete: chance(40) ? pick(actions) : nil, onUpdate: chance(30) ? pick(actions) : nil)
    }

    mutating func tableConstraint() -> TableConstraint {
        let kind: TableConstraint.Kind
        switch int(4) {
        case 0: kind = .primaryKey(columns: names())
        case 1: kind = .unique(name: name(), columns: names())
        case 2: kind = .foreignKey(name: name(), columns: names(), target: target())
        default: kind = .check(name: name(), expression: expr())
        }
        return TableConstraint(kind, trivia: trivia())
    }

    mutating func operation() -> Operation {
        switch int(20) {
        case 0:
            return .createTable(CreateTable(name: name(), columns: some(4) { $0.column() },
                                            constraints: chance(50) ? some(2) { $0.tableConstraint() } : [], trailingComments: comments()))
        case 1: return .dropTable(DropTable(name: name()))
        case 2: return .renameTable(RenameTable(name: name(), newName: name()))
        case 3: return .addColumn(AddColumn(table: name(), column: { var c = column(); c.trivia = .none; return c }()))
        case 4: return .dropColumn(DropColumn(table: name(), column: name()))
        case 5: return .renameColumn(RenameColumn(table: name(), column: name(), newName: name()))
        case 6:
            let changes: [AlterColumn.Change] = [
                .type(TypeReference(type()), using: chance(50) ? expr() : nil), .setNotNull, .dropNotNull, .setDefault(expr()), .dropDefault,
            ]
            return .alterColumn(AlterColumn(table: name(), column: name(), change: pick(changes)))
        case 7:
            return .createIndex(CreateIndex(name: name(), table: name(), unique: chance(50),
                                            columns: some(3) { IndexColumn(name: $0.name(), descending: $0.chance(50)) },
                                            predicate: chance(50) ? expr() : nil, concurrently: chance(30)))
        case 8: return .dropIndex(DropIndex(name: name()))
        case 9: return .addConstraint(AddConstraint(name: name(), table: name(), kind: .unique(columns: names())))
        case 10: return .addConstraint(AddConstraint(name: name(), table: name(), kind: .foreignKey(columns: names(), target: target())))
        case 11: return .addConstraint(AddConstraint(name: name(), table: name(), kind: .check(expr())))
        case 12: return .addConstraint(AddConstraint(name: name(), table: name(), kind: .primaryKey(columns: names())))
        case 13: return .dropConstraint(DropConstraint(name: name(), table: name()))
        case 16...19: return dataOperation(reverse: true)
        default:
            let dialect = chance(40) ? Identifier(pick(["sqlite", "postgres", "mysql"])) : nil
            let reverse = chance(50) ? StringLiteral(text()) : nil
            return .sql(RawSQL(dialect: dialect, text: StringLiteral(text()), reverse: reverse, forwardOnly: reverse == nil && chance(30) ? .synthesized : nil))
        }
    }

    mutating func block() -> Block {
        Block(statements: chance(10) ? [] : some(5) { Statement($0.operation(), trivia: $0.trivia()) }, trailingComments: comments())
    }

    static let ids = ["7c1e9a20b4d3", "13e02ea68ef7", "1e5", "00", "abc_def", "r1", "254770f58904"]
    static let timestamps = ["2026-11-25T10:00:00Z", "2026-11-25", "2026-11-25T10:00", "2026-11-25 10:00:00", "2026-11-25t10:00:00.5+01:30"]

    mutating func file() -> MigFile {
        var header = RevisionHeader(revision: Identifier(pick(Self.ids)), message: StringLiteral(pick(["add users", "say \"hi\"", "a\\b", "two\nlines"])))
        if chance(60) { header.parents = some(2) { Identifier($0.pick(Self.ids)) } }
        if chance(50) { header.created = StringLiteral(pick(Self.timestamps)) }
        if chance(30) { header.labels = names(2) }
        if chance(30) { header.depends = some(2) { Identifier($0.pick(Self.ids)) } }
        if chance(20) { header.transactionOff = .synthesized }
        for key in ["", "revision", "parent", "message", "created", "label", "depends", "transaction"] where chance(15) {
            header.trivia[key] = key == "" ? Trivia(leading: some(2) { $0.pick(Self.comments) }) : trivia()
        }
        let upgrade = chance(90) ? block() : nil
        let downgrade: Downgrade? = switch int(3) {
        case 0: nil
        case 1: .irreversible(.synthesized)
        default: .block(block())
        }
        for key in ["upgrade", "downgrade"] where chance(15) {
            header.trivia[key] = Trivia(leading: some(2) { $0.pick(Self.comments) })
        }
        return MigFile(path: "random.mig", header: header, upgrade: upgrade, downgrade: downgrade, trailingComments: comments(), span: .synthesized)
    }
}
