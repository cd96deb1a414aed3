import ArgumentParser
import MigCore

public struct MigcCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "migc",
        abstract: "Compile, check and apply .mig database migrations.",
        subcommands: [])

    public init() {}
}
