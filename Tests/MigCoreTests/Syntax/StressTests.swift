import Testing
@testable import MigCore

/// Hostile inputs: each must give clear diagnostics, never a trap or a hang.
@Suite struct StressTests {
    let header = "revision a1\nmessage \"m\"\n"

    func codes(_ source: [UInt8]) -> [DiagnosticCode] {
        Parser.parse(bytes: source, path: "s.mig").diagnostics.compactMap(\.code)
    }

    @Test func tenThousandNestedParentheses() {
        let source = header + "upgrade {\n add column t.c int default " + String(repeating: "(", count: 10_000) + "1"
            + String(repeating: ")", count: 10_000) + "\n drop table x\n}\n"
        #expect(codes(Array(source.utf8)) == ["E071"])
    }

    @Test func deepUnaryChainsAreCapped() {
        let minus = header + "upgrade {\n add column t.c int default " + String(repeating: "- ", count: 10_000) + "1\n}\n"
        #expect(codes(Array(minus.utf8)) == ["E071"])
        let nots = header + "upgrade {\n add column t.c bool check (" + String(repeating: "not ", count: 10_000) + "a)\n}\n"
        #expect(codes(Array(nots.utf8)) == ["E071"])
    }

    @Test func tenMegabyteSingleLine() {
        let big = String(repeating: "x", count: 10_000_000)
        let sql = header + "upgrade { sql \"\"\"" + big + "\"\"\" } -- " + big + "\n"
        #expect(codes(Array(sql.utf8)).isEmpty)
        // A long line of many small tokens: no quadratic step anywhere.
        let n = 20_000
        let table = Array((header + "upgrade { create table t { c int" + String(repeating: ", abcdefg int not null", count: n - 1) + " } }\n").utf8)
        let result = Parser.parse(bytes: table, path: "s.mig")
        #expect(result.diagnostics.isEmpty)
        if case .createTable(let t)? = result.file.upgrade?.statements.first?.operation {
            #expect(t.columns.count == n)
        } else {
            Issue.record("no create table")
        }
    }

    @Test func hugeWordsGiveShortMessages() {
        let word = String(repeating: "w", count: 1_000_000)
        let d = Parser.parse(source: header + "upgrade {\n  " + word + " table t\n}\n", path: "s.mig").diagnostics
        #expect(d.map(\.code) == ["E030"])
        #expect((d.first?.message.count ?? .max) < 100)
    }

    /// A million-operator chain would nest a million deep: capped like parentheses.
    @Test func longOperatorChainsAreCapped() {
        let expression = header + "upgrade { add column t.c int default 1" + String(repeating: " + a", count: 1_000_000) + " }\n"
        #expect(codes(Array(expression.utf8)) == ["E071"])
    }

    @Test func invalidUTF8Everywhere() {
        let bytes: [UInt8] = [0xFF] + Array(header.utf8) + [0xC0, 0x80] + Array("upgrade {\n drop table `t\u{FF}`\n}\n".utf8) + [0xED, 0xA0, 0x80]
        let found = codes(bytes)
        #expect(found.contains("E001"))
        #expect(found.allSatisfy { $0.rawValue.hasPrefix("E0") })
    }

    @Test func unterminatedConstructs() {
        #expect(codes(Array((header + "upgrade {\n add column t.c text default \"abc\n}\n").utf8)) == ["E003"])
        #expect(codes(Array((header + "upgrade {\n sql \"\"\"abc\n").utf8)).first == "E004")
        let block = Parser.parse(source: header + "upgrade {\n drop table t\n", path: "s.mig").diagnostics
        #expect(block.map(\.code) == ["E021"])
        #expect(block.first?.notes.first?.span?.start.line == 3)
    }

    @Test func duplicateHeadersPointAtTheFirst() {
        let d = Parser.parse(source: "revision a\nrevision b\nmessage \"m\"\nmessage \"n\"\n", path: "s.mig").diagnostics
        #expect(d.map(\.code) == ["E012", "E012"])
        #expect(d.map { $0.notes.first?.span?.start.line } == [1, 3])
    }

    @Test func everyErrorOfEveryStatementIsReported() {
        let source = header + "upgrade {\n crate table t\n drop tabel u\n add column t.c integer\n rename table a b\n}\n"
        #expect(codes(Array(source.utf8)) == ["E030", "E032", "E057", "E038"])
    }
}
