import Foundation
import Testing

@Suite("save → run round trip") struct SaveRoundTripTests {
    /// A session run from a script, saved, and the saved file run again: the same output and the
    /// same final state (the `settings`, `progression` and `journal` reports print it).
    @Test("A saved session replays to the same output and state") func saveThenRun() throws {
        let hb = try Hedgebook()
        let saved = hb.folder.appendingPathComponent("saved.hb").path
        let body = """
            date 2026-11-20
            spx 6000; vix 16   # two commands on one line
            set delta 16; set stops 90% 90% 65% 65%
            account 100,000
            loss 900
            win 320
            date 2026-12-01
            loss $1.5k
            condor
            """
        let tail = "settings\nprogression\njournal\n"
        let first = try hb.run(["run", try hb.script("first.hb", body + "\n" + tail + "save \(saved)\n")])
        #expect(first.status == 0, "\(first.stderr)")
        let savedText = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(savedText.hasPrefix("date 2026-11-20\nspx 6000\nvix 16 # two commands on one line\nset delta 16\n"))
        #expect(!savedText.contains("save "))

        let again = try hb.run(["run", saved])
        #expect(again.status == 0, "\(again.stderr)")
        // The first run printed one more line: "saved N cells to …".
        let firstLines = first.stdoutLines.filter { !$0.hasPrefix("saved ") }
        #expect(again.stdoutLines == firstLines)
        #expect(again.stdout.contains("step 3 of 4"))
    }

    @Test("save refuses to overwrite; save! replaces; both leave a whole file")
    func overwriteRules() throws {
        let hb = try Hedgebook()
        let path = try hb.script("keep.hb", "account 50000\n")
        let refused = try hb.run(["-c", "account 100000; save \(path)"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "account 50000\n")
        let replaced = try hb.run(["-c", "account 100000; save! \(path)"])
        #expect(replaced.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "account 100000\n")
    }
}
