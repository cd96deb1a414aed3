/// A stable diagnostic code: the `[E057]` a diagnostic prints, what `-- migc:allow`
/// and `[lint] disable` name. Every code is a constant in `DiagnosticCodes.swift` with
/// an entry in `DiagnosticRegistry` (title, explanation, example, fix); call sites
/// use the constants, never the text.
public struct DiagnosticCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// For tests and config text that spell a code out ("MIG102").
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    /// By text, which is by number within a family (codes have three digits) and
    /// puts `E` codes before `MIG` codes.
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

    /// The anchor of the code's section in a generated doc (`#e057`).
    public var anchor: String { rawValue.lowercased() }
}
