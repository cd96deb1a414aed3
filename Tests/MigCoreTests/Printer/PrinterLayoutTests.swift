import Testing
@testable import MigCore

/// Layout of whole files and lexical details, on trees built by hand.
private func id(_ s: String) -> Identifier { Identifier(s) }

private func column(_ name: String, _ type: ColumnType, _ mods: [ColumnModifier.Kind] = [], trivia: Trivia = .none) -> ColumnDefinition {
    ColumnDefinition(name: id(name), type: TypeReference(type), modifiers: mods.map { ColumnModifier($0) }, trivia: trivia)
}

@Suite struct PrinterLayoutTests {

    /// The design document's example, built as a tree.
    static var accounts: MigFile {
        let table = CreateTable(
            name: id("accounts"),
            columns: [
                column("id", .bigint, [.primaryKey, .autoincrement]),
                column("email", .varchar(320), [.notNull, .unique]),
                column("name", .text),
                column("balance", .decimal(precision: 12, scale: 2), [.notNull, .defaultValue(Expr(.number("0")))]),
                column("owner_id", .bigint, [.references(ForeignKeyTarget(table: id("users"), columns: [id("id")], onDelete: .cascade))]),
                column("created_at", .timestamp, [.notNull, .defaultValue(Expr(.currentTimestamp))]),
            ],
            constraints: [TableConstraint(.check(name: id("positive_balance"), expression: Expr(.binary(.greaterEqual, Expr(.column(id("balance"))), Expr(.number("0"))))))])
        let header = RevisionHeader(
            revision: id("7c1e9a20b4d3"), parents: [id("a41f0c9e2b17")], message: StringLiteral("add accounts"),
            created: StringLiteral("2026-11-25T10:00:00Z"),
            trivia: ["": Trivia(leading: [" migrations/7c1e9a20b4d3_add_accounts.mig"])])
        let upgrade = Block(statements: [
            Statement(.createTable(table)),
            Statement(.createIndex(CreateIndex(name: id("accounts_email_idx"), table: id("accounts"), columns: [IndexColumn(name: id("email"))]))),
        ])
        let downgrade = Block(statements: [
            Statement(.dropIndex(DropIndex(name: id("accounts_email_idx")))),
            Statement(.dropTable(DropTable(name: id("accounts")))),
        ])
        return MigFile(path: "a.mig", header: header, upgrade: upgrade, downgrade: .block(downgrade), span: .synthesized)
    }

    @Test func printsTheDesignExample() {
        let expected = """
            -- migrations/7c1e9a20b4d3_add_accounts.mig
            revision 7c1e9a20b4d3
            parent   a41f0c9e2b17
            message  "add accounts"
            created  2026-11-25T10:00:00Z

            upgrade {
              create table accounts {
                id         bigint primary key autoincrement
                email      varchar(320) not null unique
                name       text
                balance    decimal(12, 2) not null default 0
                owner_id   bigint references users (id) on delete cascade
                created_at timestamp not null default current_timestamp
                check positive_balance (balance >= 0)
              }
              create index accounts_email_idx on accounts (email)
            }

            downgrade {
              drop index accounts_email_idx
              drop table accounts
            }

            """
        #expect(Printer.print(Self.accounts) == expected)
    }

    @Test func headerLinesComeInCanonicalOrder() {
        let header = RevisionHeader(
            revision: id("m1"), parents: [id("a1"), id("b2")], message: StringLiteral("merge \"x\""),
            created: StringLiteral("yesterday"), labels: [id("billing"), id("core")], depends: [id("c3")],
            transactionOff: .synthesized,
            trivia: ["parent": Trivia(leading: [" two heads"], trailing: " merged"), "transaction": Trivia(trailing: " for concurrently")])
        let file = MigFile(path: "m.mig", header: header, upgrade: Block(statements: []), downgrade: .irreversible(.synthesized), trailingComments: [" end"], span: .synthesized)
        let expected = """
            revision m1
            -- two heads
            parent   a1, b2 -- merged
            message  "merge \\"x\\""
            created  "yesterday"
            label    billing, core
            depends  c3
            transaction off -- for concurrently

            upgrade {
            }

            downgrade irreversible

            -- end

            """
        #expect(Printer.print(file) == expected)
    }

    @Test func statementsKeepCommentsAndOpenParagraphs() {
        let statements = [
            Statement(.dropTable(DropTable(name: id("a"))), trivia: Trivia(leading: [" first"], trailing: " bye")),
            Statement(.renameTable(RenameTable(name: id("b"), newName: id("Order Items")))),
            Statement(.dropColumn(DropColumn(table: id("t"), column: id("c"))), trivia: Trivia(leading: [" migc:allow MIG101"])),
        ]
        let expected = """
                -- first
                drop table a -- bye
                rename table b to `Order Items`

                -- migc:allow MIG101
                drop column t.c

            """
        #expect(Printer.print(statements: statements, indent: 4) == expected)
    }

    @Test func everyOperationHasOneCanonicalLine() {
        let fk = ForeignKeyTarget(table: id("orders"), columns: [id("id"), id("shop_id")], onDelete: .setNull, onUpdate: .noAction)
        let ops: [(Operation, String)] = [
            (.addColumn(AddColumn(table: id("t"), column: column("c", .int, [.null, .defaultValue(Expr(.binary(.add, Expr(.number("1")), Expr(.number("2")))))]))),
             "add column t.c int null default (1 + 2)"),
            (.renameColumn(RenameColumn(table: id("t"), column: id("a"), newName: id("b"))), "rename column t.a to b"),
            (.alterColumn(AlterColumn(table: id("t"), column: id("c"), change: .type(TypeReference(.bigint), using: nil))), "alter column t.c type bigint"),
            (.alterColumn(AlterColumn(table: id("t"), column: id("c"), change: .type(TypeReference(.int), using: Expr(.column(id("c")))))), "alter column t.c type int using c"),
            (.alterColumn(AlterColumn(table: id("t"), column: id("c"), change: .setNotNull)), "alter column t.c set not null"),
            (.alterColumn(AlterColumn(table: id("t"), column: id("c"), change: .dropNotNull)), "alter column t.c drop not null"),
            (.alterColumn(AlterColumn(table: id("t"), column: id("c"), change: .setDefault(Expr(.binary(.add, Expr(.number("1")), Expr(.number("2"))))))), "alter column t.c set default 1 + 2"),
            (.alterColumn(AlterColumn(table: id("t"), column: id("c"), change: .dropDefault)), "alter column t.c drop default"),
            (.createIndex(CreateIndex(name: id("i"), table: id("t"), unique: true, columns: [IndexColumn(name: id("a")), IndexColumn(name: id("b"), descending: true)],
                                      predicate: Expr(.isNull(Expr(.column(id("d"))), negated: false)), concurrently: true)),
             "create unique index i on t (a, b desc) where d is null concurrently"),
            (.addConstraint(AddConstraint(name: id("u"), table: id("t"), kind: .unique(columns: [id("a"), id("b")]))), "add unique u on t (a, b)"),
            (.addConstraint(AddConstraint(name: id("f"), table: id("t"), kind: .foreignKey(columns: [id("o"), id("s")], target: fk))),
             "add foreign key f on t (o, s) references orders (id, shop_id) on delete set null on update no action"),
            (.addConstraint(AddConstraint(name: id("c"), table: id("t"), kind: .check(Expr(.binary(.greater, Expr(.column(id("a"))), Expr(.number("0"))))))), "add check c on t (a > 0)"),
            (.addConstraint(AddConstraint(name: id("p"), table: id("t"), kind: .primaryKey(columns: [id("a")]))), "add primary key p on t (a)"),
            (.dropConstraint(DropConstraint(name: id("c"), table: id("t"))), "drop constraint c on t"),
            (.sql(RawSQL(text: StringLiteral("update t set a = 1"))), "sql \"update t set a = 1\""),
            (.sql(RawSQL(dialect: id("postgres"), text: StringLiteral("\nselect \"x\";\n"), reverse: StringLiteral("select 1"))),
             "sql postgres \"\"\"\nselect \"x\";\n\"\"\" reverse \"select 1\""),
            (.sql(RawSQL(text: StringLiteral("select '\"\"\"'"))), "sql \"select '\\\"\\\"\\\"'\""),
            (.sql(RawSQL(text: StringLiteral("select \"a\""))), "sql \"select \\\"a\\\"\""),
        ]
        for (op, expected) in ops {
            #expect(Printer.print(statements: [Statement(op)], indent: 0) == expected + "\n")
        }
    }

    @Test func tableConstraintsAndColumnComments() {
        let fk = ForeignKeyTarget(table: id("shops"), columns: [id("id")], onDelete: .restrict)
        let table = CreateTable(
            name: id("line items"),
            columns: [
                column("key", .bigint, [.notNull], trivia: Trivia(leading: [" which order"], trailing: " reserved word")),
                column("shop_id", .int, [.check(Expr(.binary(.greater, Expr(.column(id("shop_id"))), Expr(.number("0")))))]),
            ],
            constraints: [
                TableConstraint(.primaryKey(columns: [id("key"), id("shop_id")])),
                TableConstraint(.unique(name: id("li_u"), columns: [id("shop_id")])),
                TableConstraint(.foreignKey(name: id("li_fk"), columns: [id("shop_id")], target: fk), trivia: Trivia(trailing: " shops")),
            ],
            trailingComments: [" done"])
        let expected = """
            create table `line items` {
              -- which order
              `key`   bigint not null -- reserved word
              shop_id int check (shop_id > 0)
              primary key (`key`, shop_id)
              unique li_u (shop_id)
              foreign key li_fk (shop_id) references shops (id) on delete restrict -- shops
              -- done
            }

            """
        #expect(Printer.print(statements: [Statement(.createTable(table))], indent: 0) == expected)
    }

    @Test func quoting() {
        #expect(Printer.quoted("users") == "users")
        #expect(Printer.quoted("_x9") == "_x9")
        #expect(Printer.quoted("9x") == "`9x`")
        #expect(Printer.quoted("Order Items") == "`Order Items`")
        #expect(Printer.quoted("TABLE") == "`TABLE`")
        #expect(Printer.quoted("varchar") == "`varchar`")
        #expect(Printer.quoted("a`b") == "`a``b`")
        #expect(Printer.quoted("é") == "`é`")
        #expect(Printer.quoted("") == "``")
    }

    @Test func timestamps() {
        for bare in ["2026-11-25", "2026-11-25T10:00", "2026-11-25T10:00:00Z", "2026-11-25T10:00:00.123+01:00", "2026-11-25T10:00:00-0500"] {
            #expect(Printer.isBareTimestamp(bare), "\(bare)")
        }
        for quoted in ["", "2026-11-25 10:00", "yesterday", "2026-11-25T10", "2026-11-25Z1", "2026-11-25T10:00-05"] {
            #expect(!Printer.isBareTimestamp(quoted), "\(quoted)")
        }
    }
}

/// What `roundTripNormalized` promises, on the one tree shape it changes.
@Suite struct RoundTripNormalizationTests {
    @Test func commentsAboveTheFirstPrintedLineMoveToTheTop() {
        let header = RevisionHeader(
            revision: id("r1"), message: StringLiteral("m"),
            trivia: ["": Trivia(leading: [" top"]), "revision": Trivia(leading: [" about r1"], trailing: " t"), "label": Trivia(leading: [" gone"])])
        let file = MigFile(path: "f.mig", header: header, upgrade: nil, downgrade: nil, span: .synthesized)
        let normalized = Printer.roundTripNormalized(file)
        #expect(normalized.header.trivia == ["": Trivia(leading: [" top", " about r1"]), "revision": Trivia(trailing: " t")])
        #expect(Printer.print(normalized) == Printer.print(file))
    }

    @Test func parsedTreesAreUsuallyAlreadyNormal() {
        let file = PrinterLayoutTests.accounts
        #expect(Printer.roundTripNormalized(file) == file)
    }
}
