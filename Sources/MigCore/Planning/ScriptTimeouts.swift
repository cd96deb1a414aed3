// A revision's own `lock_timeout` / `statement_timeout` in a `migc build` script:
// the same SET statements the runner runs (mysql scripts name MySQL's variable).

enum ScriptTimeouts {
    static func lines(_ revision: ScriptRevision, dialect: Dialect, transaction: Bool) -> String {
        guard !revision.timeouts.isEmpty else { return "" }
        let server: TimeoutSQL.Server = switch dialect {
        case .sqlite: .sqlite
        case .postgres: .postgres
        case .mysql: .mysql
        }
        return TimeoutSQL.statements(
            lock: revision.timeouts.lockTimeout, statement: revision.timeouts.statementTimeout, server: server, local: transaction
        ).map { $0 + ";\n" }.joined()
    }
}
