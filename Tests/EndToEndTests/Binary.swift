import Foundation

/// Runs the built `hedgebook` binary and captures what it printed.
///
/// The binary is `.build/debug/hedgebook` under the package root (found from this file's
/// path); `HEDGEBOOK_BINARY` overrides it (for a build with another `--scratch-path`).
/// `make test` builds it before `swift test`.
struct Hedgebook {
    struct Run {
        var stdout: String
        var stderr: String
        var status: Int32

        var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["HEDGEBOOK_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent(".build/debug/hedgebook")
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "no hedgebook binary at \(path): run `swift build --product hedgebook` first (make test does)"
        }
    }

    /// A fresh folder for one test's files.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hedgebook-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes a script file and returns its path.
    func script(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs the binary with `arguments`; stdin is `stdin` (from a file, so not a terminal)
    /// or empty. The history and the market store go to the test's own folder.
    /// With `viaShell`, `arguments` is a whole command line (`/bin/sh -c …`) run as it is.
    func run(_ arguments: [String], stdin: String = "", viaShell: Bool = false) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw MissingBinary(path: Self.binary.path)
        }
        let input = folder.appendingPathComponent("stdin-\(UUID().uuidString)")
        let output = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errors = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        try stdin.write(to: input, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = viaShell ? URL(fileURLWithPath: arguments[0]) : Self.binary
        process.arguments = viaShell ? Array(arguments.dropFirst()) : arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        // The market store too: a test never reads or fills the user's.
        environment["HEDGEBOOK_DATA"] = folder.appendingPathComponent("data").path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        return Run(
            stdout: try String(contentsOf: output, encoding: .utf8),
            stderr: try String(contentsOf: errors, encoding: .utf8),
            status: process.terminationStatus)
    }

    /// Each stdout line parsed as a JSON object; `nil` for a line that is not one.
    static func jsonObjects(_ text: String) -> [[String: Any]?] {
        text.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }
}
