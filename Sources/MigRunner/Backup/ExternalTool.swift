import Foundation

/// A client program migc runs for backups (pg_dump, mysqldump), found on PATH.
public struct ExternalTool: Sendable {
    public let path: String

    /// The first of `names` on PATH.
    public static func find(_ names: [String]) -> ExternalTool? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for directory in directories where !directory.isEmpty {
                let candidate = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return ExternalTool(path: candidate) }
            }
        }
        return nil
    }

    /// Runs the tool with `arguments` (no shell), stdout to `output` (or captured),
    /// extra `environment` on top of ours. Returns (status, stdout if captured, stderr).
    public func run(_ arguments: [String], environment: [String: String] = [:], output: Int32? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let captured = Pipe()
        if let output {
            process.standardOutput = FileHandle(fileDescriptor: output, closeOnDealloc: false)
        } else {
            process.standardOutput = captured
        }
        try process.run()
        let stdout = output == nil ? captured.fileHandleForReading.readDataToEndOfFile() : Data()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

extension ExternalTool {
    /// Runs the tool and returns its standard output as bytes (images).
    public func runCapturingBytes(_ arguments: [String]) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(stdout), String(decoding: stderr, as: UTF8.self))
    }
}
