import Foundation
import MigCore
import MigRunner

/// `migc new -m MSG --autogenerate (--from-database | --to-schema FILE)`: a revision
/// holding the operations from the parent's schema to the target.
struct Autogenerate {
    let command: NewCommand
    let parents: [String]
    let depends: [String]

    func run() throws {
        guard command.autogenerate else { throw UsageFailure(message: "error: --from-database, --to-schema and --rename go with --autogenerate") }
        guard command.fromDatabase != (command.toSchema != nil) else {
            throw UsageFailure(message: "error: --autogenerate needs one target: --from-database or --to-schema FILE")
        }
        let hints = try Self.hints(columns: command.rename, tables: command.renameTable)
        let config = try command.project.loadConfig()
        let url = command.fromDatabase ? try command.database.parsedURL(config) : nil
        var opened = try OpenedProject.open(command.project, config: config, depth: .full)
        try opened.refuseErrors(check: true)
        let before = Checker.schema(at: Set(parents + depends), in: opened.graph)
        let changes: SchemaChanges
        let dialect: Dialect?
        if let url {
            dialect = url.dialect
            changes = try Self.fromDatabase(url, before: before, project: opened.project, hints: hints)
        } else {
            dialect = config.dialect.flatMap(Dialect.init(blockName:))
            changes = try Self.toSchema(command.toSchema!, before: before, hints: hints, noColor: command.project.noColor)
        }
        for warning in changes.warnings { Terminal.writeError("warning: \(warning)\n") }
        guard !changes.statements.isEmpty else {
            Terminal.write("no changes: the \(url == nil ? "schema file" : "database") matches the schema at \(parents.isEmpty ? "base" : parents.joined(separator: ", ")); nothing written\n")
            return
        }
        let (id, path) = GeneratedFileWriter.name(directory: opened.project.directory, taken: Set(opened.graph.revisions.keys), message: command.message)
        var header = GeneratedFileWriter.header(id: id, parents: parents, message: command.message)
        header.labels = command.label.map { Identifier($0) }
        header.depends = depends.map { Identifier($0) }
        let lint = LintConfig(disabled: Set(config.lintDisabled.map { DiagnosticCode($0) }), dialect: dialect?.rawValue ?? config.dialect)
        let revision = GeneratedRevision.make(header: header, statements: changes.statements, before: before, path: path, lint: lint)
        try GeneratedFileWriter.write(revision, to: path, noColor: command.project.noColor)
        Terminal.write("created \(path) (\(changes.statements.count) operation\(changes.statements.count == 1 ? "" : "s"))\n")
    }

    static func fromDatabase(_ url: DatabaseURL, before: Schema, project: Project, hints: RenameHints) throws -> SchemaChanges {
        do {
            let migrator = try Migrator(project: project, url: url, lockTimeout: 5)
            let actual = try Introspector.schema(of: migrator.driver)
            let expected = try Introspector.canonicalTypes(before, for: migrator.driver)
            let views = (SchemaComparison.normalized(expected, for: url.dialect, expected: true),
                         SchemaComparison.normalized(actual, for: url.dialect, expected: false))
            return SchemaOps.changes(from: expected, to: actual, renames: hints, comparing: views)
        } catch {
            throw UsageFailure(message: "error: cannot introspect \(url.redacted): \(error)")
        }
    }

    static func toSchema(_ path: String, before: Schema, hints: RenameHints, noColor: Bool) throws -> SchemaChanges {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw UsageFailure(message: "error: cannot read \(path): \(error.localizedDescription)")
        }
        let desired = DesiredSchema.read(source: text, path: path)
        if Terminal.report(desired.diagnostics, sources: desired.sources, noColor: noColor) {
            Terminal.writeError("error: \(path) has errors; nothing written\n")
            throw ErrorsReported()
        }
        if desired.statements.contains(where: { if case .sql = $0.operation { true } else { false } }) {
            Terminal.writeError("warning: \(path): `sql` blocks in a schema file change nothing the model sees; they are ignored\n")
        }
        return SchemaOps.changes(from: before, to: desired.schema, renames: hints)
    }

    /// `users.name:full_name` and `old:new`.
    static func hints(columns: [String], tables: [String]) throws -> RenameHints {
        var hints = RenameHints()
        for text in tables {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageFailure(message: "error: --rename-table `\(text)`: expected OLD:NEW")
            }
            hints.tables.append((parts[0], parts[1]))
        }
        for text in columns {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let left = parts.first.map { $0.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init) } ?? []
            guard parts.count == 2, left.count == 2, !left[0].isEmpty, !left[1].isEmpty, !parts[1].isEmpty else {
                throw UsageFailure(message: "error: --rename `\(text)`: expected TABLE.OLD:NEW, e.g. users.name:full_name")
            }
            hints.columns.append(RenameHints.Column(table: left[0], from: left[1], to: parts[1]))
        }
        return hints
    }
}
