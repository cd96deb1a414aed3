import MigCommands

await MigcCommand.main()
