/// The catalogue of syntax errors: one case per mistake, each with its stable code
/// (`E0xx`, from the registry) and its message. Call sites add spans, notes and help.
enum SyntaxError: Sendable {
    // Lexical
    case invalidUTF8(UInt8)
    case unexpectedCharacter(String)
    case unterminatedString
    case unterminatedTripleString
    case unterminatedQuotedName
    case unknownEscape(String)
    case emptyQuotedName
    case singleQuotedString
    case nulByte
    // Header
    case missingRevision
    case missingMessage
    case duplicateHeaderLine(String)
    case unknownHeaderLine(String)
    case invalidRevisionID(String)
    case expectedRevisionID(after: String, found: String)
    case expectedMessage(found: String)
    case invalidTimestamp(String)
    case expectedOff(found: String)
    case invalidDuration(keyword: String, found: String)
    case headerAfterBlocks(String)
    // Blocks
    case expectedBlockBrace(String, found: String)
    case unterminatedBlock(String)
    case duplicateBlock(String)
    case expectedDowngradeBody(found: String)
    case unexpectedAtTopLevel(String)
    case expectedLabelName(found: String)
    case emptyMessage
    case operationOutsideBlock(String)
    case unexpectedClosingBrace
    // Operations
    case unknownOperation(String)
    case expectedAfterCreate(found: String)
    case expectedAfterDrop(found: String)
    case expectedAfterRename(found: String)
    case expectedAfterAdd(found: String)
    case expectedAfterAlter(found: String)
    case expectedName(what: String, after: String, found: String)
    case expectedQualifiedColumn(found: String)
    case expectedTo(after: String, found: String)
    case expectedStatementEnd(after: String, found: String)
    case expectedAlterChange(found: String)
    case expectedAfterSet(found: String)
    case expectedOn(after: String, found: String)
    case expectedColumnList(after: String, found: String)
    case emptyColumnList
    case expectedClosingParen(found: String)
    case expectedSQLText(found: String)
    case unknownDialect(String)
    case expectedReverseText(found: String)
    case duplicateIndexClause(String)
    case expectedAfterDropNot(found: String)
    case expectedKey(after: String, found: String)
    case notValidUnsupported(String)
    case expectedKeyword(String, after: String, found: String)
    case expectedViewBody(found: String)
    case expectedClause(what: String, in: String, found: String)
    case unknownIndexMethod(String)
    // Tables and columns
    case expectedTableBody(found: String)
    case duplicateModifier(String)
    case conflictingNullability
    case unknownModifier(String)
    case expectedNull(found: String)
    case unknownType(String)
    case expectedType(found: String)
    case expectedInteger(what: String, found: String)
    case missingTypeArgument(String)
    case tooManyTypeArguments(String, max: Int)
    case unknownAction(String)
    case expectedDeleteOrUpdate(found: String)
    case duplicateAction(String)
    case missingConstraintName(String)
    case expectedItemEnd(found: String)
    case expectedReferences(found: String)
    case emptyCustomType
    case unterminatedTableBody(String)
    // Expressions
    case expectedExpression(found: String)
    case nestedTooDeeply
    case expectedIsNull(found: String)
    case expectedBetweenAnd(found: String)
    case expectedInList(found: String)
    case emptyInList
    case expectedArgumentsEnd(found: String)
    case expectedParenthesizedExpression(after: String, found: String)
    case expectedAction(found: String)
    // Types, continued, and limits
    case invalidCustomType(String)
    case tooManyErrors(Int)
    case notText(count: Int)
    // Values
    case integerTooLarge(String)
    case scaleExceedsPrecision(scale: Int, precision: Int)
    case zeroLength(type: String, what: String)
    // Data changes and `case` (ParseDataOperations.swift)
    case data(DataSyntaxError)
    // Enums and arrays
    case expectedEnumValue(after: String, found: String)
    case expectedEnumChange(found: String)
    case nestedArray
    case arrayOfQuotedType

    var code: DiagnosticCode {
        switch self {
        case .invalidUTF8: .invalidUTF8
        case .unexpectedCharacter: .unexpectedCharacter
        case .unterminatedString: .unterminatedString
        case .unterminatedTripleString: .unterminatedTripleString
        case .unterminatedQuotedName: .unterminatedQuotedName
        case .unknownEscape: .unknownEscape
        case .emptyQuotedName: .emptyQuotedName
        case .singleQuotedString: .singleQuotedString
        case .nulByte: .nulByte
        case .missingRevision: .missingRevision
        case .missingMessage: .missingMessage
        case .duplicateHeaderLine: .duplicateHeaderLine
        case .unknownHeaderLine: .unknownHeaderLine
        case .invalidRevisionID: .invalidRevisionID
        case .expectedRevisionID: .expectedRevisionID
        case .expectedMessage: .expectedMessage
        case .invalidTimestamp: .invalidTimestamp
        case .expectedOff: .expectedOff
        case .invalidDuration: .invalidDuration
        case .headerAfterBlocks: .headerAfterBlocks
        case .expectedBlockBrace: .expectedBlockBrace
        case .unterminatedBlock: .unterminatedBlock
        case .duplicateBlock: .duplicateBlock
        case .expectedDowngradeBody: .expectedDowngradeBody
        case .unexpectedAtTopLevel: .unexpectedAtTopLevel
        case .expectedLabelName: .expectedLabelName
        case .emptyMessage: .emptyMessage
        case .operationOutsideBlock: .operationOutsideBlock
        case .unexpectedClosingBrace: .unexpectedClosingBrace
        case .unknownOperation: .unknownOperation
        case .expectedAfterCreate: .expectedAfterCreate
        case .expectedAfterDrop: .expectedAfterDrop
        case .expectedAfterRename: .expectedAfterRename
        case .expectedAfterAdd: .expectedAfterAdd
        case .expectedAfterAlter: .expectedAfterAlter
        case .expectedName: .expectedName
        case .expectedQualifiedColumn: .expectedQualifiedColumn
        case .expectedTo: .expectedTo
        case .expectedStatementEnd: .expectedStatementEnd
        case .expectedAlterChange: .expectedAlterChange
        case .expectedAfterSet: .expectedAfterSet
        case .expectedOn: .expectedOn
        case .expectedColumnList: .expectedColumnList
        case .emptyColumnList: .emptyColumnList
        case .expectedClosingParen: .expectedClosingParen
        case .expectedSQLText: .expectedSQLText
        case .unknownDialect: .unknownDialect
        case .expectedReverseText: .expectedReverseText
        case .duplicateIndexClause: .duplicateIndexClause
        case .expectedAfterDropNot: .expectedAfterDropNot
        case .expectedKey: .expectedKey
        case .notValidUnsupported: .notValidUnsupported
        case .expectedKeyword: .expectedKeyword
        case .expectedViewBody: .expectedViewBody
        case .expectedClause: .expectedClause
        case .unknownIndexMethod: .unknownIndexMethod
        case .expectedTableBody: .expectedTableBody
        case .duplicateModifier: .duplicateModifier
        case .conflictingNullability: .conflictingNullability
        case .unknownModifier: .unknownModifier
        case .expectedNull: .expectedNull
        case .unknownType: .unknownType
        case .expectedType: .expectedType
        case .expectedInteger: .expectedInteger
        case .missingTypeArgument: .missingTypeArgument
        case .tooManyTypeArguments: .tooManyTypeArguments
        case .unknownAction: .unknownAction
        case .expectedDeleteOrUpdate: .expectedDeleteOrUpdate
        case .duplicateAction: .duplicateAction
        case .missingConstraintName: .missingConstraintName
        case .expectedItemEnd: .expectedItemEnd
        case .expectedReferences: .expectedReferences
        case .emptyCustomType: .emptyCustomType
        case .unterminatedTableBody: .unterminatedTableBody
        case .expectedExpression: .expectedExpression
        case .nestedTooDeeply: .nestedTooDeeply
        case .expectedIsNull: .expectedIsNull
        case .expectedBetweenAnd: .expectedBetweenAnd
        case .expectedInList: .expectedInList
        case .emptyInList: .emptyInList
        case .expectedArgumentsEnd: .expectedArgumentsEnd
        case .expectedParenthesizedExpression: .expectedParenthesizedExpression
        case .expectedAction: .expectedAction
        case .invalidCustomType: .invalidCustomType
        case .tooManyErrors: .tooManyErrors
        case .notText: .notText
        case .integerTooLarge: .integerTooLarge
        case .scaleExceedsPrecision: .scaleExceedsPrecision
        case .zeroLength: .zeroLength
        case .data(let e): e.code
        case .expectedEnumValue: .expectedEnumValue
        case .expectedEnumChange: .expectedEnumChange
        case .nestedArray: .nestedArray
        case .arrayOfQuotedType: .arrayOfQuotedType
        }
    }

    var message: String {
        switch self {
        case .invalidUTF8(let b): "invalid UTF-8 byte 0x\(hexByte(b)) in source"
        case .unexpectedCharacter(let c): "unexpected character \(c)"
        case .unterminatedString: "unterminated string"
        case .unterminatedTripleString: "unterminated multi-line string"
        case .unterminatedQuotedName: "unterminated quoted name"
        case .unknownEscape(let e): "unknown escape sequence `\(e)` in string"
        case .emptyQuotedName: "empty quoted name"
        case .singleQuotedString: "strings use double quotes, not single quotes"
        case .nulByte: "NUL byte (U+0000) in source"
        case .missingRevision: "missing `revision` line"
        case .missingMessage: "missing `message` line"
        case .duplicateHeaderLine(let k): "duplicate `\(k)` line"
        case .unknownHeaderLine(let w): "unknown header line `\(short(w))`"
        case .invalidRevisionID(let id): "invalid revision id `\(short(id))`"
        case .expectedRevisionID(let after, let found): "expected a revision id after `\(after)`, found \(found)"
        case .expectedMessage(let found): "expected a string after `message`, found \(found)"
        case .invalidTimestamp(let t): "invalid timestamp `\(short(t))` after `created`"
        case .expectedOff(let found): "expected `off` after `transaction`, found \(found)"
        case .invalidDuration(let keyword, let found): "expected a duration after `\(keyword)`, found \(found)"
        case .headerAfterBlocks(let k): "header line `\(k)` after the blocks"
        case .expectedBlockBrace(let k, let found): "expected `{` after `\(k)`, found \(found)"
        case .unterminatedBlock(let k): "unterminated `\(k)` block"
        case .duplicateBlock(let k): "duplicate `\(k)` block"
        case .expectedDowngradeBody(let found): "expected `{` or `irreversible` after `downgrade`, found \(found)"
        case .unexpectedAtTopLevel(let found): "expected a header line or a block, found \(found)"
        case .expectedLabelName(let found): "expected a label name after `label`, found \(found)"
        case .emptyMessage: "empty revision message"
        case .operationOutsideBlock(let op): "operation `\(op)` outside an `upgrade` or `downgrade` block"
        case .unexpectedClosingBrace: "unexpected `}` with no open block"
        case .unknownOperation(let w): "unknown operation `\(short(w))`"
        case .expectedAfterCreate(let found): "expected `table`, `index`, `unique index` or `enum` after `create`, found \(found)"
        case .expectedAfterDrop(let found): "expected `table`, `column`, `index`, `constraint` or `enum` after `drop`, found \(found)"
        case .expectedAfterRename(let found): "expected `table`, `column` or `enum` after `rename`, found \(found)"
        case .expectedAfterAdd(let found): "expected `column`, `unique`, `foreign key`, `check` or `primary key` after `add`, found \(found)"
        case .expectedAfterAlter(let found): "expected `column` or `enum` after `alter`, found \(found)"
        case .expectedName(let what, let after, let found): "expected \(what) name after \(after), found \(found)"
        case .expectedQualifiedColumn(let found): "expected `.` and a column name after the table name, found \(found)"
        case .expectedTo(let after, let found): "expected `to` after \(after), found \(found)"
        case .expectedStatementEnd(let after, let found): "expected end of line after \(after), found \(found)"
        case .expectedAlterChange(let found): "expected `type`, `set` or `drop` after the column, found \(found)"
        case .expectedAfterSet(let found): "expected `not null` or `default` after `set`, found \(found)"
        case .expectedOn(let after, let found): "expected `on` after \(after), found \(found)"
        case .expectedColumnList(let after, let found): "expected `(` and a column list after \(after), found \(found)"
        case .emptyColumnList: "empty column list"
        case .expectedClosingParen(let found): "expected `)`, found \(found)"
        case .expectedSQLText(let found): "expected a string of SQL after `sql`, found \(found)"
        case .unknownDialect(let d): "unknown dialect `\(short(d))`"
        case .expectedReverseText(let found): "expected a string of SQL after `reverse`, found \(found)"
        case .duplicateIndexClause(let k): "duplicate `\(k)` in `create index`"
        case .expectedAfterDropNot(let found): "expected `null` after `drop not`, found \(found)"
        case .expectedKey(let after, let found): "expected `key` after `\(after)`, found \(found)"
        case .notValidUnsupported(let kind): "`not valid` is for foreign keys and checks, not a \(kind)"
        case .expectedKeyword(let keyword, let after, let found): "expected `\(keyword)` after `\(after)`, found \(found)"
        case .expectedViewBody(let found): "expected `as` and the view's SQL string, found \(found)"
        case .expectedClause(let what, let context, let found): "expected \(what) after `\(context)`, found \(found)"
        case .unknownIndexMethod(let m): "expected an index method after `using`, found \(m)"
        case .expectedTableBody(let found): "expected `{` after the table name, found \(found)"
        case .duplicateModifier(let m): "duplicate column modifier `\(m)`"
        case .conflictingNullability: "column is declared both `null` and `not null`"
        case .unknownModifier(let m): "unknown column modifier `\(short(m))`"
        case .expectedNull(let found): "expected `null` after `not`, found \(found)"
        case .unknownType(let t): "unknown type `\(short(t))`"
        case .expectedType(let found): "expected a column type, found \(found)"
        case .expectedInteger(let what, let found): "expected an integer \(what), found \(found)"
        case .missingTypeArgument(let t): "type `\(t)` needs a length"
        case .tooManyTypeArguments(let t, let max):
            max == 0 ? "type `\(t)` takes no arguments" : "too many arguments for type `\(t)`"
        case .unknownAction(let a): "unknown referential action `\(short(a))`"
        case .expectedDeleteOrUpdate(let found): "expected `delete` or `update` after `on`, found \(found)"
        case .duplicateAction(let k): "duplicate `on \(k)` clause"
        case .missingConstraintName(let k): "`\(k)` table constraint needs a name"
        case .expectedItemEnd(let found): "expected end of column definition, found \(found)"
        case .expectedReferences(let found): "expected `references` after the foreign key columns, found \(found)"
        case .emptyCustomType: "empty type name"
        case .unterminatedTableBody(let t): "missing `}` at the end of table `\(t)`"
        case .expectedExpression(let found): "expected an expression, found \(found)"
        case .nestedTooDeeply: "expression nested too deeply"
        case .expectedIsNull(let found): "expected `null` after `is`, found \(found)"
        case .expectedBetweenAnd(let found): "expected `and` in `between`, found \(found)"
        case .expectedInList(let found): "expected `(` after `in`, found \(found)"
        case .emptyInList: "empty `in` list"
        case .expectedArgumentsEnd(let found): "expected `,` or `)` after a function argument, found \(found)"
        case .expectedParenthesizedExpression(let after, let found): "expected `(` and an expression after \(after), found \(found)"
        case .expectedAction(let found): "expected a referential action after `on delete` or `on update`, found \(found)"
        case .invalidCustomType(let t): "quoted type `\(short(t))` is not one type"
        case .tooManyErrors(let n): "too many errors in this file; stopped after \(n)"
        case .notText(let count): "file is not UTF-8 text (\(count) bytes that are not text)"
        case .integerTooLarge(let n): "integer `\(short(n))` is too large"
        case .scaleExceedsPrecision(let s, let p): "decimal scale \(s) exceeds its precision \(p)"
        case .zeroLength(let t, let what): "`\(t)` \(what) must be at least 1"
        case .data(let e): e.message
        case .expectedEnumValue(let after, let found): "expected an enum value (a string) after \(after), found \(found)"
        case .expectedEnumChange(let found): "expected `add value`, `rename value` or `drop value` after the enum name, found \(found)"
        case .nestedArray: "arrays of arrays are not a type"
        case .arrayOfQuotedType: "`[]` after a quoted type"
        }
    }
}

/// A name as a message shows it: long ones cut, so a 10 MB word is not a 10 MB message.
func short(_ text: String) -> String {
    text.utf8.count <= 40 ? text : String(text.prefix(37)) + "..."
}
