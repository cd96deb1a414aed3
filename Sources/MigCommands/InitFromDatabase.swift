import Foundation
import MigCore
import MigRunner

/// `migc init --from-database URL`: a project whose first revision (the baseline)
/// creates exactly the live database's schema, then the database stamped at it.
struct InitFromDatabase {
    let init_: InitCommand
    let url: DatabaseURL
    let text: String

    init(init command: InitCommand, url text: String) throws {
        init_ = command
        self.text = text
        do {
            url = try DatabaseURL(parsing: text)
        } catch {
            throw UsageFailure(message: "error: \(error.description)")
        }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: ProjectConfig.fileName) {
            throw UsageFailure(message: "error: \(ProjectConfig.fileName) already exists; nothing changed (a baseline starts a project)")
        }
        if url.isMissingSQLiteFile { throw UsageFailure(message: "error: \(url.redacted): no such database file; nothing to adopt") }
        try RevisionFileWriter.validate(message: init_.message)
        let dialect = url.dialect
        let empty = Project(directory: init_.dir, loaded: LoadedProject())
        let migrator: Migrator
        do { migrator = try Migrator(project: empty, url: url, lockTimeout: 5) } catch { throw UsageFailure(message: "error: \(error.message)") }
        let schema: Schema, objects: [UnexpressedObject]
        do {
            if let heads = try? migrator.appliedHeads(), !heads.isEmpty {
                throw UsageFailure(message: "error: \(url.redacted) is already managed by migc (at \(heads.joined(separator: ", "))); adopt it with its own migrations directory instead")
            }
            (schema, objects) = try Introspector.adoption(of: migrator.driver)
        } catch let error as DatabaseError {
            throw UsageFailure(message: "error: cannot introspect \(url.redacted): \(error)")
        }
        let (id, path) = GeneratedFileWriter.name(directory: init_.dir, taken: [], message: init_.message)
        let header = GeneratedFileWriter.header(id: id, parents: [], message: init_.message)
        let statements = Baseline.statements(schema: schema, objects: objects, dialect: dialect)
        let revision = GeneratedRevision.make(header: header, statements: statements, before: .empty, path: path,
                                              lint: LintConfig(dialect: dialect.rawValue))
        for o in objects { Terminal.writeError(Baseline.warning(o, dialect: dialect) + "\n") }
        try init_.createProject(database: init_.database ?? text)
        try GeneratedFileWriter.write(revision, to: path, noColor: false)
        Terminal.write("created \(ProjectConfig.fileName) and \(path): \(schema.tables.count) table\(schema.tables.count == 1 ? "" : "s"), \(schema.indexes.count) index\(schema.indexes.count == 1 ? "" : "es")\(objects.isEmpty ? "" : ", \(objects.count) kept as SQL")\n")
        guard GeneratedFileWriter.shouldStamp(init_.stamp, id: id, url: url) else { return }
        do {
            let project = try Project.open(directory: init_.dir, depth: .full)
            let stamper = try Migrator(project: project, url: url, lockTimeout: 30)
            _ = try stamper.stamp([id], lockTimeout: 30)
        } catch {
            throw UsageFailure(message: "error: the baseline is written but stamping failed: \(error); run `migc stamp \(id)`")
        }
        Terminal.write("stamped \(url.redacted) at \(id); `migc check` compares it with the migrations\n")
    }
}
