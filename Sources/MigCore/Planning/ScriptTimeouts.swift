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

    /// After a revision outside a transaction, the session's own values again, so
    /// the rest of the script does not run under this revision's limits.
    static func reset(_ revision: ScriptRevision, dialect: Dialect, transaction: Bool) -> String {
        guard !revision.timeouts.isEmpty, !transaction else { return "" }
        var names: [String] = []
        switch dialect {
        case .postgres:
            if revision.timeouts.lockTimeout != nil { names.append("RESET lock_timeout") }
            if revision.timeouts.statementTimeout != nil { names.append("RESET statement_timeout") }
        case .mysql:
            if revision.timeouts.lockTimeout != nil { names.append("SET SESSION lock_wait_timeout = DEFAULT") }
            if revision.timeouts.statementTimeout != nil { names.append("SET SESSION max_execution_time = DEFAULT") }
        case .sqlite:
            break  // the busy timeout belongs to the connection, not the script
        }
        return names.map { $0 + ";\n" }.joined()
    }
}
