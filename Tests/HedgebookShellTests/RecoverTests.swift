import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

/// A journal in memory, as the REPL's file would hold it.
private final class MemorySource: RecoverySource {
    var text: String?
    let startCells: Int
    var restoredCount = 0
    var releasedCount = 0
    init(text: String?, startCells: Int = 1) {
        self.text = text
        self.startCells = startCells
    }
    func claim() throws(FileError) -> String? { text }
    func restored() { restoredCount += 1; text = nil }
    func release() { releasedCount += 1 }
}

/// Runs `lines` in a REPL-like shell, journalling after every line; returns the shell and the journal.
private func journalled(_ lines: [String]) -> (Shell, String) {
    let shell = Shell(today: CalendarDate(year: 2026, month: 11, day: 20))
    var recorder = JournalRecorder()
    var text = SessionJournal.header(started: "2026-11-20 14:03") + recorder.changes(in: shell.session)
    for line in lines {
        _ = shell.execute(line)
        text += recorder.changes(in: shell.session)
    }
    return (shell, text)
}

@Suite struct RecoverTests {
    @Test("recover restores the cells, their outputs and the state exactly, undo and failures included")
    func exactRestore() throws {
        let (original, text) = journalled([
            "spx 6000; vix 16", "account 100000", "loss 900", "condor", "loss 1500", "undo", "redo", "undo",
            "win 320", "account abc", "set base 2", "deposit 5000; withdraw 10000000", "set base 1.5%", "progression",
        ])
        let fresh = Shell(today: CalendarDate(year: 2026, month: 11, day: 21))
        let source = MemorySource(text: text)
        fresh.recovery = source
        let result = fresh.execute("recover")
        #expect(result.ok, "\(result.error)")
        #expect(result.text.hasPrefix("recovered \(original.session.cells.count) cells of the session from 2026-11-20 14:03"))
        #expect(fresh.session.cells.map(\.input) == original.session.cells.map(\.input))
        #expect(fresh.session.cells.map(\.output) == original.session.cells.map(\.output))
        #expect(fresh.session.state.account == original.session.state.account)
        #expect(fresh.session.state.date == CalendarDate(year: 2026, month: 11, day: 20))
        #expect(source.restoredCount == 1)
        // The failed commands left no cell; deposit ran before withdraw failed on its line.
        #expect(!original.session.cells.map(\.input).contains("account abc"))
        #expect(original.session.cells.map(\.input).contains("deposit 5000"))
    }

    @Test("The recovered session is journalled again: a keep-nothing record and every cell")
    func recoveredSessionIsJournalled() {
        let (_, text) = journalled(["account 100000", "loss 900"])
        let fresh = Shell(today: CalendarDate(year: 2026, month: 11, day: 21))
        var recorder = JournalRecorder()
        _ = recorder.changes(in: fresh.session)
        fresh.recovery = MemorySource(text: text)
        #expect(fresh.execute("recover").ok)
        #expect(recorder.changes(in: fresh.session) == "- 0\n+ date 2026-11-20\n+ account 100000\n+ loss 900\n")
    }

    @Test("recover refuses to replace a session that has cells of its own, and keeps the journal")
    func refusesWhenBusy() {
        let (_, text) = journalled(["account 100000"])
        let shell = Shell(today: CalendarDate(year: 2026, month: 11, day: 21))
        let source = MemorySource(text: text)
        shell.recovery = source
        _ = shell.execute("account 5000")
        let result = shell.execute("recover")
        #expect(!result.ok)
        #expect(result.error.hasPrefix("1:1: error: recover replaces this session, which has 2 cells of its own"))
        #expect(source.text != nil && source.restoredCount == 0)
        #expect(shell.session.cells.count == 2)
    }

    @Test("item 8: a journal cell this hedgebook rejects: the cells before it are recovered, and recover says where it stopped")
    func stopsAtBadCell() {
        let text = "hedgebook journal 1; started x\n+ account 100000\n+ frobnicate 3\n+ loss 900\n"
        let shell = Shell(today: CalendarDate(year: 2026, month: 11, day: 21))
        let source = MemorySource(text: text)
        shell.recovery = source
        let result = shell.execute("recover")
        #expect(result.ok)
        #expect(result.text.hasPrefix("recovered 1 of 3 cells of the session from x"))
        #expect(result.text.contains("stopped at cell 2 (`frobnicate 3`): it no longer runs"))
        #expect(result.text.contains("journal:2:1: error:"))
        #expect(shell.session.cells.map(\.input) == ["account 100000"])
        #expect(source.releasedCount == 0 && source.restoredCount == 1)
    }

    @Test("Nothing to recover, and recover in a script, say so without failing")
    func nothingToRecover() {
        let shell = Shell()
        shell.recovery = MemorySource(text: nil, startCells: 0)
        #expect(shell.execute("recover").text == "nothing to recover: every earlier session was closed cleanly")
        let script = Shell().execute("recover")
        #expect(script.ok && script.text.hasPrefix("nothing to recover here"))
    }
}
