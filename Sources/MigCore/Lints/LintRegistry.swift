/// Every lint rule, in code order. A rule missing here ships untested and
/// undocumented: `LintRegistryTests` walks this list.
public enum LintRegistry {
    public static let all: [any LintRule.Type] = [
        IrreversibleRevision.self,
        DestructiveDrop.self,
        NarrowingTypeChange.self,
        NotNullWithoutDefault.self,
        NonConcurrentIndex.self,
        RenameInUse.self,
        TableRewrite.self,
        OpaqueSQL.self,
        MultipleHeads.self,
        UnindexedForeignKey.self,
        UnknownAllowCode.self,
        UnusedAllow.self,
        UnusedLabel.self,
        DestructiveDowngrade.self,
        TransactionControlInSQL.self,
        DowngradeNeedsEmptyTable.self,
        MySQLLongKey.self,
        ViewSelectsEveryColumn.self,
    ]

    public static var descriptions: [LintDescription] { all.map { $0.description } }

    public static func rule(_ code: DiagnosticCode) -> (any LintRule.Type)? {
        all.first { $0.description.code == code }
    }
}
