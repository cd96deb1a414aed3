/// `--backup=PATH`: argument-parser has no option whose value is optional, so the
/// attached form is spelled `--backup-to PATH` before parsing (`--backup` alone
/// stays the flag: a separate word after it is the TARGET, never a path).
enum BackupArgument {
    static func rewritten(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return out + arguments[index...] }
            if argument.hasPrefix("--backup=") {
                out += ["--backup-to", String(argument.dropFirst("--backup=".count))]
            } else {
                out.append(argument)
            }
        }
        return out
    }
}
