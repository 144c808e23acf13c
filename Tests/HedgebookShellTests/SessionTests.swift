import HedgebookModel
import Testing

@testable import HedgebookShell

/// Runs lines in a fresh shell and returns it.
private func shell(_ lines: String...) -> Shell {
    let s = Shell()
    for line in lines {
        let r = s.execute(line)
        precondition(r.ok, "setup line failed: \(line): \(r.error)")
    }
    return s
}

@Suite struct SessionFoldTests {
    @Test func sourcesExampleBudgets() {
        // METHOD §5: $1,000 → $1,800 → $1,800 → $2,880 with the defaults.
        let s = shell("account 100000")
        var budgets: [Double] = []
        func budget() -> Double { try! s.session.state.account.riskBudget(settings: s.session.state.sizing).amount }
        budgets.append(budget())
        for line in ["loss 900", "win 320", "loss 1500"] {
            #expect(s.execute(line).ok)
            budgets.append(budget())
        }
        let expected: [Double] = [1000, 1800, 1800, 2880]
        #expect(zip(budgets, expected).allSatisfy { abs($0 - $1) < 1e-9 * $1 }, "\(budgets)")
    }

    @Test func failedCommandChangesNothingAndIsNotRecorded() {
        let s = shell("account 100000", "loss 900")
        let before = s.session.state
        let cells = s.session.cells.count
        let r = s.execute("withdraw 200000")
        #expect(!r.ok)
        #expect(s.session.cells.count == cells)
        #expect(s.session.state.account == before.account)
        #expect(r.error.contains("1:10: error:"))
    }

    @Test func lineStopsAtFirstFailingCommand() {
        let s = shell()
        let r = s.execute("account 100000; withdraw 1m; loss 900")
        #expect(!r.ok)
        #expect(s.session.cells.map(\.input) == ["account 100000"])
        #expect(r.json.count == 2)
    }

    @Test func interactiveSessionRecordsTodayFirst() {
        let today = CalendarDate(year: 2026, month: 11, day: 21)!
        let s = Shell(today: today)
        #expect(s.session.cells.map(\.input) == ["date 2026-11-21"])
        #expect(s.session.state.date == today)
    }

    @Test func queriesAreCellsThatDoNotChangeState() {
        let s = shell("account 100000", "condor", "layers")
        #expect(s.session.cells.count == 3)
        #expect(s.session.cells.map(\.changesState) == [true, false, false])
    }
}

@Suite struct UndoRedoTests {
    @Test func undoTakesBackTheLastChangeAndTheQueriesAfterIt() {
        let s = shell("account 100000", "loss 900", "condor")
        let r = s.execute("undo")
        #expect(r.ok)
        #expect(r.text.contains("undid cell 2: loss 900"))
        #expect(r.text.contains("step 2 → 1"))
        #expect(s.session.cells.map(\.input) == ["account 100000"])
        #expect(s.session.state.account.equity == 100_000)
    }

    @Test func redoRestoresExactly() {
        let s = shell("account 100000", "loss 900", "win 320")
        let after = s.session.state.account
        _ = s.execute("undo")
        _ = s.execute("undo")
        #expect(s.session.state.account.step == 1)
        _ = s.execute("redo")
        _ = s.execute("redo")
        #expect(s.session.state.account == after)
        #expect(s.execute("redo").text == "nothing to redo")
    }

    @Test func newCellClearsRedo() {
        let s = shell("account 100000", "loss 900")
        _ = s.execute("undo")
        _ = s.execute("win 100")
        #expect(s.execute("redo").text == "nothing to redo")
    }

    @Test func undoAcrossSnapshotsEqualsAFreshFold() {
        // Past several snapshot intervals: undo must give the state of the shorter script.
        let n = Session.snapshotInterval * 3 + 5
        let lines = ["account 100000"] + (0..<n).map { $0 % 3 == 0 ? "loss 100" : "win 60" }
        let full = Shell()
        for l in lines { #expect(full.execute(l).ok) }
        for _ in 0..<(Session.snapshotInterval + 7) { _ = full.execute("undo") }
        let short = Shell()
        for l in lines.dropLast(Session.snapshotInterval + 7) { #expect(short.execute(l).ok) }
        #expect(full.session.state.account == short.session.state.account)
        #expect(full.session.log == short.session.log)
        #expect(full.session.cells.count == short.session.cells.count)
    }

    @Test func nothingToUndo() {
        #expect(Shell().execute("undo").text == "nothing to undo")
    }
}

@Suite struct SettingsReportTests {
    @Test func settingsJSONHasEachKeyOnce() {
        let r = Shell().execute("set skew -4; settings")
        #expect(r.ok)
        let settings = r.json[1]
        #expect(settings.components(separatedBy: "\"skew\":").count == 2, "\(settings)")
        #expect(settings.contains("\"skew\":-4"))
    }
}
