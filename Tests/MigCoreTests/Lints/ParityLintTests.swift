import Testing
@testable import MigCore

/// Edges of the lints MIG130-MIG151 that their docs examples do not show.
@Suite struct ParityLintTests {
    static let users = """
        revision a1
        message "users"

        upgrade {
          create table users {
            id bigint primary key
            email varchar(320)
          }
        }
        """

    /// The codes `second` (a revision after `users`) raises, notes off.
    static func codes(_ second: String, config: LintConfig = LintConfig(disabled: ["MIG114", "MIG138"])) -> [DiagnosticCode] {
        let outcome = CheckHarness.run([("a1.mig", users), ("b2.mig", second)], lint: config)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.rendered)")
        return outcome.diagnostics.compactMap(\.code)
    }

    static func revision(_ body: String, header: String = "") -> String {
        "revision b2\nparent a1\nmessage \"b\"\n\(header)\nupgrade {\n\(body)\n}\n"
    }

    @Test func indexesCreatedInTheSameRevisionDropWithoutALint() {
        #expect(Self.codes(Self.revision("  create index users_email_idx on users (email) concurrently\n  drop index users_email_idx", header: "transaction off"))
            .filter { $0 == .dropIndexNotConcurrently }.isEmpty)
    }

    @Test func stableDefaultsDoNotRewrite() {
        #expect(Self.codes(Self.revision("  add column users.joined_at timestamptz default now()")).isEmpty)
        #expect(Self.codes(Self.revision("  add column users.joined_at timestamptz default current_timestamp")).isEmpty)
        #expect(Self.codes(Self.revision("  add column users.token uuid default my_uuid()")) == [.volatileDefault])
    }

    @Test func dialectSpecificRulesFollowTheProjectDialect() {
        let addUnique = Self.revision("  add unique users_email_key on users (email)")
        func codes(_ dialect: String?) -> Set<DiagnosticCode> { Set(Self.codes(addUnique, config: LintConfig(disabled: ["MIG114"], dialect: dialect))) }
        #expect(codes("sqlite") == [.tableRewrite, .uniqueOnExistingData])
        #expect(codes("mysql") == [.uniqueOnExistingData])
        #expect(codes("postgres") == [.uniqueConstraintOnExistingTable, .uniqueOnExistingData])
        #expect(codes(nil) == [.tableRewrite, .uniqueConstraintOnExistingTable, .uniqueOnExistingData])
    }

    /// A cut automatic name that equals a constraint already on the table is the
    /// checker's error (E107), not MIG145 (which covers one `create table`).
    @Test func automaticNameCollidingWithAnExistingConstraintIsAnError() {
        let long = "customer_subscription_renewal_reminder_notifications"
        let first = """
            revision a1
            message "reminders"

            upgrade {
              create table \(long) {
                id bigint primary key
                delivery_channel_address_primary varchar(200) unique
              }
            }
            """
        let second = """
            revision b2
            parent a1
            message "second address"

            upgrade {
              add column \(long).delivery_channel_address_secondary varchar(200) unique
            }
            """
        let outcome = CheckHarness.run([("a1.mig", first), ("b2.mig", second)], lint: LintConfig(disabled: ["MIG114"]))
        #expect(outcome.diagnostics.compactMap(\.code) == ["E107"], "\(outcome.rendered)")
    }

    @Test func namingCoversTheNamesMigcMakesUp() {
        let config = LintConfig(disabled: ["MIG114"], naming: ["unique": "_uq$"])
        let outcome = CheckHarness.run([("a1.mig", Self.users.replacingOccurrences(of: "email varchar(320)", with: "email varchar(320) unique"))], lint: config)
        #expect(outcome.rendered.contains("unique name `users_email_key` does not match `_uq$` [MIG151]"), "\(outcome.rendered)")
    }

    @Test func transactionOffBlocksMayCommitTheirOwnTransactions() {
        let balanced = Self.revision("  -- migc:allow MIG108\n  sql \"\"\"BEGIN; UPDATE users SET email = lower(email); COMMIT;\"\"\" reverse \"\"\"SELECT 1\"\"\"", header: "transaction off")
        #expect(Self.codes(balanced).isEmpty)
    }

    @Test func singleStatementTransactionOffRevisionsRetry() {
        #expect(Self.codes(Self.revision("  create index users_email_idx on users (email) concurrently", header: "transaction off")).isEmpty)
    }
}
