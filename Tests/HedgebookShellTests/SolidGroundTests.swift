import Foundation
import HedgebookModel
import Testing

@testable import HedgebookShell

/// Issue 11, "solid ground": one test (or more) per numbered item, named after it.
/// The PTY side is tests/pty/solid.sh; the binary's side is Tests/EndToEndTests/SolidGroundBinaryTests.swift.
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
        let run = shell.execute("simulate 2000 cycles winrate 60% paths 20000")
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

    static func scratchFolder(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hb-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("item 6: save! through a symlink replaces its target atomically and keeps the link")
    func item6Symlink() throws {
        let folder = try Self.scratchFolder("item6")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old\n".write(toFile: folder + "/real.hb", atomically: true, encoding: .utf8)
        symlink("real.hb", folder + "/link.hb")
        let shell = Shell()
        #expect(shell.execute("vix 20; save! \(folder)/link.hb").ok)
        #expect(try String(contentsOfFile: folder + "/real.hb", encoding: .utf8) == "vix 20\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.hb") == "real.hb")
    }

    @Test("item 6: directories, FIFOs, devices, dangling links and links to folders are refused with the reason")
    func item6Refusals() throws {
        let folder = try Self.scratchFolder("item6r")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        mkfifo(folder + "/fifo", 0o644)
        symlink("/nonexistent-hedgebook", folder + "/dangling.hb")
        symlink(folder, folder + "/dir.hb")
        let cases: [(String, String)] = [
            (folder + "/fifo", "it is a FIFO"), ("/dev/null", "it is a device"), ("/dev/full", "it is a device"),
            (folder, "it is a directory"), (folder + "/dangling.hb", "a file that does not exist"),
            (folder + "/dir.hb", "not a regular file (a directory)"),
        ]
        for (path, reason) in cases {
            for command in ["save!", "export!", "payoff --svg!"] {
                let shell = Shell()
                _ = shell.execute("account 100000; open condor")
                let result = shell.execute("\(command) \(path)")
                #expect(!result.ok, "\(command) \(path)")
                #expect(result.error.contains(reason), "\(command) \(path): \(result.error)")
            }
        }
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["dangling.hb", "dir.hb", "fifo"])
    }

    @Test("item 6: a symlink in a sticky folder anyone can write to is never followed")
    func item6Sticky() throws {
        let folder = try Self.scratchFolder("item6s")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder, 0o1777)
        try "mine\n".write(toFile: folder + "/../hb-item6-target-\(getpid())", atomically: true, encoding: .utf8)
        let target = (folder as NSString).deletingLastPathComponent + "/hb-item6-target-\(getpid())"
        defer { unlink(target) }
        symlink(target, folder + "/planted.hb")
        let result = Shell().execute("vix 20; save! \(folder)/planted.hb")
        #expect(!result.ok && result.error.contains("sticky folder"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "mine\n")
    }

    @Test("item 7: a CRLF (or CR) history loads as separate lines; control lines are dropped; the cut keeps the newest")
    func item7HistoryText() {
        #expect(HistoryText.entries("vix 20\r\nvix 21\r\n\r\nvix 22\rvix 23\n", limit: 10) == ["vix 20", "vix 21", "vix 22", "vix 23"])
        #expect(HistoryText.entries("a\n\u{1B}[2J\nb\u{04}\nc\n", limit: 10) == ["a", "c"])
        #expect(HistoryText.entries((1...1500).map { "vix \($0)" }.joined(separator: "\n"), limit: 1000).first == "vix 501")
        #expect(HistoryText.limit(fromEnvironment: nil) == 1000)
        #expect(HistoryText.limit(fromEnvironment: "0") == 0)
        #expect(HistoryText.limit(fromEnvironment: "250") == 250)
        #expect(HistoryText.limit(fromEnvironment: "lots") == 1000)
        #expect(HistoryText.limit(fromEnvironment: "99999999") == HistoryText.maximumLimit)
    }

    /// Writes a dead process's journal into a fresh sessions folder and opens this process's.
    static func journalFolder(_ text: String, mode: mode_t = 0o600) throws -> (String, JournalFile, Shell) {
        let folder = try scratchFolder("item8") + "/sessions"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o700)
        let path = folder + "/2147483000.journal"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode)
        let shell = Shell()
        let journal = try JournalFile(folder: folder, session: shell.session)
        shell.recovery = journal
        return (folder, journal, shell)
    }

    @Test("item 8: recover never runs a journal's save!, export! or payoff --svg!: it stops there and names it")
    func item8RefusesFileCommands() throws {
        let out = try Self.scratchFolder("item8out")
        defer { try? FileManager.default.removeItem(atPath: out) }
        for command in ["save! \(out)/x.hb", "payoff --svg! \(out)/x.svg", "export! \(out)/x.md", "load \(out)/y.hb", "undo"] {
            let (folder, journal, shell) = try Self.journalFolder(
                "hedgebook journal 1; started 2026-11-20 14:03\n+ account 100000\n+ vix 20\n+ \(command)\n+ loss 900\n")
            defer { journal.close(); try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
            let result = shell.execute("recover")
            #expect(result.ok)
            #expect(result.text.contains("recovered 2 of 4 cells"), "\(result.text)")
            #expect(result.text.contains("stopped at cell 3 (`\(command)`)"), "\(result.text)")
            #expect(result.text.contains("the journal is kept as \(folder)/2147483000.journal.stopped"))
            #expect(shell.session.cells.map(\.input) == ["account 100000", "vix 20"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
        }
    }

    @Test("item 8: a journal others can write, or of a newer format, is offered with what is wrong and never run or removed")
    func item8Untrusted() throws {
        let cases: [(String, mode_t, String)] = [
            ("hedgebook journal 1; started x\n+ account 100000\n", 0o666, "others can write to it"),
            ("hedgebook journal 7; started x\n+ account 100000\n", 0o600, "journal format 7"),
            ("garbage\n", 0o600, "not a hedgebook journal"),
        ]
        for (text, mode, problem) in cases {
            let (folder, journal, shell) = try Self.journalFolder(text, mode: mode)
            defer { journal.close(); try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
            #expect(journal.offer?.contains(problem) == true, "\(journal.offer ?? "no offer")")
            let result = shell.execute("recover")
            #expect(!result.ok && result.error.contains(problem), "\(result.error)")
            #expect(shell.session.cells.isEmpty)
            #expect(FileManager.default.fileExists(atPath: folder + "/2147483000.journal"))
        }
    }

    @Test("item 8: a journal folder others can write is refused with the reason")
    func item8Folder() throws {
        let folder = try Self.scratchFolder("item8f")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder, 0o777)
        #expect(throws: FileError.self) { try JournalFile(folder: folder, session: Shell().session) }
        do { _ = try JournalFile(folder: folder, session: Shell().session) } catch {
            #expect(error.message.contains("others can write to it"))
        }
    }

    @Test("item 9: load refuses /dev/zero, a FIFO and a folder at once, with the reason")
    func item9NotRegular() throws {
        let folder = try Self.scratchFolder("item9")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        mkfifo(folder + "/fifo", 0o644)
        for (path, reason) in [("/dev/zero", "it is a device, not a regular file"), (folder + "/fifo", "it is a FIFO, not a regular file"),
                               (folder, "it is a directory, not a regular file")] {
            let result = Shell().execute("load \(path)")
            #expect(!result.ok && result.error.contains(reason), "\(result.error)")
        }
    }

    @Test("item 9: a load tree may add a bounded number of cells; past it nothing is kept")
    func item9LoadFanOut() throws {
        let folder = try Self.scratchFolder("item9f")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for level in 1...3 {
            try String(repeating: "load \(folder)/l\(level + 1).hb\n", count: 10).write(toFile: folder + "/l\(level).hb", atomically: true, encoding: .utf8)
        }
        try "vix 20\n".write(toFile: folder + "/l4.hb", atomically: true, encoding: .utf8)
        let shell = Shell()
        shell.loadCellLimit = 500
        let refused = shell.execute("load \(folder)/l1.hb")
        #expect(!refused.ok && refused.error.contains("would add more than 500 cells"))
        #expect(shell.session.cells.isEmpty)
        shell.loadCellLimit = 1000
        let loaded = shell.execute("load \(folder)/l1.hb")
        #expect(loaded.ok && shell.session.cells.count == 1000)
    }

    @Test("item 9: a line longer than the limit is refused at column 1, and the next line runs")
    func item9LongLine() {
        let out = Self.run("vix 20\n" + String(repeating: "x", count: Shell.maximumLineLength + 1) + "\nvix 21\n")
        #expect(out.errors.contains("t:2:1: error: this line is \(Shell.maximumLineLength + 1) bytes long"))
        #expect(out.output == "VIX 20\nVIX 21\n")
    }

    @Test("item 10: amounts past $1 trillion and numbers past a billion are refused, with the limit")
    func item10Limits() {
        let shell = Shell()
        let nines = shell.execute("account " + String(repeating: "9", count: 39))
        #expect(!nines.ok && nines.error.contains("hedgebook takes at most $1,000,000,000,000"))
        #expect(!shell.execute("account 1000000000001").ok)
        #expect(shell.execute("account 1000000000000").ok)
        let spx = shell.execute("spx 1000000001")
        #expect(!spx.ok && spx.error.contains("at most 1,000,000,000"))
    }

    @Test("item 10: dollars never print an exponent, however large")
    func item10NoExponent() {
        // The exact values of these doubles, from Python: int(6.3e22), int(1e30).
        #expect(ModelFormat.dollars(6.3e22) == "$63,000,000,000,000,002,097,152")
        #expect(ModelFormat.dollars(-1e20) == "-$100,000,000,000,000,000,000")
        #expect(ModelFormat.signedDollars(1e30) == "+$1,000,000,000,000,000,019,884,624,838,656")
        for x in [1e19, 1.5e25, 3.3e100, 1.7e308] { #expect(!ModelFormat.dollars(x).contains("e")) }
    }

    @Test("item 10: a wing narrower than a strike step, a delta under 1 and a date past 9999 are refused; condor still works")
    func item10Settings() {
        let shell = Shell()
        _ = shell.execute("account 100000; set underlying xsp")
        let width = shell.execute("set width 0.000001")
        #expect(!width.ok && width.error.contains("wing width 0.000001 is out of range: 1 to 10000 points on XSP"))
        let delta = shell.execute("set delta 0.0000001")
        #expect(!delta.ok && delta.error.contains("1 or more and less than 50"))
        #expect(shell.execute("condor").ok)
        _ = shell.execute("date 9999-12-01")
        let advance = shell.execute("advance 100")
        #expect(!advance.ok && advance.error.contains("past 9999-12-31"))
        #expect(shell.execute("advance 30").ok)
    }

    @Test("item 13: n past the end of a lesson says so once, and the next n ends it")
    func item13LessonEnd() {
        var t = TeachingSession(lesson: Lesson.parse("vix 20\nvix 21\n", name: "x.hb"))
        #expect(t.handle(.next) == .show(t.screen()))
        guard case .message(let end) = t.handle(.next) else { Issue.record("the end is said"); return }
        #expect(end.hasPrefix("end of the lesson"))
        #expect(t.handle(.next) == .quit)
        // Any other key in between: the end is said again first.
        var u = TeachingSession(lesson: Lesson.parse("vix 20\n", name: "x.hb"))
        _ = u.handle(.next)
        _ = u.handle(.why)
        guard case .message = u.handle(.next) else { Issue.record("said again after another key"); return }
    }

    @Test("item 13: the Unicode minus and 16Δ are read as the tool prints them")
    func item13UnicodeInput() {
        let shell = Shell()
        #expect(shell.execute("set delta 16Δ").text == "delta = 16")
        _ = shell.execute("set underlying xsp; account 100000; open condor")
        let minus = shell.execute("shock spx −8%")
        #expect(minus.ok, "\(minus.error)")
        #expect(minus.text == shell.execute("shock spx -8%").text)
        let wrong = shell.execute("set base 16Δ")
        #expect(!wrong.ok && wrong.error.contains("unexpected 'Δ'"))
    }

    @Test("item 13: why after shock, grid, positions or simulate says plainly there is no rule tree")
    func item13Why() {
        for command in ["shock spx -8%", "grid spx -2%..2% step 2% vix 15..20 step 5", "positions"] {
            let shell = Shell()
            _ = shell.execute("set underlying xsp; account 100000; open condor; \(command)")
            let why = shell.execute("why")
            #expect(why.text.contains("has no rule tree"), "\(command)")
        }
        let shell = Shell()
        _ = shell.execute("set underlying xsp; account 100000; simulate 10 trades winrate 60% paths 10")
        #expect(shell.execute("why").text.hasPrefix("cell 3 (`simulate 10 trades winrate 60% paths 10`) has no rule tree"))
    }

    @Test("item 13: sweep tables use the swept command's column names and formats")
    func item13Sweep() {
        let out = Self.run("set underlying xsp\naccount 100000\nsweep delta 10..20 step 10 condor\ncondor").output
        #expect(out.contains("delta  contracts  credit") || out.contains("delta  contracts   credit"))
        #expect(out.contains("max loss") && out.contains("P(profit)") && !out.contains("maxLoss"))
        #expect(out.contains("$1,000.00"))
    }

    @Test("item 13: unsaved cells are counted until save or export writes them")
    func item13Unsaved() throws {
        let folder = try Self.scratchFolder("item13")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shell = Shell(today: CalendarDate(year: 2026, month: 11, day: 20))
        #expect(shell.unsavedCells == 0, "the automatic date cell is not work to lose")
        _ = shell.execute("account 100000; loss 900")
        #expect(shell.unsavedCells == 2)
        _ = shell.execute("save \(folder)/s.hb")
        #expect(shell.unsavedCells == 0)
        _ = shell.execute("undo")
        #expect(shell.unsavedCells == 1)
        _ = shell.execute("export! \(folder)/s.md")
        #expect(shell.unsavedCells == 0)
    }

    @Test("item 13: load appends; load! replaces the session, all or nothing")
    func item13LoadReplacing() throws {
        let folder = try Self.scratchFolder("item13l")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "account 50000\nloss 500\n".write(toFile: folder + "/a.hb", atomically: true, encoding: .utf8)
        try "vix 20\nfrobnicate\n".write(toFile: folder + "/bad.hb", atomically: true, encoding: .utf8)
        let shell = Shell()
        _ = shell.execute("vix 30")
        #expect(shell.execute("load \(folder)/a.hb").ok)
        #expect(shell.session.cells.map(\.input) == ["vix 30", "account 50000", "loss 500"])
        let replaced = shell.execute("load! \(folder)/a.hb")
        #expect(replaced.text == "replaced this session's 3 cells with the 2 cells of \(folder)/a.hb")
        #expect(shell.session.cells.map(\.input) == ["account 50000", "loss 500"])
        #expect(!shell.execute("load! \(folder)/bad.hb").ok)
        #expect(shell.session.cells.map(\.input) == ["account 50000", "loss 500"])
        #expect(CommandTable.helpText(for: "load")?.contains("appends") == true)
    }

    @Test("item 13: an inline comment stays in the cell, in save and in export")
    func item13InlineComment() {
        let shell = Shell()
        _ = shell.execute("vix 20   # for the class  ")
        #expect(shell.session.cells.map(\.input) == ["vix 20 # for the class"])
        #expect(shell.session.script.contains("vix 20 # for the class"))
        #expect(NotebookRenderer.render(shell.session.cells).contains("```hedgebook\nvix 20 # for the class\n```"))
        #expect(Shell().execute("vix 20 # for the class").text == "VIX 20")
    }

    /// Every report the language has, on a session with open positions.
    static let everyReport = [
        "date 2026-01-05", "spx 6000", "vix 18", "account 100000", "set underlying xsp", "condor", "layers", "risk",
        "progression", "settings", "journal", "price spx put 5800", "open condor", "hedge L1", "positions",
        "shock spx -8% vix 30", "grid spx -6%..6% step 3% vix 15..35 step 5", "payoff",
        "sweep account 50k..200k step 50k layers", "sweep delta 10..20 step 5 condor", "why", "help",
        "help sweep", "help set", "simulate 20 trades paths 50", "history", "triggers", "advance 7",
    ]

    @Test("item 11: at 80 and at 60 columns every report fits: no line wider than the terminal")
    func item11Fit() {
        let shell = Shell()
        for width in [80, 60] {
            shell.terminalWidth = width
            for line in Self.everyReport {
                let result = shell.execute(line)
                let fitted = TerminalFit.fit(result.text, width: width)
                let wide = fitted.split(separator: "\n").filter { $0.count > width }.map(String.init)
                #expect(wide.isEmpty, "\(line) at \(width): \(wide.first ?? "")")
            }
        }
    }

    @Test("item 11: a table too wide gets one space between columns, then one block per row; prose wraps under its text")
    func item11Table() {
        let table = Table(header: ["layer", "units", "instrument", "premium"], rows: [
            ["L1", "4", "VIX 21/31 call spread, 30 DTE", "$784.09"], ["L2", "4", "VIX 21/31 call spread, 60 DTE", "$1,014.96"],
        ]).render()
        #expect(TerminalFit.fit(table, width: 80) == table)
        // 5 + 5 + 29 + 9 characters and three gaps of two: 54 wide; with gaps of one, 51.
        let tight = TerminalFit.fit(table, width: 52)
        #expect(tight.split(separator: "\n").allSatisfy { $0.count <= 52 })
        #expect(tight.contains("L2        4 VIX 21/31 call spread, 60 DTE $1,014.96"), "\(tight)")
        let blocks = TerminalFit.fit(table, width: 30)
        #expect(blocks.hasPrefix("L1\n  units       4\n  instrument  VIX 21/31 call\n              spread, 30 DTE\n  premium     $784.09\nL2\n"))
        let help = "  future       Quote the VIX future for an expiry DTE days away, or clear the quote to use the model again."
        let wrapped = TerminalFit.fit(help, width: 60).split(separator: "\n")
        #expect(wrapped == ["  future       Quote the VIX future for an expiry DTE days",
                            "               away, or clear the quote to use the model", "               again."])
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
