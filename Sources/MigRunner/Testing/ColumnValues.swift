import MigCore

// Random values that fit a column's type. They fill their types (strings up to 32
// characters, integers past the next smaller type, decimals up to their precision)
// so a narrowing `alter column ... type` meets a value that no longer fits.
extension SeededRandom {
    mutating func value(for type: ColumnType, dialect: Dialect) -> DataValue? {
        switch type {
        case .smallint: return .number(String(int(0...32_767)))
        case .int: return .number(String(chance(0.5) ? int(0...32_767) : int(32_768...2_147_483_647)))
        case .bigint: return .number(String(chance(0.5) ? int(0...2_147_483_647) : int(2_147_483_648...9_007_199_254_740_991)))
        case .real, .double: return .number("\(int(0...99_999)).\(int(0...99))")
        case .decimal(let precision, let scale): return .number(decimal(precision: precision, scale: scale))
        case .bool: return .bool(chance(0.5))
        case .text: return .text(word(int(1...32)))
        case .sizedText(let n), .varchar(let n): return .text(word(int(1...max(1, min(n, 32)))))
        case .char(let n): return .text(word(min(n, 32)))
        case .blob: return .blob((0..<int(1...16)).map { _ in UInt8(int(0...255)) })
        case .date: return .text(date())
        case .time: return .text(time())
        case .timestamp: return .text(date() + " " + time())
        case .timestamptz: return .text(date() + " " + time() + (dialect == .mysql ? "" : "+00"))
        case .uuid: return .text(uuid())
        case .json, .jsonText: return .text("{\"n\": \(int(0...9_999))}")
        case .unboundedVarchar: return .text(word(int(1...32)))
        case .interval: return .text("\(int(1...30)) days")
        case .enumeration(let e): return e.values.isEmpty ? nil : .text(e.values[int(0...e.values.count - 1)])
        // An empty array in each dialect's spelling (PostgreSQL array literal, JSON elsewhere).
        case .array: return .text(dialect == .postgres ? "{}" : "[]")
        case .custom: return nil
        }
    }

    /// A value no other row generated in this run has (`sequence` grows by one per
    /// row), or nil when the type cannot hold enough distinct values.
    mutating func unique(for type: ColumnType, sequence: Int) -> DataValue? {
        let n = sequence + 1_000
        switch type {
        case .smallint where n <= 32_767: return .number(String(n))
        case .int, .bigint: return .number(String(n))
        case .real, .double: return .number("\(n).5")
        case .decimal(let p, let s) where (p ?? 18) - (s ?? 0) >= 7: return .number(String(n))
        case .text: return .text(uniqueWord(n, length: int(8...24)))
        case .sizedText(let limit), .varchar(let limit):
            guard limit >= 8 else { return nil }
            return .text(uniqueWord(n, length: int(8...min(limit, 24))))
        case .char(let limit) where limit >= 8: return .text(uniqueWord(n, length: min(limit, 32)))
        case .uuid: return .text(uuid())
        default: return nil
        }
    }

    private mutating func uniqueWord(_ n: Int, length: Int) -> String {
        let stem = "u" + String(n, radix: 36) + "x"
        return stem + word(length - stem.count)
    }

    private mutating func decimal(precision: Int?, scale: Int?) -> String {
        let scale = scale ?? (precision == nil ? 2 : 0)
        let whole = max((precision ?? 10) - scale, 0)
        var text = whole == 0 ? "0" : String(int(1...9)) + (0..<int(0...whole - 1)).map { _ in String(int(0...9)) }.joined()
        if scale > 0 { text += "." + (0..<scale).map { _ in String(int(0...9)) }.joined() }
        return text
    }

    private mutating func date() -> String {
        String(format2: int(2000...2030), 4) + "-" + String(format2: int(1...12), 2) + "-" + String(format2: int(1...28), 2)
    }

    private mutating func time() -> String {
        String(format2: int(0...23), 2) + ":" + String(format2: int(0...59), 2) + ":" + String(format2: int(0...59), 2)
    }

    private mutating func uuid() -> String {
        func hex(_ count: Int) -> String { (0..<count).map { _ in String(int(0...15), radix: 16) }.joined() }
        return "\(hex(8))-\(hex(4))-4\(hex(3))-\(["8", "9", "a", "b"][int(0...3)])\(hex(3))-\(hex(12))"
    }
}

extension String {
    /// `n` in decimal, zero-padded to `width` digits.
    init(format2 n: Int, _ width: Int) {
        let digits = String(n)
        self = String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
