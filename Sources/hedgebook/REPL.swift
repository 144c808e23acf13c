import Glibc
import HedgebookModel
import HedgebookShell

/// The interactive loop, after lua.c: read, evaluate, print.
///
/// Only non-empty lines go to history; a trailing backslash continues the line under a
/// `...> ` prompt; Ctrl-C cancels the line being typed (and any continuation) and keeps the
/// session; Ctrl-D on an empty line, `quit` or `exit` end it with status 0.
struct REPL {
    func run() -> Int32 {
        _ = TerminalLocale.isUTF8  // sets LC_CTYPE before libedit starts
        guard let editor = LineEditor(program: "hedgebook") else {
            var errors = FileStream.standardError
            errors.write("hedgebook: cannot start the line editor; reading stdin as a script\n")
            return ScriptInput.runStandardInput(options: .init())
        }
        let shell = Shell(today: Self.today())
        let progressBar = ProgressBar()
        shell.unicode = !TerminalLocale.asciiOnly
        shell.progress = { progressBar.show($0) }
        shell.cancelRequested = { editor.takeInterrupt() }
        editor.completer = { shell.complete($0) }
        let historyFile = HistoryFile.standard()
        editor.historyLimit = max(1, historyFile?.limit ?? HistoryText.defaultLimit)
        var journal = Self.openJournal(for: shell, stateFolder: historyFile?.folder)
        defer { Self.closeJournal(journal, unsaved: shell.unsavedCells) }
        editor.loadHistory(historyFile?.load() ?? [])
        var historyWarned = false
        let colorMarker = Self.wantsColor() ? LineEditor.promptMarker : nil

        var pending: String?
        while true {
            let prompt = TerminalLocale.text(pending == nil
                ? TerminalPrompt.render(shell.prompt, colorMarker: colorMarker)
                : TerminalPrompt.continuation)
            switch editor.read(prompt: prompt) {
            case .endOfInput:
                editor.write("\n")
                return 0
            case .interrupted:
                pending = nil
                editor.write("\n")
            case .line(let text):
                if let head = ScriptRunner.continued(text[...]) {
                    pending = (pending ?? "") + head + " "
                    continue
                }
                let line = (pending ?? "") + text
                pending = nil
                guard line.contains(where: { !$0.isWhitespace }) else { continue }
                if editor.addHistory(line), let historyFile, let failure = historyFile.append(line), !historyWarned {
                    editor.write("hedgebook: cannot save history: \(failure)\n")
                    historyWarned = true
                }
                let size = TerminalSize.current()
                shell.terminalWidth = size?.columns
                let started = Self.seconds()
                let result = shell.execute(line, lineNumber: shell.prompt.cell, source: nil)
                // Keys typed while a long command ran (a Ctrl-D, a stray Enter) are dropped, as
                // the line discipline left them half-cooked: they never reach the next line.
                if Self.seconds() - started > 0.3 { tcflush(0, TCIFLUSH) }
                Self.syncJournal(&journal, shell)  // before any output: what is shown is on disk
                progressBar.clear()
                if !result.text.isEmpty {
                    // Fitted to the terminal's width; taller than the screen, through the pager.
                    var text = TerminalLocale.text(result.text)
                    if let size { text = TerminalFit.fit(text, width: size.columns) }
                    if !(size.map { TerminalSize.page(text + "\n", rows: $0.rows) } ?? false) {
                        var output = FileStream.standardOutput
                        output.write(text + "\n")
                    }
                    _ = editor.takeInterrupt()  // a Ctrl-C in the pager is not the next line's
                }
                if !result.ok && !result.error.isEmpty {
                    var errors = FileStream.standardError
                    errors.write(TerminalLocale.text(result.error + "\n"))
                }
                if result.quit || Self.isExit(line) { return 0 }
            }
        }
    }

    /// A monotonic clock in seconds.
    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// `exit` ends the session like `quit`, whatever the shell makes of it.
    private static func isExit(_ line: String) -> Bool {
        line.split(whereSeparator: \.isWhitespace) == ["exit"]
    }

    /// Colours on a terminal, unless `NO_COLOR` is set or the terminal is dumb.
    private static func wantsColor() -> Bool {
        guard isatty(1) != 0, getenv("NO_COLOR") == nil else { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    /// Today's local date: the REPL's first cell is `date <today>`.
    static func today() -> CalendarDate? {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return nil }
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1,
                            day: Int(parts.tm_mday))
    }
}
