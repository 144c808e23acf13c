import Testing

@testable import HedgebookShell

/// Runs lines in a fresh shell, each of which must succeed.
private func run(_ lines: [String]) -> Shell {
    let s = Shell()
    for line in lines {
        let r = s.execute(line)
        precondition(r.ok, "setup line failed: \(line): \(r.error)")
    }
    return s
}

/// Everything a session shows: each cell's text and output, the key state and the journal.
private func fingerprint(_ s: Shell) -> [String] {
    let a = s.session.state.account
    return s.session.cells.map { $0.input + " ⇒ " + $0.output }
        + ["equity \(a.equity) step \(a.step) cycle \(a.cycle)", "journal \(s.session.log.count)",
           "date \(s.session.state.date)"]
}

@Suite("Notebook: edit, insert, drop and show re-fold the cells")
struct NotebookEditTests {
    static let script = [
        "account 100000", "# the first trade loses", "loss 900", "condor", "win 320",
        "set base 1.5%", "progression", "loss 1500", "deposit 5000", "journal", "why",
    ]

    /// (cell, new line) pairs: edits of every kind of cell, state-changing or not.
    static let edits: [(Int, String)] = [
        (1, "account 250000"), (3, "loss 800"), (3, "win 400"), (4, "layers"), (6, "set base 2%"),
        (8, "loss 100"), (9, "withdraw 1000"), (11, "risk"), (2, "journal"),
    ]

    @Test("edit N gives the same cells, outputs and state as the script with line N replaced", arguments: edits)
    func editEqualsEditedScript(_ n: Int, _ line: String) {
        let edited = run(Self.script)
        let r = edited.execute("edit \(n) \(line)")
        #expect(r.ok, "\(r.error)")
        var lines = Self.script
        lines[n - 1] = line
        #expect(fingerprint(edited) == fingerprint(run(lines)))
    }

    @Test("insert N and drop N equal the script with the line inserted or removed", arguments: [1, 3, 7, 12])
    func insertAndDropEqualScripts(_ n: Int) {
        let inserted = run(Self.script)
        #expect(inserted.execute("insert \(n) vix 20").ok)
        var lines = Self.script
        lines.insert("vix 20", at: n - 1)
        #expect(fingerprint(inserted) == fingerprint(run(lines)))

        guard n <= Self.script.count, n > 1 else { return }  // cell 1 is the account every later cell needs
        let dropped = run(Self.script)
        #expect(dropped.execute("drop \(n)").ok)
        lines = Self.script
        lines.remove(at: n - 1)
        #expect(fingerprint(dropped) == fingerprint(run(lines)))
    }

    @Test("An edit before several snapshots re-folds to the same state as a fresh run")
    func editAcrossSnapshots() {
        let lines = ["account 100000"] + (0..<(Session.snapshotInterval * 2 + 9)).map { $0 % 3 == 0 ? "loss 100" : "win 60" }
        let s = run(lines)
        #expect(s.execute("edit 70 loss 250").ok)
        var edited = lines
        edited[69] = "loss 250"
        #expect(fingerprint(s) == fingerprint(run(edited)))
    }

    @Test("edit says what it replaced, how the key state moved and which later outputs changed")
    func editReport() {
        // account 100000 → step 1; loss 900 → step 2, equity 99,100; win 320 → equity 99,420, cycle continues.
        // With loss 800 instead: equity 100,000 − 800 + 320 = 99,520.
        let s = run(["account 100000", "loss 900", "win 320", "condor"])
        let r = s.execute("edit 2 loss 800")
        #expect(r.ok)
        #expect(r.text.hasPrefix("edited cell 2: loss 900 → loss 800"))
        #expect(r.text.contains("equity $99,420.00 → $99,520.00"))
        // The condor (cell 4) shows the cap on capital at risk, cap × equity, which moved with the equity.
        #expect(r.text.hasSuffix("\noutputs changed: cells 3–4"), "\(r.text)")
        #expect(s.session.cells.map(\.input) == ["account 100000", "loss 800", "win 320", "condor"])
    }

    @Test("An edit that would make a later cell fail is refused, names that cell and changes nothing")
    func refusalNamesTheCell() {
        let s = run(["account 100000", "withdraw 50000", "condor", "loss 900"])
        _ = s.execute("undo")  // something to redo, which the refusal must keep
        let before = fingerprint(s)
        let r = s.execute("edit 1 account 40000")
        #expect(!r.ok)
        #expect(r.error.contains("cell 2 (withdraw 50000) would then fail"))
        #expect(r.error.contains("nothing changed"))
        #expect(fingerprint(s) == before)
        #expect(s.execute("redo").text.hasPrefix("redid loss 900"))
    }

    @Test("The edited command's own error points at its argument")
    func editedCommandFailsAtItsColumn() {
        let s = run(["account 100000", "loss 900"])
        let r = s.execute("edit 2 withdraw 1m")
        #expect(!r.ok)
        #expect(r.error.hasPrefix("1:17: error:"), "\(r.error)")
        #expect(s.session.cells.map(\.input) == ["account 100000", "loss 900"])
    }

    @Test("Cell numbers out of range and session commands are refused", arguments: [
        ("edit 5 loss 1", "there is no cell 5"), ("drop 0", "1:6: error"), ("insert 4 win 1", "there is no cell 4"),
        ("show 3", "there is no cell 3"), ("edit 1 undo", "never becomes a cell"), ("edit 1 edit 1 win 5", "never becomes a cell"),
        ("edit 1", "1:7: error: edit needs"),
    ])
    func refusals(_ line: String, _ message: String) {
        let s = run(["account 100000", "loss 900"])
        let r = s.execute(line)
        #expect(!r.ok)
        #expect(r.error.contains(message), "\(r.error)")
        #expect(s.session.cells.count == 2)
    }

    @Test("show N prints a cell's output again; a note says it is one")
    func show() {
        let s = run(["account 100000", "# why we start small", "loss 900"])
        #expect(s.execute("show 3").text == s.session.cells[2].output)
        #expect(s.execute("show 2").text == "cell 2 is a note: # why we start small")
        #expect(s.session.cells.count == 3)
    }

    @Test("edit, insert and drop work inside a script and a line with several commands")
    func editsInsideALine() {
        let s = run(["account 100000; loss 900; win 320"])
        #expect(s.execute("drop 2; insert 2 loss 400; show 2").ok)
        #expect(s.session.cells.map(\.input) == ["account 100000", "loss 400", "win 320"])
    }
}

@Suite("Notebook: the list of changed cells")
struct ChangedCellsTests {
    @Test("Runs of cells read as ranges, and a long list is cut with a count", arguments: [
        ([3], "3"), ([3, 4, 5, 9], "3–5, 9"), ([2, 4, 6, 8, 10, 12, 14, 16, 18, 20], "2, 4, 6, 8, 10, 12, 14, 16, … (10 in all)"),
    ])
    func ranges(_ numbers: [Int], _ text: String) {
        #expect(Shell.ranges(numbers) == text)
    }
}
