import Foundation
import Testing

@testable import HedgebookShell

/// Issue 11, "solid ground": one test (or more) per numbered item, named after it.
/// The PTY side is tests/pty/solid.sh; the binary's side is Tests/EndToEndTests/SolidGroundTests.swift.
@Suite("Solid ground")
struct SolidGroundTests {
    /// Runs `script` in a fresh shell and returns what it printed.
    static func run(_ script: String, shell: Shell = Shell()) -> ScriptRunner.Outcome {
        ScriptRunner.run(script, source: "t", shell: shell, options: .init(keepGoing: true))
    }

    @Test("item 1: under a non-UTF-8 locale every report folds to ASCII")
    func item1ASCII() {
        let out = Self.run("""
            account 100000
            condor
            layers
            payoff
            risk
            progression
            """).output
        #expect(out.contains("─") && out.contains("·"))
        let folded = ASCIIText.fold(out)
        #expect(folded.utf8.allSatisfy { $0 < 0x80 })
        #expect(ASCIIText.fold("[3] step 2 · $98,200 › ") == "[3] step 2 - $98,200 > ")
        #expect(ASCIIText.fold("−8% σ") == "-8% s")
    }

    /// A shell whose Ctrl-C is "pressed" after the hook has been asked `after` times.
    static func interruptedShell(after: Int) -> Shell {
        let shell = Shell()
        var asked = 0
        shell.cancelRequested = {
            asked += 1
            return asked > after
        }
        return shell
    }

    @Test("item 2: Ctrl-C stops a load part-way; the session keeps none of it and says so")
    func item2Load() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hb-item2-\(UUID().uuidString).hb").path
        defer { unlink(path) }
        try String(repeating: "vix 20\n", count: 500).write(toFile: path, atomically: true, encoding: .utf8)
        let shell = Self.interruptedShell(after: 50)
        _ = shell.execute("account 100000")
        let result = shell.execute("load \(path)")
        #expect(!result.ok)
        #expect(result.error.contains("stopped by Ctrl-C at line"))
        #expect(result.error.contains("nothing of it was kept"))
        #expect(shell.session.cells.map(\.input) == ["account 100000"])
        // The next line starts afresh.
        shell.cancelRequested = nil
        #expect(shell.execute("vix 21").ok)
    }

    @Test("item 2: Ctrl-C stops a sweep and a simulate; nothing is recorded")
    func item2SweepSimulate() {
        let shell = Self.interruptedShell(after: 3)
        _ = shell.execute("account 100000")
        let sweep = shell.execute("sweep account 50k..200k step 1k layers")
        #expect(!sweep.ok && sweep.error.contains("sweep at value"))
        #expect(sweep.error.contains("stopped by Ctrl-C; the session is unchanged"))
        let simulate = shell.execute("set underlying xsp")
        #expect(simulate.ok)
        let run = shell.execute("simulate 2000 cycles paths 20000")
        #expect(!run.ok && run.error.contains("simulation stopped at"))
        #expect(shell.session.cells.map(\.input) == ["account 100000", "set underlying xsp"])
    }

    @Test("item 2: Ctrl-C stops recover; the session stays as it was and the journal is kept")
    func item2Recover() {
        let journal = SessionJournal.header(started: "2026-11-20 14:03")
            + String(repeating: "+ vix 20\n", count: 300)
        let shell = Self.interruptedShell(after: 10)
        let source = MemoryJournal(text: journal)
        shell.recovery = source
        let result = shell.execute("recover")
        #expect(!result.ok && result.error.contains("recover at cell"))
        #expect(result.error.contains("stopped by Ctrl-C; the session is unchanged"))
        #expect(shell.session.cells.isEmpty)
        #expect(source.released == 1 && source.restoredCount == 0)
    }
}

/// A journal in memory for `recover`.
final class MemoryJournal: RecoverySource {
    var text: String?
    let startCells: Int
    var problem: String?
    var restoredCount = 0, released = 0, keptAside = 0
    init(text: String?, startCells: Int = 1, problem: String? = nil) {
        self.text = text
        self.startCells = startCells
        self.problem = problem
    }
    func claim() throws(FileError) -> String? { text }
    func restored() { restoredCount += 1; text = nil }
    func release() { released += 1 }
    func restoredPartly() -> String? { keptAside += 1; return "1234.journal.stopped" }
}
