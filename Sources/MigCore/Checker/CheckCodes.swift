/// The checker's stable error codes. E1xx: names and types; E2xx: reversibility;
/// E35x: conflicting branches at a merge (E30x-E34x belong to the graph).
public enum CheckCode {
    public static let tableExists = "E101"
    public static let unknownTable = "E102"
    public static let columnExists = "E103"
    public static let unknownColumn = "E104"
    public static let indexExists = "E105"
    public static let unknownIndex = "E106"
    public static let constraintExists = "E107"
    public static let unknownConstraint = "E108"
    public static let foreignKeyTargetNotUnique = "E109"
    public static let foreignKeyTypeMismatch = "E110"
    public static let foreignKeyColumnCount = "E111"
    public static let badAutoincrement = "E112"
    public static let multiplePrimaryKeys = "E113"
    public static let conflictingModifiers = "E114"
    public static let defaultTypeMismatch = "E115"
    /// An alter that changes nothing (`set not null` on a non-null column, ...): an
    /// error, because its derived inverse would change the schema on the way back.
    public static let noOpAlter = "E116"
    public static let columnInUse = "E117"
    public static let lastColumn = "E118"
    public static let nullablePrimaryKey = "E119"
    public static let constraintInUse = "E120"
    public static let tableInUse = "E121"
    public static let reservedName = "E122"
    public static let nameTooLong = "E123"

    public static let downgradeMismatch = "E201"
    public static let derivedDowngradeMismatch = "E202"

    public static let branchConflict = "E350"
}
