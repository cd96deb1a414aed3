import Foundation
import Testing

/// Golden files live next to their inputs under `Tests/Fixtures/`. `MIGC_RECORD=1
/// swift test` rewrites them; a reviewer reads the diff.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var recording: Bool { ProcessInfo.processInfo.environment["MIGC_RECORD"] == "1" }

    /// The `.mig` files under `Fixtures/<area>`, sorted, recursively.
    static func inputs(_ area: String, ext: String = "mig") -> [URL] {
        let root = fixtures.appendingPathComponent(area)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == ext }
            .sorted { $0.path < $1.path }
    }

    /// Path relative to `Tests/Fixtures/`, as goldens print it.
    static func relativePath(_ url: URL) -> String {
        String(url.path.dropFirst(fixtures.path.count + 1))
    }

    /// Compares `actual` with the golden file `input` + `suffix` (e.g. ".stderr"),
    /// or writes it when recording.
    static func check(_ actual: String, against input: URL, suffix: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let golden = input.deletingPathExtension().appendingPathExtension(String(suffix.dropFirst()))
        if recording {
            try? actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            Issue.record("missing golden \(relativePath(golden)); run MIGC_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "golden \(relativePath(golden)) differs; MIGC_RECORD=1 re-records", sourceLocation: sourceLocation)
    }
}
