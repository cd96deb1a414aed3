import Testing
@testable import MigCore

/// Inverses of data changes: an insert carrying literal keys derives the delete of
/// its rows; update and delete need a written `reverse`; `reverse nothing` derives
/// an empty downgrade (for `sql` too, like the older `reverse ""`).
@Suite struct DataChangeInverseTests {
    static let setup = """
        create table plans { code varchar(20) primary key; name text not null; slug varchar(20) unique }
        create table members { org bigint not null; member bigint not null; primary key (org, member) }
        create table events { id bigint primary key autoincrement; kind text }
        """

    static func checked(_ ops: String) -> CheckedRevision {
        let source = "revision a1\nmessage \"m\"\n\nupgrade {\n\(setup)\n\(ops)\n}\n"
        let parsed = Parser.parse(source: source, path: "a1.mig")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message))")
        let (revision, diagnostics) = RevisionChecker.check(id: "a1", file: parsed.file, before: .empty, verifyDerived: true)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
        return revision
    }

    /// The derived downgrade's data changes, printed.
    static func downgrade(_ ops: String) -> [String]? {
        checked(ops).downgrade.map { steps in
            steps.map(\.statement).filter { $0.operation.isDataChange || { if case .sql = $0.operation { true } else { false } }($0) }
                .map { Printer.print(statements: [$0], indent: 0).trimmingCharacters(in: .newlines) }
        }
    }

    @Test func insertWithPrimaryKeysDeletesItsRows() {
        #expect(Self.downgrade("insert into plans (code, name) values (\"free\", \"Free\"), (\"team\", \"Team\")")
            == ["delete from plans where code in (\"free\", \"team\")"])
        #expect(Self.downgrade("insert into events (id, kind) values (-1, \"x\")") == ["delete from events where id = -1"])
    }

    @Test func numbersInTextKeysAreMatchedAsText() {
        #expect(Self.downgrade("insert into plans (code, name) values (42, \"Answer\"), (-1, \"Minus\")")
            == ["delete from plans where code in (\"42\", \"-1\")"])
        // `1.50` is stored as `1.5` by SQLite and `1.50` by PostgreSQL: no reliable match.
        #expect(Self.downgrade("insert into plans (code, name) values (1.50, \"x\")") == nil)
    }

    @Test func compositeKeysGroupByPrefix() {
        #expect(Self.downgrade("insert into members (org, member) values (1, 1), (1, 2), (2, 1)")
            == ["delete from members where org = 1 and member in (1, 2) or org = 2 and member = 1"])
    }

    @Test func aUniqueKeyServesWhenThePrimaryKeyIsNotGiven() {
        #expect(Self.downgrade("insert into events (kind) values (\"x\")") == nil)
        #expect(Self.checked("insert into events (kind) values (\"x\")").irreversibleStatement != nil)
        #expect(Self.downgrade("insert into plans (name, slug, code) values (\"Free\", \"free\", lower(\"FREE\"))")
            == ["delete from plans where slug = \"free\""])
    }

    @Test func updateAndDeleteNeedAReverse() {
        #expect(Self.downgrade("update plans set name = \"x\"") == nil)
        #expect(Self.downgrade("delete from plans") == nil)
        #expect(Self.downgrade("update plans set name = \"x\" reverse nothing") == [])
        #expect(Self.downgrade("delete from plans where code = \"a\" reverse {\n  insert into plans (code, name) values (\"a\", \"A\")\n}")
            == ["insert into plans (code, name) values (\"a\", \"A\")"])
        #expect(Self.downgrade("sql \"update plans set name = 'x'\" reverse nothing") == [])
        #expect(Self.downgrade("sql \"update plans set name = 'x'\"") == nil)
    }

    @Test func refusalsNameTheOpWithoutInverse() {
        let insert = Self.checked("insert into events (kind) values (\"x\")").irreversibleStatement
        let refusal = CannotDowngrade(id: "a1", path: "a1.mig", declared: false, statementSpan: insert?.span, operation: insert?.operation)
        #expect(refusal.diagnostic(action: "downgrade", help: "").message
            == "cannot downgrade past revision a1: an `insert` does not give every row's key, so its rows cannot be found again and no downgrade block is written")
        let update = Self.checked("update plans set name = \"x\"").irreversibleStatement
        #expect(IrreversibleRevision.reason(update?.operation) == "this `update` has no `reverse`")
        #expect(IrreversibleRevision.reason(nil) == "this `sql` block has no `reverse`")
    }

    @Test func theCheapPreCheckAgrees() {
        for op in ["update plans set name = \"x\"", "delete from plans", "sql \"select 1\""] {
            let file = Parser.parse(source: "revision a1\nmessage \"m\"\nupgrade {\n\(op)\n}\n", path: "a1.mig").file
            #expect(file.upgrade?.statements.first?.operation.lacksWrittenInverse == true, "\(op)")
        }
        let file = Parser.parse(source: "revision a1\nmessage \"m\"\nupgrade {\nsql \"select 1\" reverse nothing\n}\n", path: "a1.mig").file
        #expect(file.upgrade?.statements.first?.operation.lacksWrittenInverse == false)
    }

    @Test func caseIsAnExpressionOnlyWhereItCanBe() {
        func expr(_ text: String) -> String {
            let parsed = Parser.parse(source: "revision a1\nmessage \"m\"\nupgrade {\nadd check c on t (\(text))\n}\n", path: "a1.mig")
            #expect(parsed.diagnostics.isEmpty, "\(text): \(parsed.diagnostics.map(\.message))")
            guard case .addConstraint(let a)? = parsed.file.upgrade?.statements.first?.operation, case .check(let e) = a.kind else { return "" }
            return ASTDump.dump(e)
        }
        #expect(expr("case = 1") == "(= case 1)")
        #expect(expr("case(x) > 0") == "(> (call case x) 0)")
        #expect(expr("case (x) when 1 then true end") == "(case x (when 1 true))")
        #expect(expr("case not in (1, 2)") == "(not-in case 1 2)")
        #expect(expr("case when a\n  then b else c end") == "(case (when a b) (else c))")
        let printed = Printer.print(Parser.parse(source: "revision a1\nmessage \"m\"\nupgrade {\nupdate t set a = case x when 1 then \"one\" end\n}\n", path: "a1.mig").file)
        #expect(printed.contains("update t set a = case x when 1 then \"one\" end"))
    }
}
