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

/// User + system CPU time of this process so far (steadier than wall time on a busy machine).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

func seconds(_ s: Double) -> String { String(format: "%.3f seconds", s) }

/// A plain function, not top-level code: top-level variables are main-actor
/// isolated and every access would pay an executor check.
func benchmark(_ directory: String) -> Bool {
    let names = (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? [])
        .filter { $0.hasSuffix(".mig") }.sorted()
    let clock = ContinuousClock()
    let readStart = clock.now
    let inputs = names.map { (path: $0, bytes: [UInt8](FileManager.default.contents(atPath: directory + "/" + $0) ?? Data())) }
    let readTime = clock.now - readStart

    let lexStart = clock.now
    var tokenCount = 0
    for input in inputs { tokenCount += Lexer.tokenize(input.bytes, path: input.path).tokens.count }
    let lexTime = clock.now - lexStart

    // Streaming: each tree dropped after parsing (the parser's own cost and memory).
    let streamCPUStart = cpuSeconds()
    let streamStart = clock.now
    var streamed = 0
    for input in inputs {
        let result = Parser.parse(bytes: input.bytes, path: input.path)
        streamed += result.file.upgrade?.statements.count ?? 0
    }
    let streamTime = clock.now - streamStart
    let streamCPU = cpuSeconds() - streamCPUStart
    var streamUsage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &streamUsage)

    // Retained: every tree kept, as a project loader does.
    let parseCPUStart = cpuSeconds()
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
    let parseCPU = cpuSeconds() - parseCPUStart

    // Both cores: files are independent, so a loader can parse them in parallel.
    let parallelStart = clock.now
    let workers = ProcessInfo.processInfo.activeProcessorCount
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for k in stride(from: worker, to: inputs.count, by: workers) {
            _ = Parser.parse(bytes: inputs[k].bytes, path: inputs[k].path)
        }
    }
    let parallelTime = clock.now - parallelStart

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
        lex only:                  \(lexTime) (\(tokenCount) tokens)
        lex+parse, streaming:      \(streamTime) wall, \(seconds(streamCPU)) CPU (\(streamed) statements), peak RSS \(streamUsage.ru_maxrss / 1024) MB
        lex+parse, keeping trees:  \(parseTime) wall, \(seconds(parseCPU)) CPU, peak RSS \(usage.ru_maxrss / 1024) MB
        lex+parse, \(workers) threads:      \(parallelTime) wall (streaming)
        headers only:              \(headerTime)
        """)
    return diagnostics == 0
}

exit(benchmark(CommandLine.arguments[1]) ? 0 : 1)
