// The kinds of operation a revision's upgrade holds, worked out once per revision:
// a rule that names the kinds it looks at (`LintRule.operations`) is not run on a
// revision without any of them. Most revisions hold one or two kinds, so most
// rules cost nothing there (a 1,000-revision lint runs 39 rules).

public enum OpKind: Hashable, Sendable {
    case createTable, dropTable, renameTable, addColumn, dropColumn, renameColumn, alterColumn
    case createIndex, dropIndex, addConstraint, dropConstraint, validateConstraint, sql
    case insert, update, delete
    case createEnum, dropEnum, renameEnum, alterEnum
    case createView, replaceView, dropView, renameView, comment

    init(_ op: Operation) {
        switch op {
        case .createTable: self = .createTable
        case .dropTable: self = .dropTable
        case .renameTable: self = .renameTable
        case .addColumn: self = .addColumn
        case .dropColumn: self = .dropColumn
        case .renameColumn: self = .renameColumn
        case .alterColumn: self = .alterColumn
        case .createIndex: self = .createIndex
        case .dropIndex: self = .dropIndex
        case .addConstraint: self = .addConstraint
        case .dropConstraint: self = .dropConstraint
        case .validateConstraint: self = .validateConstraint
        case .sql: self = .sql
        case .insert: self = .insert
        case .update: self = .update
        case .delete: self = .delete
        case .createEnum: self = .createEnum
        case .dropEnum: self = .dropEnum
        case .renameEnum: self = .renameEnum
        case .alterEnum: self = .alterEnum
        case .createView: self = .createView
        case .replaceView: self = .replaceView
        case .dropView: self = .dropView
        case .renameView: self = .renameView
        case .comment: self = .comment
        }
    }

    /// The kinds in `revision`'s upgrade.
    static func kinds(in revision: CheckedRevision) -> Set<OpKind> {
        Set(revision.upgrade.map { OpKind($0.statement.operation) })
    }
}
