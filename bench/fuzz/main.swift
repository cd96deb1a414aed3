// migc-fuzz: a seeded mutation fuzzer for the lexer and parser.
//
//   swift run -c release migc-fuzz [--iterations N] [--seed S] [--start K]
//                                  [--corpus DIR] [--save-each PATH] [--round-trip]
//
// Mutates the .mig files under DIR (default Tests/Fixtures/syntax) and checks the
// parse invariants on each input (with --round-trip also print/re-parse, which
// exercises the Printer too). Input n depends only on (seed, n): to find the
// input behind a crash, rerun the last reported window with --save-each PATH, which
// writes every input to PATH before parsing it (the file left behind is the crasher).
import Foundation
import MigCore

var iterations: UInt64 = 100_000
var seed: UInt64 = 0x5EED
var start: UInt64 = 0
var corpusDirectory = "Tests/Fixtures/syntax"
var saveEach: String?
var roundTrip = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let flag = arguments.next() {
    if flag == "--round-trip" {
        roundTrip = true
        continue
    }
    let value = arguments.next() ?? ""
    switch flag {
    case "--iterations": iterations = UInt64(value) ?? iterations
    case "--seed": seed = UInt64(value) ?? seed
    case "--start": start = UInt64(value) ?? start
    case "--corpus": corpusDirectory = value
    case "--save-each": saveEach = value
    default:
        FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
        exit(2)
    }
}

let files = (FileManager.default.enumerator(atPath: corpusDirectory)?.compactMap { $0 as? String } ?? [])
    .filter { $0.hasSuffix(".mig") }.sorted()
let corpus = files.compactMap { FileManager.default.contents(atPath: corpusDirectory + "/" + $0).map { [UInt8]($0) } }
guard !corpus.isEmpty else {
    FileHandle.standardError.write(Data("no .mig files under \(corpusDirectory)\n".utf8))
    exit(2)
}

let mutator = Mutator(corpus: corpus, seed: seed)
let clock = ContinuousClock()
let began = clock.now
var failures = 0
for n in start..<(start + iterations) {
    let input = mutator.input(n)
    if let saveEach { _ = FileManager.default.createFile(atPath: saveEach, contents: Data(input)) }
    let problems = checkParseInvariants(input) + (roundTrip ? checkRoundTrip(input) : [])
    if !problems.isEmpty {
        failures += 1
        let path = "fuzz-failure-\(seed)-\(n).mig"
        _ = FileManager.default.createFile(atPath: path, contents: Data(input))
        print("input \(n): \(problems.joined(separator: "; ")) (saved to \(path))")
    }
    if (n + 1) % 100_000 == 0 {
        FileHandle.standardError.write(Data("\(n + 1 - start) inputs, \(failures) failures, \(clock.now - began)\n".utf8))
    }
}
print("migc-fuzz: \(iterations) inputs from \(corpus.count) files, seed \(seed), start \(start): \(failures) failures in \(clock.now - began)")
exit(failures == 0 ? 0 : 1)
