import ArgumentParser
import Foundation

/// Runs `migc` and maps outcomes to the documented exit codes:
/// 0 clean, 1 errors (or warnings under --strict), 2 usage or I/O problems.
/// (argument-parser would exit 64 on usage errors; migc says 2.)
public enum MigcMain {
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            let given = arguments ?? Array(CommandLine.arguments.dropFirst())
            var command = try MigcCommand.parseAsRoot(BackupArgument.rewritten(given))
            try command.run()
            exit(0)
        } catch let failure as UsageFailure {
            Terminal.writeError(failure.message.hasSuffix("\n") ? failure.message : failure.message + "\n")
            exit(2)
        } catch let failure as CommandFailure {
            Terminal.writeError(failure.message.hasSuffix("\n") ? failure.message : failure.message + "\n")
            exit(1)
        } catch is ErrorsReported {
            exit(1)
        } catch {
            let code = MigcCommand.exitCode(for: error)
            if code == .success || code.rawValue == 0 {
                MigcCommand.exit(withError: error)  // --help, --version: argument-parser prints and exits 0
            }
            let message = MigcCommand.fullMessage(for: error)
            if !message.isEmpty { Terminal.writeError(message + "\n") }
            exit(code == .validationFailure || code.rawValue == 64 ? 2 : code.rawValue == 1 ? 1 : 2)
        }
    }
}
