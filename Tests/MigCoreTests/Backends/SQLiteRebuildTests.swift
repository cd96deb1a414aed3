import Foundation
import Testing
@testable import MigCore

/// SQLite rebuilds from hand-built steps (no parser or checker involved), executed
/// with the sqlite3 shell: the SQL runs and every row survives.
@Suite struct SQLiteRebuildTests {
    /// A hostile table name: quotes, a statement end, a comment, unicode, a newline.
    static let items = "Or'der \"Items\"; -- ü\nx"
    static let owners = "owners"

    static let ownersTable = Table(
        name: owners, columns: [Column(name: "id", type: .int, nullable: false)],
        primaryKey: PrimaryKey(name: "owners_pkey", columns: ["id"]))

    static let itemsTable = Table(
        name: items,
        columns: [
            Column(name: "id", type: .bigint, nullable: false, autoincrement: true),
            Column(name: "na\"me", type: .text, defaultValue: Expr(.string("it's \\ a '); DROP TABLE x; --"))),
            Column(name: "qty", type: .int),
            Column(name: "owner_id", type: .int),
        ],
        primaryKey: PrimaryKey(name: "items_pkey", columns: ["id"]),
        foreignKeys: ["items_owner_fkey": ForeignKey(name: "items_owner_fkey", columns: ["owner_id"], referencedTable: owners, referencedColumns: ["id"], onDelete: .cascade)])

    static let index = Index(name: "items;qty idx", table: items, columns: [IndexColumn(name: Identifier("qty"))])

    func step(_ op: MigCore.Operation, _ before: Schema, _ after: Schema) -> OpStep {
        OpStep(statement: Statement(op), before: before, after: after)
    }

    func script(_ steps: [OpStep]) -> String {
        SQLiteBackend().render(steps: steps).map { ScriptBuilder.terminated($0.text) }.joined()
    }

    @Test func batchedRebuildKeepsEveryRow() throws {
        let s0 = Schema(tables: [Self.owners: Self.ownersTable, Self.items: Self.itemsTable], indexes: [Self.index.name: Self.index])
        let setup = [
            step(.createTable(CreateTable(name: Identifier(Self.owners), columns: [])), .empty, Schema(tables: [Self.owners: Self.ownersTable])),
            step(.createTable(CreateTable(name: Identifier(Self.items), columns: [])), .empty, Schema(tables: [Self.owners: Self.ownersTable, Self.items: Self.itemsTable])),
            step(.createIndex(CreateIndex(name: Identifier(Self.index.name), table: Identifier(Self.items), columns: Self.index.columns)), s0, s0),
        ]

        // qty: set default, set not null; rename na"me -> label; add a check; add a
        // column with an expression default: one rebuild for all four.
        var t1 = Self.itemsTable
        t1.columns[2].defaultValue = Expr(.number("0"))
        var s1 = s0; s1.tables[Self.items] = t1
        var t2 = t1; t2.columns[2].nullable = false
        var s2 = s1; s2.tables[Self.items] = t2
        var t3 = t2; t3.columns[1].name = "label"
        var s3 = s2; s3.tables[Self.items] = t3
        var t4 = t3
        t4.checks["qty_positive"] = CheckConstraint(name: "qty_positive", expression: Expr(.binary(.greaterEqual, Expr(.column(Identifier("qty"))), Expr(.number("0")))))
        var s4 = s3; s4.tables[Self.items] = t4
        var t5 = t4
        t5.columns.append(Column(name: "created", type: .text, nullable: false, defaultValue: Expr(.currentTimestamp)))
        var s5 = s4; s5.tables[Self.items] = t5
        let id = Identifier(Self.items)
        let changes = [
            step(.alterColumn(AlterColumn(table: id, column: Identifier("qty"), change: .setDefault(Expr(.number("0"))))), s0, s1),
            step(.alterColumn(AlterColumn(table: id, column: Identifier("qty"), change: .setNotNull)), s1, s2),
            step(.renameColumn(RenameColumn(table: id, column: Identifier("na\"me"), newName: Identifier("label"))), s2, s3),
            step(.addConstraint(AddConstraint(name: Identifier("qty_positive"), table: id, kind: .check(t4.checks["qty_positive"]!.expression))), s3, s4),
            step(.addColumn(AddColumn(table: id, column: ColumnDefinition(name: Identifier("created"), type: TypeReference(.text)))), s4, s5),
        ]
        let rebuild = script(changes)
        if ProcessInfo.processInfo.environment["MIGC_PEEK"] != nil { print(rebuild) }
        #expect(rebuild.components(separatedBy: "CREATE TABLE").count == 2, "one rebuild for the batch:\n\(rebuild)")

        let shell = try SQLiteShell()
        defer { shell.remove() }
        try shell.run("PRAGMA foreign_keys = OFF;\n" + script(setup))
        let q = SQLText.doubleQuoted(Self.items)
        try shell.run("""
            INSERT INTO "owners" VALUES (1), (2);
            INSERT INTO \(q) ("qty", "owner_id") VALUES (1, 1), (2, 2), (3, 1);
            INSERT INTO \(q) ("na""me", "qty", "owner_id") VALUES ('kept', 4, 2);
            """)
        try shell.run(".bail on\nBEGIN;\n" + rebuild + "COMMIT;\n")
        #expect(try shell.count(Self.items) == 4)
        #expect(try shell.query("SELECT \"label\" FROM \(q) WHERE \"qty\" = 4") == ["kept"])
        #expect(try shell.query("SELECT \"label\" FROM \(q) WHERE \"qty\" = 1") == ["it's \\ a '); DROP TABLE x; --"])
        #expect(try shell.query("SELECT count(*) FROM sqlite_master WHERE name = 'items;qty idx'") == ["1"])
        #expect(try shell.query("SELECT count(*) FROM sqlite_master WHERE name = 'x'") == ["0"])
        // The check now holds, the key still autoincrements.
        #expect(throws: SQLiteShell.Failure.self) { try shell.run("INSERT INTO \(q) (\"qty\") VALUES (-1);") }
        try shell.run("INSERT INTO \(q) (\"qty\", \"owner_id\") VALUES (5, 1);")
        #expect(try shell.query("SELECT max(\"id\") FROM \(q)") == ["5"])
    }

    @Test func foreignKeyViolationFailsTheRebuild() throws {
        let owners = Self.ownersTable
        let child = Table(name: "child", columns: [Column(name: "owner_id", type: .int)])
        let s0 = Schema(tables: ["owners": owners, "child": child])
        var withFK = child
        withFK.foreignKeys["child_fkey"] = ForeignKey(name: "child_fkey", columns: ["owner_id"], referencedTable: "owners", referencedColumns: ["id"])
        let s1 = Schema(tables: ["owners": owners, "child": withFK])
        let add = step(.addConstraint(AddConstraint(name: Identifier("child_fkey"), table: Identifier("child"), kind: .foreignKey(columns: [Identifier("owner_id")], target: ForeignKeyTarget(table: Identifier("owners"), columns: [Identifier("id")])))), s0, s1)
        let shell = try SQLiteShell()
        defer { shell.remove() }
        try shell.run("""
            CREATE TABLE "owners" ("id" INTEGER NOT NULL PRIMARY KEY);
            CREATE TABLE "child" ("owner_id" INTEGER);
            INSERT INTO "child" VALUES (7);
            """)
        #expect(throws: SQLiteShell.Failure.self) { try shell.run(".bail on\nBEGIN;\n" + script([add]) + "COMMIT;\n") }
        // Rolled back: the old table and its row are still there, without the key.
        #expect(try shell.count("child") == 1)
        #expect(try shell.query("SELECT count(*) FROM pragma_foreign_key_list('child')") == ["0"])
    }

    @Test func rebuildKeepsTheAutoincrementCounter() throws {
        let t0 = Table(
            name: "t", columns: [Column(name: "id", type: .int, nullable: false, autoincrement: true), Column(name: "v", type: .int)],
            primaryKey: PrimaryKey(name: "t_pkey", columns: ["id"]))
        var t1 = t0
        t1.columns[1].nullable = false
        let s0 = Schema(tables: ["t": t0]), s1 = Schema(tables: ["t": t1])
        let create = step(.createTable(CreateTable(name: Identifier("t"), columns: [])), .empty, s0)
        let alter = step(.alterColumn(AlterColumn(table: Identifier("t"), column: Identifier("v"), change: .setNotNull)), s0, s1)
        let shell = try SQLiteShell()
        defer { shell.remove() }
        try shell.run(script([create]) + "INSERT INTO t (v) VALUES (1), (2), (3); DELETE FROM t WHERE id = 3;")
        try shell.run(".bail on\nBEGIN;\n" + script([alter]) + "COMMIT;\nINSERT INTO t (v) VALUES (4);")
        #expect(try shell.query("SELECT id FROM t ORDER BY id") == ["1", "2", "4"])
    }
}
