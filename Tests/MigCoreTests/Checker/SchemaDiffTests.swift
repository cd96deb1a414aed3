import Testing
@testable import MigCore

/// `SchemaDiff` is public (the runner's `migc check` reports drift with it): its
/// order and wording are part of the contract.
@Suite struct SchemaDiffTests {
    static func table(_ name: String, _ columns: [Column], uniques: [UniqueConstraint] = []) -> Table {
        Table(name: name, columns: columns, uniques: Dictionary(uniqueKeysWithValues: uniques.map { ($0.name, $0) }))
    }

    @Test func listsDifferencesTableByTableColumnByColumn() {
        let expected = Schema(
            tables: [
                "users": Self.table("users", [Column(name: "id", type: .bigint, nullable: false), Column(name: "email", type: .text), Column(name: "age", type: .int)],
                                    uniques: [UniqueConstraint(name: "users_email_key", columns: ["email"])]),
                "accounts": Self.table("accounts", [Column(name: "id", type: .bigint)]),
            ],
            indexes: ["users_age_idx": Index(name: "users_age_idx", table: "users", columns: [IndexColumn(name: Identifier("age"))])])
        let actual = Schema(
            tables: [
                "users": Self.table("users", [Column(name: "age", type: .bigint), Column(name: "id", type: .bigint, nullable: false), Column(name: "name", type: .text)]),
                "zebras": Self.table("zebras", [Column(name: "id", type: .int)]),
            ])
        let diff = SchemaDiff.between(expected: expected, actual: actual).map(\.description)
        #expect(diff == [
            "missing table `accounts`",
            "missing column `users.email`",
            "column `users.age` has type `bigint`, expected `int`",
            "unexpected column `users.name`",
            "missing unique constraint `users_email_key` on `users`",
            "missing index `users_age_idx`",
            "unexpected table `zebras`",
        ])
        #expect(SchemaDiff.between(expected: expected, actual: expected).isEmpty)
    }

    @Test func columnOrderIsNotADifference() {
        let a = Schema(tables: ["t": Self.table("t", [Column(name: "a", type: .int), Column(name: "b", type: .int)])])
        let b = Schema(tables: ["t": Self.table("t", [Column(name: "b", type: .int), Column(name: "a", type: .int)])])
        #expect(SchemaDiff.between(expected: a, actual: b).isEmpty)
    }

    @Test func allowCommentsParse() {
        #expect(Allow.codes(in: [" migc:allow MIG102, MIG107 - the reason, MIG999", "a comment", "migc:allow"]) == ["MIG102", "MIG107"])
        #expect(Allow.codes(in: ["migc:allowed MIG102"]).isEmpty)
    }
}
