import Testing
@testable import MigCore

@Test func spansDoNotTakePartInEquality() {
    let a = Identifier("users", span: SourceSpan(file: "a.mig", start: .init(line: 1, column: 1, offset: 0), end: .init(line: 1, column: 6, offset: 5)))
    #expect(a == Identifier("users"))
}

@Test func suggestsCloseNames() {
    #expect(Suggest.closest(to: "varchr", in: ColumnType.keywords) == "varchar")
    #expect(Suggest.closest(to: "zzzzzz", in: ColumnType.keywords) == nil)
}
