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

    /// Every C0 control but tab and newline, DEL, every C1 control, escape sequences (title,
    /// clear screen, clipboard), and the bidirectional overrides and marks.
    static let hostile: String = {
        var s = ""
        for v in UInt32(0)...0x1F where v != 0x09 && v != 0x0A { s.unicodeScalars.append(Unicode.Scalar(v)!) }
        for v in UInt32(0x7F)...0x9F { s.unicodeScalars.append(Unicode.Scalar(v)!) }
        s += "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}]52;c;aGk=\u{07}\u{1B}[31m"
        for v in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C] {
            s.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
        }
        return s
    }()

    /// True when `text` holds nothing that could act on a terminal.
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: Display.isUnsafe) && !text.contains("\r")
    }

    @Test("item 4: teach shows a hostile lesson neutralised: title, narration, commands, keys, why")
    func item4Teach() {
        let lesson = "# Title \(Self.hostile)\n\nnarration \(Self.hostile)\n\n```hedgebook\naccount 100000 \(Self.hostile)\n```\n\n```hedgebook\naccount 100000\n```\n"
        var teaching = TeachingSession(lesson: Lesson.parse(lesson, name: "x.md"), source: "x\(Self.hostile).md")
        #expect(Self.isInert(teaching.screen()))
        #expect(teaching.screen().contains("narration"))
        if case .show(let next) = teaching.handle(.next) { #expect(Self.isInert(next)) } else { Issue.record("no next") }
        if case .message(let why) = teaching.handle(.why) { #expect(Self.isInert(why)) }
        if case .message(let key) = teaching.handle(.other(Self.hostile)) { #expect(Self.isInert(key)) }
    }

    @Test("item 4: check's report of a hostile notebook is neutralised")
    func item4Check() {
        let notebook = "prose\n\n```hedgebook\n# \(Self.hostile)\nvix 20\n```\n\n```output\nstale \(Self.hostile)\n```\n\n```hedgebook\nvix \(Self.hostile)\n```\n"
        let result = NotebookCheck.check(notebook, path: "n\(Self.hostile).md")
        #expect(!result.matches)
        #expect(result.report.contains("stale"))
        #expect(Self.isInert(result.report))
    }

    @Test("item 4: the recovery offer, recover, paths, history and every shell message are neutralised")
    func item4ShellEchoes() {
        let offer = SessionJournal.offer(.init(started: "2026 \(Self.hostile)", cells: ["vix 20", "vix 21"]), others: 0)
        #expect(Self.isInert(offer) && offer.contains("2026"))
        let journal = "hedgebook journal 1; started x \(Self.hostile)\n+ vix 20\n+ \(Self.hostile)\n"
        let shell = Shell()
        shell.recovery = MemoryJournal(text: journal, startCells: 0)
        let recovered = shell.execute("recover")
        #expect(Self.isInert(recovered.text) && Self.isInert(recovered.error))
        #expect(recovered.text.contains("stopped at cell 2"))
        for line in [
            "# a note \(Self.hostile)", "history", "save \"/nonexistent\(Self.hostile)/x.hb\"",
            "load \"/nonexistent/\u{202E}x.hb\"", "export \"/nonexistent\u{1B}[2J/x.md\"",
            "vix 20 \(Self.hostile)", "fork \(Self.hostile)", "help \(Self.hostile)",
        ] {
            let result = shell.execute(line)
            #expect(Self.isInert(result.text), "\(line)")
            #expect(Self.isInert(result.error), "\(line)")
        }
    }

    @Test("item 5: export escapes notes that look like fences, so export then run executes exactly the cells")
    func item5ExportFences() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hb-item5-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shell = Shell()
        for line in ["account 100000", "# ```hedgebook", "# save! \(folder)/written.hb", "# ```",
                     "#   ~~~", "vix 20", "# ~~~", "# ````output", "condor"] {
            #expect(shell.execute(line).ok, "\(line)")
        }
        let markdown = NotebookRenderer.render(shell.session.cells)
        #expect(markdown.contains("\\```hedgebook"))
        let notebook = NotebookParser.parse(markdown)
        #expect(notebook.problems.isEmpty)
        let commands = notebook.cells.flatMap { notebook.commandLines($0).map { String($0.text) } }
        #expect(commands == ["account 100000", "vix 20", "condor"])
        var runner = ScriptRunner(shell: Shell())
        var out = "", err = ""
        runner.runNotebook(markdown, source: "x.md", output: &out, errors: &err)
        #expect(err.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/written.hb"))
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
