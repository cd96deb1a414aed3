import Foundation
import Testing
@testable import MigCore

/// Enums in the model: folding, derived inverses (checked against the schema before
/// with `verifyDerived`) and the text `fmt` writes back.
@Suite struct EnumCheckerTests {
    static func parse(_ source: String) -> MigFile {
        let result = Parser.parse(source: source, path: "t.mig")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        return result.file
    }

    static let setup = parse("""
        revision a1
        message "setup"

        upgrade {
          create enum mood ("sad", "ok", "happy")
          create table people {
            id bigint primary key
            feeling mood not null default "ok"
            past mood[]
          }
        }
        """)

    static func schemaAfterSetup() -> Schema {
        RevisionChecker.check(id: "a1", file: setup, before: .empty).0.after
    }

    @Test(arguments: [
        "alter enum mood add value \"great\" before \"happy\"",
        "alter enum mood add value \"great\"",
        "alter enum mood rename value \"ok\" to \"fine\"",
        "alter enum mood drop value \"sad\"",
        "alter enum mood drop value \"happy\"",
        "rename enum mood to feeling",
        "create enum level (\"low\", \"high\")\nadd column people.level level default \"low\"",
        "drop column people.past",
        "drop table people\ndrop enum mood",
        "alter column people.past type text",
    ])
    func derivedDowngradesRestoreTheSchema(_ ops: String) {
        let file = Self.parse("revision b2\nparent a1\nmessage \"m\"\n\nupgrade {\n  " + ops.replacing("\n", with: "\n  ") + "\n}\n")
        let before = Self.schemaAfterSetup()
        let (checked, diagnostics) = RevisionChecker.check(id: "b2", file: file, before: before, verifyDerived: true)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
        #expect(checked.downgradeIsDerived && checked.downgrade != nil)
        let restored = checked.downgrade?.last?.after ?? checked.after
        #expect(restored == before)
    }

    @Test func enumChangesRetypeTheColumnsUsingIt() {
        var schema = Self.schemaAfterSetup()
        schema = schema.applying(.alterEnum(AlterEnum(name: Identifier("mood"), change: .renameValue(StringLiteral("ok"), to: StringLiteral("fine")))))
        let column = schema.tables["people"]?.column(named: "feeling")
        #expect(column?.type == .enumeration(EnumTypeReference(name: "mood", values: ["sad", "fine", "happy"])))
        #expect(column?.defaultValue?.kind == .string("fine"))
        #expect(schema.tables["people"]?.column(named: "past")?.type == .array(.enumeration(EnumTypeReference(name: "mood", values: ["sad", "fine", "happy"]))))
        schema = schema.applying(.renameEnum(RenameEnum(name: Identifier("mood"), newName: Identifier("feeling"))))
        #expect(schema.columns(usingEnum: "feeling").map(\.column) == ["feeling", "past"])
        #expect(schema.enums["mood"] == nil)
    }

    @Test func usingANewValueInTheSameRevisionIsLintedOnPostgresOnly() {
        let file = Self.parse("""
            revision b2
            parent a1
            message "m"

            upgrade {
              alter enum mood add value "great"
              alter column people.feeling set default "great"
            }
            """)
        let (checked, _) = RevisionChecker.check(id: "b2", file: file, before: Self.schemaAfterSetup())
        let rule = EnumValueUsedInSameTransaction()
        #expect(rule.check(checked, config: LintConfig(dialect: "postgres")).count == 1)
        #expect(rule.check(checked, config: LintConfig(dialect: "sqlite")).isEmpty)
        var off = checked
        off.file.header.transactionOff = SourceSpan.synthesized
        #expect(rule.check(off, config: LintConfig(dialect: "postgres")).isEmpty)
    }
}
