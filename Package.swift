// swift-tools-version: 6.0
import PackageDescription

// Targets point one way: migc (trampoline) -> MigCommands (CLI) -> MigRunner (drivers)
// -> MigCore (the compiler pipeline, docs/architecture.md: no terminal I/O, no database).
let package = Package(
    name: "migc",
    products: [
        .executable(name: "migc", targets: ["migc"]),
        .library(name: "MigCore", targets: ["MigCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Crypto for the SHA-256 of revision checksums (BoringSSL on Linux, CryptoKit on Apple).
        .target(name: "MigCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        // MariaDB Connector/C: speaks to MySQL 5.7/8.x and MariaDB.
        .systemLibrary(
            name: "CMariaDB", pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]),
        .target(name: "MigRunner", dependencies: ["MigCore", "CSQLite", "CLibPQ", "CMariaDB"]),
        .target(
            name: "MigCommands",
            dependencies: [
                "MigCore", "MigRunner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        .executableTarget(name: "migc", dependencies: ["MigCommands"]),
        // Long-run syntax fuzzer and parse benchmark (bench/fuzz, bench/parse).
        .executableTarget(name: "migc-fuzz", dependencies: ["MigCore"], path: "bench/fuzz"),
        .executableTarget(
            name: "migc-parse-bench", dependencies: ["MigCore"], path: "bench/parse",
            exclude: ["generate.py", "run.sh"]),
        .testTarget(name: "MigCoreTests", dependencies: ["MigCore"]),
        // The scratch MariaDB server both test targets start (Foundation only).
        .target(name: "MigTestSupport", path: "Tests/Support"),
        .testTarget(name: "MigRunnerTests", dependencies: ["MigRunner", "MigCore", "MigTestSupport"]),
        // End-to-end: runs the built `migc` binary as users do.
        .testTarget(name: "MigCommandsTests", dependencies: ["MigCommands", "migc", "MigTestSupport"]),
    ]
)
