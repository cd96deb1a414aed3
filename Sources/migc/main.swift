import MigCommands

// A few-line trampoline: everything lives in MigCommands.
MigcMain.run()
