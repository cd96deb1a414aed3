// migc-parse-bench: lexes and parses every .mig file under a directory and prints
// the wall time of lexing+parsing (files are read first) and the peak RSS.
//
//   bench/parse/run.sh            (generates 10,000 files, builds release, runs)
//   swift run -c release migc-parse-bench DIR
import Foundation
import MigCore

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: migc-parse-bench DIR\n".utf8))
    exit(2)
}

/// A plain function, not top-level code: top-level variables are main-actor
/// isolated and every access would pay an executor check.
func benchmark(_ directory: String) -> Bool {
    let names = (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix(".mig") }.sorted()
    let clock = ContinuousClock()
    let readStart = clock.now
    let inputs = names.map { (path: $0, bytes: [UInt8](FileManager.default.contents(atPath: directory + "/" + $0) ?? Data())) }
    let readTime = clock.now - readStart

    // Streaming: each tree dropped after parsing (the parser's own cost and memory).
    let streamStart = clock.now
    var streamed = 0
    for input in inputs {
        let result = Parser.parse(bytes: input.bytes, path: input.path)
        streamed += result.file.upgrade?.statements.count ?? 0
    }
    let streamTime = clock.now - streamStart
    var streamUsage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &streamUsage)

    // Retained: every tree kept, as a project loader does.
    let parseStart = clock.now
    var files: [MigFile] = []
    files.reserveCapacity(inputs.count)
    var diagnostics = 0
    for input in inputs {
        let result = Parser.parse(bytes: input.bytes, path: input.path)
        diagnostics += result.diagnostics.count
        files.append(result.file)
    }
    let parseTime = clock.now - parseStart

    let headerStart = clock.now
    for input in inputs { _ = Parser.parseHeader(bytes: input.bytes, path: input.path) }
    let headerTime = clock.now - headerStart

    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let bytes = inputs.reduce(0) { $0 + $1.bytes.count }
    let lines = inputs.reduce(0) { $0 + $1.bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
    let statements = files.reduce(0) { $0 + ($1.upgrade?.statements.count ?? 0) }
    print("""
        files: \(inputs.count), lines: \(lines), bytes: \(bytes), upgrade statements: \(statements), diagnostics: \(diagnostics)
        read:                      \(readTime)
        lex+parse, streaming:      \(streamTime) (\(streamed) statements), peak RSS \(streamUsage.ru_maxrss / 1024) MB
        lex+parse, keeping trees:  \(parseTime), peak RSS \(usage.ru_maxrss / 1024) MB
        headers only:              \(headerTime)
        """)
    return diagnostics == 0
}

exit(benchmark(CommandLine.arguments[1]) ? 0 : 1)
