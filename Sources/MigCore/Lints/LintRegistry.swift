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
        EnumValueUsedInSameTransaction.self,
        EnumValueDropped.self,
        UnbatchedBackfill.self,
        ViewSelectsEveryColumn.self,
    ] + parityRules

    /// The rules matching Atlas, squawk and strong_migrations (MIG130-MIG151).
    static let parityRules: [any LintRule.Type] = [
        DropIndexNotConcurrently.self,
        PrimaryKeyOnExistingTable.self,
        UniqueConstraintOnExistingTable.self,
        VolatileDefault.self,
        SetNotNullScan.self,
        PrimaryKeyOnNullableColumns.self,
        CheckWithoutNotValid.self,
        ForeignKeyWithoutNotValid.self,
        ForeignKeyLocksReferencedTable.self,
        UniqueOnExistingData.self,
        NullableMadeNotNull.self,
        DropNotNull.self,
        DropForeignKey.self,
        AutoincrementOnExistingTable.self,
        WideIndex.self,
        TruncatedNameCollision.self,
        NotRetryableWithoutTransaction.self,
        PreferBigint.self,
        PreferText.self,
        PreferTimestamptz.self,
        CharColumn.self,
        NamingConvention.self,
    ]

    public static var descriptions: [LintDescription] { all.map { $0.description } }

    /// Every lint code (the linter checks `-- migc:allow` codes against it per revision).
    public static let codes: Set<DiagnosticCode> = Set(all.map { $0.description.code })

    public static func rule(_ code: DiagnosticCode) -> (any LintRule.Type)? {
        all.first { $0.description.code == code }
    }
}
