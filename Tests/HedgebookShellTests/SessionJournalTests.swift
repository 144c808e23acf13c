import Testing

@testable import HedgebookShell

/// The journal's text format, worked by hand: records, reading back, torn tails, the offer.
@Suite struct SessionJournalTests {
    @Test("A new cell is one append record; an undo is keep-the-prefix and nothing else")
    func recordsForAppendAndUndo() {
        #expect(SessionJournal.records(from: ["a", "b"], to: ["a", "b", "c"]) == [.append("c")])
        #expect(SessionJournal.records(from: ["a", "b", "c"], to: ["a"]) == [.keep(1)])
        #expect(SessionJournal.records(from: ["a", "b"], to: ["a", "b"]) == [])
    }

    @Test("An edit in the middle keeps the prefix before it and re-appends the rest")
    func recordsForEdit() {
        // cells 1–3; cell 2 edited: keep 1, then the new cell 2 and the old cell 3.
        #expect(SessionJournal.records(from: ["d", "loss 900", "condor"], to: ["d", "loss 800", "condor"])
                == [.keep(1), .append("loss 800"), .append("condor")])
        // recover replaces a fresh session's date cell with another session's cells.
        #expect(SessionJournal.records(from: ["date 2026-11-21"], to: ["date 2026-11-20", "account 1"])
                == [.keep(0), .append("date 2026-11-20"), .append("account 1")])
    }

    @Test("Records fold back to the cell list; inputs with backslashes and line breaks survive")
    func roundTrip() throws {
        let cells = ["date 2026-11-20", #"save "a\b.hb""#, "# a note with \r inside", "account 100000"]
        var text = SessionJournal.header(started: "2026-11-20 14:03")
        text += SessionJournal.records(from: [], to: ["x", "y"]).map(\.line).joined()
        text += SessionJournal.records(from: ["x", "y"], to: cells).map(\.line).joined()
        #expect(text.split(separator: "\n").count == 1 + 2 + 1 + cells.count)
        let contents = try SessionJournal.read(text)
        #expect(contents.cells == cells)
        #expect(contents.started == "2026-11-20 14:03")
    }

    @Test("A last record without its newline was cut short by the crash and is ignored")
    func tornTail() throws {
        let text = "hedgebook journal 1; started 2026-11-20 14:03\n+ account 100000\n+ loss 9"
        #expect(try SessionJournal.read(text).cells == ["account 100000"])
    }

    @Test("Another version, no header, or a record this version cannot read are errors")
    func unreadable() {
        #expect(throws: SessionJournal.ReadError.unknownVersion("2")) {
            try SessionJournal.read("hedgebook journal 2; started x\n+ a\n")
        }
        #expect(throws: SessionJournal.ReadError.notAJournal) { try SessionJournal.read("account 100000\n") }
        #expect(throws: SessionJournal.ReadError.notAJournal) { try SessionJournal.read("") }
        #expect(throws: SessionJournal.ReadError.badRecord(line: 3)) {
            try SessionJournal.read("hedgebook journal 1; started x\n+ a\n- 5\n")
        }
    }

    @Test("The offer names the start time and the cells, and how many older sessions wait")
    func offer() {
        let contents = SessionJournal.Contents(started: "2026-11-20 14:03", cells: Array(repeating: "c", count: 14))
        #expect(SessionJournal.offer(contents, others: 0)
                == "a session from 2026-11-20 14:03 with 14 cells was not closed cleanly: type `recover` to restore it")
        #expect(SessionJournal.offer(contents, others: 2).hasSuffix("(2 older ones wait after it)"))
    }

    @Test("A journal holding only the automatic date cell is not worth offering")
    func worthRecovering() {
        #expect(!SessionJournal.Contents(started: "", cells: []).isWorthRecovering)
        #expect(!SessionJournal.Contents(started: "", cells: ["date 2026-11-20"]).isWorthRecovering)
        #expect(SessionJournal.Contents(started: "", cells: ["account 1"]).isWorthRecovering)
        #expect(SessionJournal.Contents(started: "", cells: ["date 2026-11-20", "condor"]).isWorthRecovering)
    }

    @Test("Unclosed journals: named <pid>.journal, not ours, and their process gone")
    func unclosedSelection() {
        let names = ["12.journal", "13.journal", "99.journal", ".14.journal.tmp", "history", "x.journal",
                     "0.journal", "-3.journal", "15.journal"]
        let alive: Set<Int32> = [13]
        let found = SessionJournal.unclosed(names: names, ownPid: 99) { pid, _ in alive.contains(pid) }
        #expect(found == ["12.journal", "15.journal"])
    }

    @Test("The newest unclosed session comes first")
    func newestFirst() {
        let old = SessionJournal.Contents(started: "2026-11-19 09:00", cells: ["a"])
        let new = SessionJournal.Contents(started: "2026-11-20 08:00", cells: ["b"])
        #expect(SessionJournal.newestFirst([("1.journal", old), ("2.journal", new)]).map(\.name) == ["2.journal", "1.journal"])
    }
}
