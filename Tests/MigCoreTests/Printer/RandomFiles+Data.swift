@testable import MigCore

/// Random data changes for the printer's property tests: every shape of `insert`,
/// `update`, `delete`, `backfill` and `reverse`.
extension RandomTrees {
    mutating func dataOperation(reverse: Bool) -> Operation {
        // Inside a `reverse` block: no `reverse` of its own, and no `backfill` (a schema change).
        let written = reverse ? dataReverse() : nil
        switch int(reverse ? 4 : 3) {
        case 0:
            let columns = names()
            let rows = some(3) { r in InsertRow(columns.map { _ in r.expr(2) }) }
            return .insert(InsertRows(table: name(), columns: columns, rows: rows, reverse: written))
        case 1:
            let assignments = some(3) { Assignment(column: $0.name(), value: $0.expr()) }
            return .update(UpdateRows(table: name(), assignments: assignments, predicate: chance(50) ? expr() : nil, reverse: written))
        case 2:
            return .delete(DeleteRows(table: name(), predicate: chance(50) ? expr() : nil, reverse: written))
        default:
            var column = column()
            column.trivia = .none
            return .addColumn(AddColumn(table: name(), column: column, backfill: expr()))
        }
    }

    mutating func dataReverse() -> DataReverse? {
        switch int(3) {
        case 0: return nil
        case 1: return .nothing(.synthesized)
        default:
            let statements = chance(10) ? [] : some(2) { r in Statement(r.dataOperation(reverse: false), trivia: r.trivia()) }
            return .block(Block(statements: statements, trailingComments: comments()))
        }
    }
}
