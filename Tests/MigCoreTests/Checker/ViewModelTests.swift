import Testing
@testable import MigCore

/// Views and comments in the model (issue 12): what a body is found to read, and
/// derived inverses that give back exactly the schema before.
@Suite struct ViewModelTests {
    static func statements(_ ops: String) throws -> [Statement] {
        let source = "revision a1\nmessage \"m\"\n\nupgrade {\n\(ops)\n}\n"
        let result = Parser.parse(source: source, path: "t.mig")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        return try #require(result.file.upgrade?.statements)
    }

    static let tables = """
        create table users { id int primary key; email text }
        create table orders { id int primary key; user_id int }
        create table `Order Items` { id int primary key }
        """

    @Test func dependenciesAreTheNamesInTheBody() throws {
        let schema = Schema.empty.applying(try Self.statements(Self.tables))
        func deps(_ body: String) -> [String] {
            schema.dependencies(of: ViewDefinition(name: Identifier("v"), body: StringLiteral(body)))
        }
        #expect(deps("SELECT u.id FROM users u JOIN \"orders\" o ON o.user_id = u.id") == ["orders", "users"])
        #expect(deps("SELECT 'orders' AS t, id FROM Users -- orders\n/* orders */") == ["users"])
        #expect(deps("SELECT * FROM `Order Items`") == ["Order Items"])
        #expect(deps("SELECT 1") == [])
        let written = ViewDefinition(name: Identifier("v"), depends: [Identifier("orders")], body: StringLiteral("SELECT * FROM users"))
        #expect(schema.dependencies(of: written) == ["orders"])
    }

    @Test func selectStarIsFoundOnlyInSelectLists() {
        #expect(ViewBody.selectsEveryColumn("SELECT * FROM t"))
        #expect(ViewBody.selectsEveryColumn("select t.* from t"))
        #expect(ViewBody.selectsEveryColumn("SELECT a, * FROM t"))
        #expect(!ViewBody.selectsEveryColumn("SELECT count(*), a * b FROM t"))
        #expect(!ViewBody.selectsEveryColumn("SELECT '*', \"x\" FROM t -- SELECT *"))
    }

    @Test func derivedDowngradesRestoreTheSchema() throws {
        let before = Schema.empty.applying(try Self.statements(Self.tables + """

            create view emails as "SELECT email FROM users"
            comment on table users "people"
            create index users_email_idx on users using hash (email)
            """))
        let up = try Self.statements("""
            create view totals depends (orders) as "SELECT count(*) AS n FROM orders"
            replace view emails as "SELECT id, email FROM users"
            rename view totals to order_count
            comment on table users "everyone"
            comment on column users.email "lowercase"
            drop index users_email_idx
            create index users_lower_idx on users (lower(email)) include (id)
            drop view emails
            """)
        let after = before.applying(up)
        #expect(after.views.keys.sorted() == ["order_count"])
        #expect(after.tables["users"]?.comment == "everyone")
        let (down, irreversible) = Inverse.downgrade(of: up, from: before)
        #expect(irreversible == nil)
        let restored = after.applying(try #require(down))
        #expect(SchemaDiff.between(expected: before, actual: restored).isEmpty)
        #expect(restored.views["emails"]?.body == "SELECT email FROM users")
        #expect(restored.indexes["users_email_idx"]?.options.method == .hash)
    }

    @Test func droppingATableRestoresItsComments() throws {
        let before = Schema.empty.applying(try Self.statements(Self.tables + """

            comment on table users "people"
            comment on column users.email "where to write"
            """))
        let up = try Self.statements("drop column users.email\ndrop table users")
        let (down, _) = Inverse.downgrade(of: up, from: before)
        let restored = before.applying(up).applying(try #require(down))
        #expect(restored.tables["users"] == before.tables["users"])
        #expect(restored.tables["users"]?.column(named: "email")?.comment == "where to write")
    }
}
