// Syntax errors in header lines (`revision`, `parent`, `message`, ...) and in the
// file's blocks (`upgrade { }`, `downgrade { }`).

extension DiagnosticRegistry {
    /// A one-file project: `header`, then an upgrade block creating `users`.
    private static func headed(_ header: String) -> DiagnosticExample {
        DiagnosticExample(file(header, creating: "users"))
    }

    /// A one-file project: a header, then `blocks` as written.
    private static func blocks(_ blocks: String) -> DiagnosticExample {
        DiagnosticExample("revision a1\nmessage \"create users\"\n\n" + blocks)
    }

    static let header: [DiagnosticEntry] = [
        DiagnosticEntry(
            .missingRevision, "missing `revision` line",
            explanation: "Every file starts with `revision ID`: the id other revisions name as their parent.",
            example: headed("message \"create users\""),
            fixed: headed("revision a1\nmessage \"create users\"")),
        DiagnosticEntry(
            .missingMessage, "missing `message` line",
            explanation: "Every revision says what it does in a `message` line (shown by `migc history`).",
            example: headed("revision a1"),
            fixed: headed("revision a1\nmessage \"create users\"")),
        DiagnosticEntry(
            .duplicateHeaderLine, "duplicate header line",
            explanation: "Each header line appears once; list several parents on one line (`parent a1, b2`).",
            example: DiagnosticExample(users, "revision b2\nparent a1\nmessage \"add names\"\nmessage \"and more\""),
            fixed: DiagnosticExample(users, "revision b2\nparent a1\nmessage \"add names and more\"")),
        DiagnosticEntry(
            .unknownHeaderLine, "unknown header line",
            explanation: """
                The header knows `revision`, `parent`, `depends`, `label`, `message`, `created` \
                and `transaction`. migc suggests the closest.
                """,
            example: headed("revison a1\nmessage \"create users\""),
            fixed: headed("revision a1\nmessage \"create users\"")),
        DiagnosticEntry(
            .invalidRevisionID, "invalid revision id",
            explanation: "Revision ids are lowercase letters, digits and `_` (`7c1e9a20b4d3`, `add_users`).",
            example: headed("revision AddUsers\nmessage \"create users\""),
            fixed: headed("revision add_users\nmessage \"create users\"")),
        DiagnosticEntry(
            .expectedRevisionID, "expected a revision id",
            explanation: "`revision`, `parent` and `depends` take bare ids, not strings.",
            example: DiagnosticExample(users, "revision b2\nparent \"a1\"\nmessage \"nothing yet\""),
            fixed: DiagnosticExample(users, "revision b2\nparent a1\nmessage \"nothing yet\"")),
        DiagnosticEntry(
            .expectedMessage, "expected a message string",
            explanation: "The message is a double-quoted string.",
            example: headed("revision a1\nmessage create users"),
            fixed: headed("revision a1\nmessage \"create users\"")),
        DiagnosticEntry(
            .invalidTimestamp, "invalid timestamp",
            explanation: "`created` takes an ISO 8601 time, such as `2026-11-25T10:00:00Z`, that exists.",
            example: headed("revision a1\nmessage \"create users\"\ncreated 2026-11-31T25:00:00Z"),
            fixed: headed("revision a1\nmessage \"create users\"\ncreated 2026-11-30T23:00:00Z")),
        DiagnosticEntry(
            .expectedOff, "expected `off` after `transaction`",
            explanation: "Revisions run in a transaction by default; the only setting is `transaction off`.",
            example: headed("revision a1\nmessage \"create users\"\ntransaction none"),
            fixed: headed("revision a1\nmessage \"create users\"\ntransaction off")),
        DiagnosticEntry(
            .headerAfterBlocks, "header line after the blocks",
            explanation: "Header lines come before the `upgrade` and `downgrade` blocks.",
            example: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}\ncreated 2026-11-25T10:00:00Z"),
            fixed: DiagnosticExample("""
                revision a1
                message "create users"
                created 2026-11-25T10:00:00Z

                upgrade {
                  create table users {
                    id bigint primary key
                  }
                }
                """)),
    ]

    static let fileBlocks: [DiagnosticEntry] = [
        DiagnosticEntry(
            .expectedBlockBrace, "expected `{` after a block keyword",
            explanation: "`upgrade` and `downgrade` open a block with `{` on the same line.",
            example: blocks("upgrade\n  create table users {\n    id bigint primary key\n  }"),
            fixed: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}")),
        DiagnosticEntry(
            .unterminatedBlock, "unterminated block",
            explanation: "A block's `{` has no matching `}` before the end of the file.",
            example: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }"),
            fixed: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}")),
        DiagnosticEntry(
            .duplicateBlock, "duplicate block",
            explanation: "A file has at most one `upgrade` and one `downgrade` block; put every op in the one block.",
            example: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}\n\nupgrade {\n  create table teams {\n    id bigint primary key\n  }\n}"),
            fixed: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n  create table teams {\n    id bigint primary key\n  }\n}")),
        DiagnosticEntry(
            .expectedDowngradeBody, "expected a downgrade block or `irreversible`",
            explanation: "`downgrade` is followed by a `{ }` block, or by `irreversible` to say there is none.",
            example: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}\n\ndowngrade never"),
            fixed: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}\n\ndowngrade irreversible")),
        DiagnosticEntry(
            .unexpectedAtTopLevel, "unexpected text at the top level",
            explanation: "Outside the blocks a file holds only header lines, blocks and comments (`--`).",
            example: blocks("\"users and their emails\"\n\nupgrade {\n  create table users {\n    id bigint primary key\n  }\n}"),
            fixed: blocks("-- users and their emails\n\nupgrade {\n  create table users {\n    id bigint primary key\n  }\n}")),
        DiagnosticEntry(
            .expectedLabelName, "expected a label name",
            explanation: "`label` takes bare names, not strings.",
            example: headed("revision a1\nlabel \"core\"\nmessage \"create users\""),
            fixed: headed("revision a1\nlabel core\nmessage \"create users\"")),
        DiagnosticEntry(
            .emptyMessage, "empty message",
            explanation: "The message says what the revision does; it may not be blank.",
            example: headed("revision a1\nmessage \"\""),
            fixed: headed("revision a1\nmessage \"create users\"")),
        DiagnosticEntry(
            .operationOutsideBlock, "operation outside a block",
            explanation: "Ops go inside `upgrade { }` (or `downgrade { }`).",
            example: blocks("create table users {\n  id bigint primary key\n}"),
            fixed: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}")),
        DiagnosticEntry(
            .unexpectedClosingBrace, "unexpected `}`",
            explanation: "A `}` closes no open block: usually one `}` too many.",
            example: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}\n}"),
            fixed: blocks("upgrade {\n  create table users {\n    id bigint primary key\n  }\n}")),
    ]
}
