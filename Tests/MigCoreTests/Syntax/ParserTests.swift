import Testing
@testable import MigCore

@Suite struct ParserTests {
    let header = "revision a1\nmessage \"m\"\n"

    func statements(_ body: String) -> [Statement] {
        let result = Parser.parse(source: header + "upgrade {\n" + body + "\n}\n", path: "t.mig")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        return result.file.upgrade?.statements ?? []
    }

    func expr(_ text: String) -> String {
        guard case .addColumn(let a)? = statements("add column t.c int default " + text).first?.operation,
              case .defaultValue(let e)? = a.column.modifiers.first?.kind else { return "?" }
        return ASTDump.dump(e)
    }

    @Test func operationsBuildTheContractAST() {
        #expect(statements("drop column t.c").map(\.operation) == [.dropColumn(DropColumn(table: Identifier("t"), column: Identifier("c")))])
        #expect(statements("rename table a to b").map(\.operation) == [.renameTable(RenameTable(name: Identifier("a"), newName: Identifier("b")))])
        let expected = AddColumn(table: Identifier("t"), column: ColumnDefinition(
            name: Identifier("c"), type: TypeReference(.varchar(20)),
            modifiers: [ColumnModifier(.notNull), ColumnModifier(.defaultValue(Expr(.string("x"))))]))
        #expect(statements("add column t.c varchar(20) not null default \"x\"").map(\.operation) == [.addColumn(expected)])
        #expect(statements("alter column t.c type bigint using c * 2").map(\.operation) == [.alterColumn(AlterColumn(
            table: Identifier("t"), column: Identifier("c"),
            change: .type(TypeReference(.bigint), using: Expr(.binary(.multiply, Expr(.column(Identifier("c"))), Expr(.number("2")))))))])
    }

    @Test func literalKeywordsAreLiteralsInAnyCase() {
        func value(_ text: String) -> Expr.Kind? {
            guard case .addColumn(let a)? = statements("add column t.c int default " + text).first?.operation,
                  case .defaultValue(let e)? = a.column.modifiers.first?.kind else { return nil }
            return e.kind
        }
        #expect(value("current_timestamp") == .currentTimestamp)
        #expect(value("CURRENT_DATE") == .currentDate)
        #expect(value("True") == .bool(true))
        #expect(value("NULL") == .null)
        #expect(value("`current_date`") == .column(Identifier("current_date")))
        #expect(value("current_datex") == .column(Identifier("current_datex")))
    }

    @Test func whitespaceCaseAndCommentsDoNotChangeTheTree() {
        let a = Parser.parse(source: header + "upgrade {\n  create table t { a int not null, b text }\n}\n", path: "a.mig")
        let b = Parser.parse(source: "REVISION a1 -- x\nMessage \"m\"\nUPGRADE{CREATE TABLE t {\n a   INT NOT NULL\n\n b TEXT\n}}", path: "b.mig")
        #expect(a.diagnostics.isEmpty && b.diagnostics.isEmpty)
        #expect(a.file.upgrade?.statements.map(\.operation) == b.file.upgrade?.statements.map(\.operation))
        #expect(a.file.header.revision == b.file.header.revision)
    }

    @Test func precedenceFollowsBinaryOperatorPrecedence() {
        #expect(expr("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(expr("a or b and c") == "(or a (and b c))")
        #expect(expr("not a = b") == "(not (= a b))")
        #expect(expr("a || b = c") == "(= (|| a b) c)")
        #expect(expr("a + b || c") == "(|| (+ a b) c)")
        #expect(expr("- a * b") == "(* (neg a) b)")
        #expect(expr("1 - 2 - 3") == "(- (- 1 2) 3)")
        #expect(expr("a between 1 and 2 and b") == "(and (between a 1 2) b)")
        #expect(expr("a not in (1) or b is not null") == "(or (not-in a 1) (is-not-null b))")
        #expect(expr("(a + b) * c") == "(* (+ a b) c)")
        #expect(expr("current_timestamp") == "current_timestamp")
        #expect(expr("f(current_date, \"x\")") == "(call f current_date \"x\")")
    }

    @Test func newlinesInsideParenthesesDoNotEndStatements() {
        let s = statements("add column t.c int check (\n  c > 0\n  and c < 10\n)\ndrop table u")
        #expect(s.count == 2)
    }

    @Test func spansPointAtTheSource() throws {
        let s = statements("  drop table users")
        let span = try #require(s.first?.span)
        #expect(span.start.line == 4 && span.start.column == 3)
        #expect(span.end.column == 19)
    }

    @Test func headerFastPathStopsAtTheFirstBlock() {
        let source = header + "parent p0\nupgrade {\n  this is not parsed ((( \n}\n"
        // Not even lexed: the invalid UTF-8 in the body goes unreported.
        let (h, diagnostics) = Parser.parseHeader(bytes: Array(source.utf8) + [0xFF], path: "t.mig")
        #expect(diagnostics.isEmpty)
        #expect(h.revision?.name == "a1" && h.parents.map(\.name) == ["p0"])
    }

    @Test func triviaAttachesToStatements() throws {
        let s = statements("  -- why\n  drop table t -- now\n")
        let first = try #require(s.first)
        #expect(first.trivia == Trivia(leading: [" why"], trailing: " now"))
    }
}
