import Foundation
import Testing
@testable import MigCore

/// The generator (SchemaOps) with views, comments and enums: the statements it
/// writes fold to the target, views come after what they read and go before it.
@Suite struct SchemaOpsViewsAndCommentsTests {
    static func schema(_ ops: String) throws -> Schema {
        Schema.empty.applying(try ViewModelTests.statements(ops))
    }

    static func text(_ s: Statement) -> String {
        Printer.print(statements: [s], indent: 0).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let base = """
        create enum mood ("ok", "sad")
        create table users { id int primary key; email text; feeling mood }
        comment on table users "people"
        comment on column users.email "where we write"
        create view active as "SELECT id, email FROM users"
        create view active_ids as "SELECT id FROM active"
        """

    @Test func creatingASchemaFoldsBackToIt() throws {
        let target = try Self.schema(Self.base)
        let statements = SchemaOps.creating(target)
        let folded = Schema.empty.applying(statements)
        #expect(SchemaDiff.between(expected: target, actual: folded).isEmpty, "\(statements.map { Self.text($0) })")
        let order = statements.map { Self.text($0) }
        let enumAt = try #require(order.firstIndex { $0.hasPrefix("create enum") })
        let tableAt = try #require(order.firstIndex { $0.hasPrefix("create table") })
        let viewAt = try #require(order.firstIndex { $0.contains("view active ") || $0.contains("view active\n") || $0.hasPrefix("create view active depends") })
        let dependentAt = try #require(order.firstIndex { $0.contains("active_ids") })
        #expect(enumAt < tableAt && tableAt < viewAt && viewAt < dependentAt, "\(order)")
    }

    @Test func aChangedViewIsDroppedWithItsDependentsAndCreatedAgain() throws {
        let from = try Self.schema(Self.base)
        let to = try Self.schema(Self.base.replacingOccurrences(of: "SELECT id, email FROM users", with: "SELECT id, email FROM users WHERE email <> ''")
            .replacingOccurrences(of: "comment on table users \"people\"", with: "comment on table users \"members\""))
        let changes = SchemaOps.changes(from: from, to: to)
        let order = changes.statements.map { Self.text($0) }
        #expect(order.first == "drop view active_ids", "\(order)")
        #expect(order.contains("drop view active"))
        #expect(order.contains { $0.hasPrefix("comment on table users \"members\"") }, "\(order)")
        let folded = from.applying(changes.statements)
        #expect(SchemaDiff.between(expected: to, actual: folded).isEmpty, "\(order)")
        #expect(SchemaOps.changes(from: to, to: to).statements.isEmpty)
    }
}
