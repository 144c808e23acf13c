import Foundation
import Testing

/// Scripts with malformed lines from the corpus stop at `file:line:column` and exit 1;
/// `--keep-going` reports every bad line and still exits 1. A full disk keeps the old file.
@Suite("Bad input in scripts")
struct BadInputScriptTests {
    /// Good lines around three malformed ones (lines 3, 5 and 7).
    static let script = """
        account 100000
        loss 900
        set delta 101
        win 320
        date 2026-02-30
        deposit 5000
        account \u{1B}[31m100000
        progression

        """

    @Test("A script stops at its first malformed line with file:line:column and exits 1")
    func stops() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("bad.hb", Self.script)
        let run = try hedgebook.run(["run", path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(path):3:11: error: "))
        #expect(run.stderr.components(separatedBy: ": error: ").count == 2, "one error only")
        #expect(!run.stdout.contains("win $320"), "nothing after the failing line ran")
    }

    @Test("--keep-going reports every malformed line at its location, runs the rest, exits 1")
    func keepsGoing() throws {
        let hedgebook = try Hedgebook()
        let path = try hedgebook.script("bad.hb", Self.script)
        let run = try hedgebook.run(["run", path, "--keep-going"])
        #expect(run.status == 1)
        let located = run.stderr.split(separator: "\n").filter { $0.hasPrefix(path + ":") }.map { line in
            line.dropFirst(path.count + 1).split(separator: ":").prefix(2).joined(separator: ":")
        }
        #expect(located == ["3:11", "5:14", "7:9"])  // delta 101; the 30th of February (its day); ESC
        #expect(run.stdout.contains("deposit $5,000.00"))
        #expect(run.stdout.contains("▶ 2") || run.stdout.contains("step 2"))
    }

    @Test("A full disk (a file-size limit) fails the save, says why, and keeps the old file")
    func fullDisk() throws {
        let hedgebook = try Hedgebook()
        let target = hedgebook.folder.appendingPathComponent("session.hb").path
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        // 4 kB of cells; `ulimit -f 1` caps files at 1 kB; SIGXFSZ ignored so write(2) says EFBIG.
        let lines = (1...200).map { "deposit \($0)" }.joined(separator: "\n")
        let script = try hedgebook.script("big.hb", "account 100000\n\(lines)\nsave! \(target)\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 1; exec \"$0\" run \"$1\" >/dev/null", Hedgebook.binary.path, script]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("cannot write \(target): File too large"), "\(stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: hedgebook.folder.path)
        #expect(!names.contains { $0.hasPrefix(".hedgebook-") }, "no temporary file left: \(names)")
    }
}
