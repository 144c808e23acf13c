import Foundation
import Testing

@testable import HedgebookShell

@Suite("Notebook: comment-only lines are note cells")
struct NotebookNoteTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "hedgebook-notes-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test("A comment-only line becomes a note that prints nothing and changes nothing")
    func noteIsACell() {
        let s = Shell()
        #expect(s.execute("account 100000").ok)
        let before = s.session.state.account
        let r = s.execute("   # ## Sizing   ")
        #expect(r.ok && r.text.isEmpty && r.json.isEmpty)
        #expect(s.session.cells.last?.input == "# ## Sizing")
        #expect(s.session.cells.last?.command == .note("## Sizing"))
        #expect(s.session.cells.last?.changesState == false)
        #expect(s.session.state.account == before)
    }

    @Test("A trailing comment after a command is not a note")
    func trailingCommentIsNotANote() {
        let s = Shell()
        #expect(s.execute("account 100000 # start").ok)
        #expect(s.session.cells.map(\.input) == ["account 100000 # start"], "the comment stays in the cell (item 13)")
    }

    @Test("Control characters in a note are shown as ?")
    func controlCharacters() {
        let s = Shell()
        _ = s.execute("# bell\u{7} escape\u{1B}[2J")
        #expect(s.session.cells.last?.input == "# bell? escape?[2J")
    }

    @Test("undo passes over notes to the last change and takes the notes after it too")
    func undoSkipsNotes() {
        let s = Shell()
        for line in ["account 100000", "# a loss", "loss 900", "# then we wait"] { #expect(s.execute(line).ok) }
        let r = s.execute("undo")
        #expect(r.text.hasPrefix("undid cell 3: loss 900"))
        #expect(s.session.cells.map(\.input) == ["account 100000", "# a loss"])
    }

    @Test("history numbers notes like every cell")
    func history() {
        let s = Shell()
        for line in ["# start", "account 100000"] { _ = s.execute(line) }
        #expect(s.execute("history").text == "1  # start\n2  account 100000")
    }

    @Test("Notes survive save and load, and export turns them into prose")
    func saveLoadExport() throws {
        let s = Shell()
        for line in ["# # Lesson 1", "# We open an account.", "#", "# Twice.", "account 100000", "# ## After a loss", "loss 900"] {
            #expect(s.execute(line).ok)
        }
        let saved = folder + "/s.hb"
        #expect(s.execute("save \(saved)").ok)
        #expect(try String(contentsOfFile: saved, encoding: .utf8)
            == "# # Lesson 1\n# We open an account.\n#\n# Twice.\naccount 100000\n# ## After a loss\nloss 900\n")
        let loaded = Shell()
        #expect(loaded.execute("load \(saved)").ok)
        #expect(loaded.session.cells.map(\.input) == s.session.cells.map(\.input))

        let md = folder + "/s.md"
        #expect(loaded.execute("export \(md)").ok)
        let text = try String(contentsOfFile: md, encoding: .utf8)
        let account = s.session.cells[4].output, loss = s.session.cells[6].output
        // The heading gets a paragraph of its own; the empty note is a paragraph break.
        #expect(text == """
            # Lesson 1

            We open an account.

            Twice.

            ```hedgebook
            account 100000
            ```

            ```output
            \(account)
            ```

            ## After a loss

            ```hedgebook
            loss 900
            ```

            ```output
            \(loss)
            ```

            """)
    }

    @Test("export refuses to overwrite; export! does")
    func exportRefusesToOverwrite() throws {
        let path = folder + "/exists.md"
        try "keep\n".write(toFile: path, atomically: true, encoding: .utf8)
        let s = Shell()
        _ = s.execute("account 100000")
        let r = s.execute("export \(path)")
        #expect(!r.ok)
        #expect(r.error.contains("already exists") && r.error.contains("export! "))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep\n")
        #expect(s.execute("export! \(path)").ok)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("```hedgebook\naccount 100000\n```\n"))
    }
}
