// Every diagnostic code migc reports, one constant each: the only place a code is
// spelled out (a test greps Sources/ for code text anywhere else). Each has an entry
// in `DiagnosticRegistry`; docs/diagnostics.md is generated from those.
//
//   E0xx  syntax (the parser)           E30x, E31x  revision graph and file loading
//   E1xx  names and types (checker)     E350        conflicting branches at a merge
//   E2xx  reversibility (checker)       MIG1xx      lints (docs/lints.md)
//                                       MIG8xx      backend warnings

extension DiagnosticCode {
    // Syntax: lexical
    public static let invalidUTF8: DiagnosticCode = "E001"
    public static let unexpectedCharacter: DiagnosticCode = "E002"
    public static let unterminatedString: DiagnosticCode = "E003"
    public static let unterminatedTripleString: DiagnosticCode = "E004"
    public static let unterminatedQuotedName: DiagnosticCode = "E005"
    public static let unknownEscape: DiagnosticCode = "E006"
    public static let emptyQuotedName: DiagnosticCode = "E007"
    public static let singleQuotedString: DiagnosticCode = "E008"
    public static let nulByte: DiagnosticCode = "E009"

    // Syntax: header lines
    public static let missingRevision: DiagnosticCode = "E010"
    public static let missingMessage: DiagnosticCode = "E011"
    public static let duplicateHeaderLine: DiagnosticCode = "E012"
    public static let unknownHeaderLine: DiagnosticCode = "E013"
    public static let invalidRevisionID: DiagnosticCode = "E014"
    public static let expectedRevisionID: DiagnosticCode = "E015"
    public static let expectedMessage: DiagnosticCode = "E016"
    public static let invalidTimestamp: DiagnosticCode = "E017"
    public static let expectedOff: DiagnosticCode = "E018"
    public static let headerAfterBlocks: DiagnosticCode = "E019"

    // Syntax: blocks
    public static let expectedBlockBrace: DiagnosticCode = "E020"
    public static let unterminatedBlock: DiagnosticCode = "E021"
    public static let duplicateBlock: DiagnosticCode = "E022"
    public static let expectedDowngradeBody: DiagnosticCode = "E023"
    public static let unexpectedAtTopLevel: DiagnosticCode = "E024"
    public static let expectedLabelName: DiagnosticCode = "E025"
    public static let emptyMessage: DiagnosticCode = "E026"
    public static let operationOutsideBlock: DiagnosticCode = "E027"
    public static let unexpectedClosingBrace: DiagnosticCode = "E028"

    // Syntax: operations
    public static let unknownOperation: DiagnosticCode = "E030"
    public static let expectedAfterCreate: DiagnosticCode = "E031"
    public static let expectedAfterDrop: DiagnosticCode = "E032"
    public static let expectedAfterRename: DiagnosticCode = "E033"
    public static let expectedAfterAdd: DiagnosticCode = "E034"
    public static let expectedAfterAlter: DiagnosticCode = "E035"
    public static let expectedName: DiagnosticCode = "E036"
    public static let expectedQualifiedColumn: DiagnosticCode = "E037"
    public static let expectedTo: DiagnosticCode = "E038"
    public static let expectedStatementEnd: DiagnosticCode = "E039"
    public static let expectedAlterChange: DiagnosticCode = "E040"
    public static let expectedAfterSet: DiagnosticCode = "E041"
    public static let expectedOn: DiagnosticCode = "E042"
    public static let expectedColumnList: DiagnosticCode = "E043"
    public static let emptyColumnList: DiagnosticCode = "E044"
    public static let expectedClosingParen: DiagnosticCode = "E045"
    public static let expectedSQLText: DiagnosticCode = "E046"
    public static let unknownDialect: DiagnosticCode = "E047"
    public static let expectedReverseText: DiagnosticCode = "E048"
    public static let duplicateIndexClause: DiagnosticCode = "E049"
    public static let expectedAfterDropNot: DiagnosticCode = "E050"
    public static let expectedKey: DiagnosticCode = "E051"

    // Syntax: tables and columns
    public static let expectedTableBody: DiagnosticCode = "E052"
    public static let duplicateModifier: DiagnosticCode = "E053"
    public static let conflictingNullability: DiagnosticCode = "E054"
    public static let unknownModifier: DiagnosticCode = "E055"
    public static let expectedNull: DiagnosticCode = "E056"
    public static let unknownType: DiagnosticCode = "E057"
    public static let expectedType: DiagnosticCode = "E058"
    public static let expectedInteger: DiagnosticCode = "E059"
    public static let missingTypeArgument: DiagnosticCode = "E060"
    public static let tooManyTypeArguments: DiagnosticCode = "E061"
    public static let unknownAction: DiagnosticCode = "E062"
    public static let expectedDeleteOrUpdate: DiagnosticCode = "E063"
    public static let duplicateAction: DiagnosticCode = "E064"
    public static let missingConstraintName: DiagnosticCode = "E065"
    public static let expectedItemEnd: DiagnosticCode = "E066"
    public static let expectedReferences: DiagnosticCode = "E067"
    public static let emptyCustomType: DiagnosticCode = "E068"
    public static let unterminatedTableBody: DiagnosticCode = "E069"

    // Syntax: expressions
    public static let expectedExpression: DiagnosticCode = "E070"
    public static let nestedTooDeeply: DiagnosticCode = "E071"
    public static let expectedIsNull: DiagnosticCode = "E072"
    public static let expectedBetweenAnd: DiagnosticCode = "E073"
    public static let expectedInList: DiagnosticCode = "E074"
    public static let emptyInList: DiagnosticCode = "E075"
    public static let expectedArgumentsEnd: DiagnosticCode = "E076"
    public static let expectedParenthesizedExpression: DiagnosticCode = "E077"
    public static let expectedAction: DiagnosticCode = "E078"

    // Syntax: values
    public static let invalidCustomType: DiagnosticCode = "E080"
    public static let tooManyErrors: DiagnosticCode = "E081"
    public static let notText: DiagnosticCode = "E082"
    /// `lock_timeout` / `statement_timeout` need `5s`, `200ms`, `off`, ...
    public static let invalidDuration: DiagnosticCode = "E083"
    /// `not valid` after a unique or primary key.
    public static let notValidUnsupported: DiagnosticCode = "E084"
    /// `validate` without `constraint`, `using` without `index`.
    public static let expectedKeyword: DiagnosticCode = "E085"
    public static let integerTooLarge: DiagnosticCode = "E086"
    public static let scaleExceedsPrecision: DiagnosticCode = "E087"
    public static let zeroLength: DiagnosticCode = "E088"

    // Syntax: data changes (`insert`, `update`, `delete`, `reverse`, `case`)
    public static let malformedDataOperation: DiagnosticCode = "E094"
    public static let notInReverseBlock: DiagnosticCode = "E095"
    public static let expectedReverseBody: DiagnosticCode = "E096"
    // Syntax: enums and arrays
    public static let expectedEnumValue: DiagnosticCode = "E090"
    public static let expectedEnumChange: DiagnosticCode = "E091"
    public static let nestedArray: DiagnosticCode = "E092"
    public static let arrayOfQuotedType: DiagnosticCode = "E093"
    // Syntax: views, comments, index clauses
    public static let expectedViewBody: DiagnosticCode = "E097"
    public static let expectedClause: DiagnosticCode = "E098"
    public static let unknownIndexMethod: DiagnosticCode = "E099"

    // Checker: names and types
    public static let tableExists: DiagnosticCode = "E101"
    public static let unknownTable: DiagnosticCode = "E102"
    public static let columnExists: DiagnosticCode = "E103"
    public static let unknownColumn: DiagnosticCode = "E104"
    public static let indexExists: DiagnosticCode = "E105"
    public static let unknownIndex: DiagnosticCode = "E106"
    public static let constraintExists: DiagnosticCode = "E107"
    public static let unknownConstraint: DiagnosticCode = "E108"
    public static let foreignKeyTargetNotUnique: DiagnosticCode = "E109"
    public static let foreignKeyTypeMismatch: DiagnosticCode = "E110"
    public static let foreignKeyColumnCount: DiagnosticCode = "E111"
    public static let badAutoincrement: DiagnosticCode = "E112"
    public static let multiplePrimaryKeys: DiagnosticCode = "E113"
    public static let conflictingModifiers: DiagnosticCode = "E114"
    public static let defaultTypeMismatch: DiagnosticCode = "E115"
    /// An alter that changes nothing: an error, because its derived inverse would change the schema on the way back.
    public static let noOpAlter: DiagnosticCode = "E116"
    public static let columnInUse: DiagnosticCode = "E117"
    public static let lastColumn: DiagnosticCode = "E118"
    public static let nullablePrimaryKey: DiagnosticCode = "E119"
    public static let constraintInUse: DiagnosticCode = "E120"
    public static let tableInUse: DiagnosticCode = "E121"
    public static let reservedName: DiagnosticCode = "E122"
    public static let nameTooLong: DiagnosticCode = "E123"
    public static let duplicateKey: DiagnosticCode = "E124"
    /// `validate constraint` on a unique or primary key (only foreign keys and checks).
    public static let cannotValidate: DiagnosticCode = "E160"
    /// `validate constraint` on a constraint that is already valid.
    public static let alreadyValid: DiagnosticCode = "E161"
    /// `using index` names an index that cannot become the key.
    public static let unusableIndex: DiagnosticCode = "E162"

    // Checker: data changes
    public static let duplicateDataColumn: DiagnosticCode = "E140"
    public static let rowWidthMismatch: DiagnosticCode = "E141"
    public static let missingRequiredColumn: DiagnosticCode = "E142"
    public static let valueTypeMismatch: DiagnosticCode = "E143"
    public static let columnInValues: DiagnosticCode = "E144"
    public static let badBackfill: DiagnosticCode = "E145"

    // Checker: enums
    public static let unknownEnum: DiagnosticCode = "E130"
    public static let enumExists: DiagnosticCode = "E131"
    public static let duplicateEnumValue: DiagnosticCode = "E132"
    public static let unknownEnumValue: DiagnosticCode = "E133"
    public static let enumInUse: DiagnosticCode = "E134"
    public static let invalidEnumValue: DiagnosticCode = "E135"
    public static let lastEnumValue: DiagnosticCode = "E136"

    // Checker: views, comments, index clauses
    public static let viewExists: DiagnosticCode = "E150"
    public static let unknownView: DiagnosticCode = "E151"
    public static let unknownViewDependency: DiagnosticCode = "E152"
    public static let usedByView: DiagnosticCode = "E153"
    public static let columnUsedByView: DiagnosticCode = "E154"
    public static let indexOptionMismatch: DiagnosticCode = "E155"

    // Checker: reversibility
    public static let downgradeMismatch: DiagnosticCode = "E201"
    public static let derivedDowngradeMismatch: DiagnosticCode = "E202"
    /// A data change's `reverse` in a revision whose downgrade is written: never run.
    public static let unusedReverse: DiagnosticCode = "E205"
    /// A `reverse` inside a `downgrade` block: never run.
    public static let reverseInDowngrade: DiagnosticCode = "E206"

    // Checker: conflicting branches at a merge
    public static let branchConflict: DiagnosticCode = "E350"

    // Revision graph and file loading
    public static let noRevisionLine: DiagnosticCode = "E300"
    public static let badRevisionID: DiagnosticCode = "E301"
    public static let duplicateRevisionID: DiagnosticCode = "E302"
    public static let unknownParent: DiagnosticCode = "E303"
    public static let unknownDependency: DiagnosticCode = "E304"
    public static let listedTwice: DiagnosticCode = "E305"
    public static let selfReference: DiagnosticCode = "E306"
    public static let revisionCycle: DiagnosticCode = "E307"
    public static let labelOnTwoRevisions: DiagnosticCode = "E308"
    public static let labelIsRevisionID: DiagnosticCode = "E309"
    public static let reservedLabel: DiagnosticCode = "E310"
    public static let migrationsDirectoryUnreadable: DiagnosticCode = "E311"
    public static let unreadableFile: DiagnosticCode = "E312"
    public static let skippedFile: DiagnosticCode = "E313"
    public static let replacedRevisionPresent: DiagnosticCode = "E314"
    public static let replacedTwice: DiagnosticCode = "E315"

    // Lints (the rules in Lints/ describe them)
    public static let irreversibleRevision: DiagnosticCode = "MIG101"
    public static let destructiveDrop: DiagnosticCode = "MIG102"
    public static let narrowingTypeChange: DiagnosticCode = "MIG103"
    public static let notNullWithoutDefault: DiagnosticCode = "MIG104"
    public static let nonConcurrentIndex: DiagnosticCode = "MIG105"
    public static let renameInUse: DiagnosticCode = "MIG106"
    public static let tableRewrite: DiagnosticCode = "MIG107"
    public static let rawSQL: DiagnosticCode = "MIG108"
    public static let multipleHeads: DiagnosticCode = "MIG109"
    public static let unindexedForeignKey: DiagnosticCode = "MIG110"
    public static let unknownAllowCode: DiagnosticCode = "MIG111"
    public static let unusedAllow: DiagnosticCode = "MIG112"
    public static let unusedLabel: DiagnosticCode = "MIG113"
    public static let destructiveDowngrade: DiagnosticCode = "MIG114"
    public static let transactionControlInSQL: DiagnosticCode = "MIG115"
    public static let downgradeNeedsEmptyTable: DiagnosticCode = "MIG116"
    public static let mysqlLongKey: DiagnosticCode = "MIG117"
    public static let unbatchedBackfill: DiagnosticCode = "MIG120"
    public static let enumValueUsedInSameTransaction: DiagnosticCode = "MIG118"
    public static let enumValueDropped: DiagnosticCode = "MIG119"
    public static let viewSelectsEveryColumn: DiagnosticCode = "MIG122"

    // Backend warnings
    /// MySQL DDL commits implicitly: a failed revision is not rolled back.
    public static let mysqlNotTransactional: DiagnosticCode = "MIG801"
    /// MySQL has no partial indexes: the `where` predicate is dropped.
    public static let mysqlPartialIndex: DiagnosticCode = "MIG802"
    /// `concurrently` inside a transaction is emitted as a plain `CREATE INDEX`.
    public static let concurrentlyInTransaction: DiagnosticCode = "MIG803"
    /// MySQL's MODIFY COLUMN has no `using`: values convert implicitly.
    public static let mysqlUsingIgnored: DiagnosticCode = "MIG804"
    /// An online form (`not valid`, `set not null online`) runs as its plain form.
    public static let onlineFormUnavailable: DiagnosticCode = "MIG808"
    /// MySQL's UPDATE assigns left to right: a later value sees an earlier assignment.
    public static let mysqlAssignmentOrder: DiagnosticCode = "MIG806"
    /// MySQL and SQLite have no arrays: `T[]` is stored as JSON.
    public static let arrayAsJSON: DiagnosticCode = "MIG805"
    /// An index clause (`using`, `include`, `nulls not distinct`) only PostgreSQL has.
    public static let indexClauseIgnored: DiagnosticCode = "MIG807"
}

// Lints matching the rules of Atlas, squawk and strong_migrations (docs/lints.md's parity table).
extension DiagnosticCode {
    public static let dropIndexNotConcurrently: DiagnosticCode = "MIG130"
    public static let primaryKeyOnExistingTable: DiagnosticCode = "MIG131"
    public static let uniqueConstraintOnExistingTable: DiagnosticCode = "MIG132"
    public static let volatileDefault: DiagnosticCode = "MIG133"
    public static let setNotNullScan: DiagnosticCode = "MIG134"
    public static let primaryKeyOnNullableColumns: DiagnosticCode = "MIG135"
    public static let checkWithoutNotValid: DiagnosticCode = "MIG136"
    public static let foreignKeyWithoutNotValid: DiagnosticCode = "MIG137"
    public static let foreignKeyLocksReferencedTable: DiagnosticCode = "MIG138"
    public static let uniqueOnExistingData: DiagnosticCode = "MIG139"
    public static let nullableMadeNotNull: DiagnosticCode = "MIG140"
    public static let dropNotNull: DiagnosticCode = "MIG141"
    public static let dropForeignKey: DiagnosticCode = "MIG142"
    public static let autoincrementOnExistingTable: DiagnosticCode = "MIG143"
    public static let wideIndex: DiagnosticCode = "MIG144"
    public static let truncatedNameCollision: DiagnosticCode = "MIG145"
    public static let notRetryableWithoutTransaction: DiagnosticCode = "MIG146"
    public static let preferBigint: DiagnosticCode = "MIG147"
    public static let preferText: DiagnosticCode = "MIG148"
    public static let preferTimestamptz: DiagnosticCode = "MIG149"
    public static let charColumn: DiagnosticCode = "MIG150"
    public static let namingConvention: DiagnosticCode = "MIG151"
}
