import Foundation
import Testing

/// Issue 11's items that need the real binary (signals, limits, the process's own files).
@Suite("Solid ground: the binary")
struct SolidGroundBinaryTests {
    @Test("item 3: under a file-size limit, save! fails with a located EFBIG error, exit 1, no temporary file left")
    func item3FileSizeLimit() throws {
        let hb = try Hedgebook()
        let script = try hb.script("in.hb", String(repeating: "vix 20\n", count: 300))
        let out = hb.folder.appendingPathComponent("out.hb").path
        // `ulimit -f 1`: files stop at one block (512 or 1024 bytes); the session's script is 2,100 bytes.
        let run = try hb.run(["/bin/sh", "-c", "ulimit -f 1 && exec \"$0\" -c \"load $1; save! $2\"",
                              Hedgebook.binary.path, script, out], viaShell: true)
        #expect(run.status == 1, "killed by SIGXFSZ gives 153")
        #expect(run.stderr.contains("<-c>:1:"))
        #expect(run.stderr.contains("cannot write \(out): File too large"))
        let left = try FileManager.default.contentsOfDirectory(atPath: hb.folder.path)
        #expect(!left.contains { $0.hasPrefix(".hedgebook-") })
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("item 9: a 3 MB line on stdin is refused at its place; the lines around it run")
    func item9StdinLongLine() throws {
        let hb = try Hedgebook()
        let run = try hb.run(["--keep-going"], stdin: "vix 20\n" + String(repeating: "x", count: 3_000_000) + "\nvix 21\n")
        #expect(run.status == 1)
        #expect(run.stdout == "VIX 20\nVIX 21\n")
        #expect(run.stderr.hasPrefix("<stdin>:2:1: error: this line is 3000000 bytes long"))
    }

    @Test("item 9: run refuses a file that is not a regular file, at once")
    func item9RunFIFO() throws {
        let hb = try Hedgebook()
        let fifo = hb.folder.appendingPathComponent("fifo").path
        mkfifo(fifo, 0o644)
        let run = try hb.run(["run", fifo])
        #expect(run.status == 2)
        #expect(run.stderr.contains("it is a FIFO, not a regular file"))
    }

    @Test("item 12: make install puts hedgebook in PREFIX/bin (default ~/.local), make uninstall removes it")
    func item12MakeInstall() throws {
        func dryRun(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["make", "-n", "-C", Hedgebook.packageRoot.path] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = "/home/trader"
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let standard = try dryRun(["install"])
        #expect(standard.contains("install -m 0755 .build/release/hedgebook \"/home/trader/.local/bin/hedgebook\""))
        let custom = try dryRun(["install", "PREFIX=/opt/hb"])
        #expect(custom.contains("install -d \"/opt/hb/bin\""))
        #expect(try dryRun(["uninstall", "PREFIX=/opt/hb"]).contains("rm -f \"/opt/hb/bin/hedgebook\""))
    }
}
