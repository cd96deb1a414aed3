import ArgumentParser
import MigCore

public struct MigcCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "migc",
        abstract: "Compile, check and apply .mig database migrations.",
        discussion: """
            Exit codes: 0 clean, 1 errors (or warnings under --strict), 2 usage or I/O problems.
            Configuration: --database / MIGC_DATABASE_URL / migc.toml; --dir / migc.toml `dir` / ./migrations.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            NewCommand.self,
            LintCommand.self,
            FmtCommand.self,
            BuildCommand.self,
            UpgradeCommand.self,
            DowngradeCommand.self,
            CurrentCommand.self,
            HistoryCommand.self,
            HeadsCommand.self,
            BranchesCommand.self,
            ShowCommand.self,
            MergeCommand.self,
            StampCommand.self,
            CheckCommand.self,
            TestCommand.self,
            GraphCommand.self,
            SquashCommand.self,
            ParseCommand.self,
        ])

    public init() {}
}
