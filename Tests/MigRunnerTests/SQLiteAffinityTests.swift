import Foundation
import Testing
@testable import MigCore
@testable import MigRunner

/// Every portable type's SQLite declaration gets the affinity it should (issue 11 #3):
/// a value made only of digits stays text in the text-like types (`uuid` and `json`
/// included), and both the old and the new spellings read back as the portable type.
@Suite struct SQLiteAffinityTests {
    static let textual: [ColumnType] = [
        .text, .varchar(40), .char(32), .uuid, .json,
        .interval, .unboundedVarchar, .jsonText, .array(.int), .enumeration(EnumTypeReference(name: "e", values: ["1"])),
    ]

    @Test func digitsStayTextInTextLikeTypes() throws {
        let driver = try SQLiteFiles.fresh().connect()
        for (i, type) in Self.textual.enumerated() {
            let declared = TypeNames.sqlite(type, autoincrement: false)
            try driver.execute("CREATE TABLE t\(i) (v \(declared))")
            try driver.execute("INSERT INTO t\(i) VALUES ('12345678901234567890123456789012')")
            #expect(try driver.scalar("SELECT typeof(v) || ':' || v FROM t\(i)") == "text:12345678901234567890123456789012", "\(type) declared \(declared)")
        }
    }

    @Test func bothSpellingsReadBack() {
        #expect(TypeMapping.sqlite("UUID") == .uuid)
        #expect(TypeMapping.sqlite("UUID TEXT") == .uuid)
        #expect(TypeMapping.sqlite("JSON") == .json)
        #expect(TypeMapping.sqlite("JSON TEXT") == .json)
        // Arrays read back as `text[]` and enums as TEXT plus their CHECK (normalized by `check`).
        for type in Self.textual.filter({ $0.enumName == nil && $0 != .array(.int) }) + [.array(.text)] + [.int, .bigint, .smallint, .bool, .date, .time, .timestamp, .timestamptz, .blob, .real, .double, .decimal(precision: 10, scale: 2)] {
            #expect(TypeMapping.sqlite(TypeNames.sqlite(type, autoincrement: false)) == type)
        }
    }
}
