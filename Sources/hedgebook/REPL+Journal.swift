import Glibc
import HedgebookShell

/// The REPL's session journal: opened at start, synced after every line before its output,
/// removed on a clean exit (see docs/safety.md).
extension REPL {
    /// Opens `<state>/hedgebook/sessions/<pid>.journal` for `shell` and says when an unclosed
    /// session waits for `recover`; warns and returns `nil` when the journal cannot be kept.
    static func openJournal(for shell: Shell, stateFolder: String?) -> JournalFile? {
        var errors = FileStream.standardError
        guard let stateFolder else {
            errors.write("hedgebook: no session journal (set HOME or XDG_STATE_HOME): a crash would lose this session\n")
            return nil
        }
        do {
            let journal = try JournalFile(folder: stateFolder + "/sessions", session: shell.session)
            shell.recovery = journal
            if let offer = journal.offer { errors.write(TerminalLocale.text("hedgebook: \(offer)\n")) }
            return journal
        } catch {
            errors.write("hedgebook: no session journal (\(error.message)): a crash would lose this session\n")
            return nil
        }
    }

    /// At exit: a clean one (Ctrl-D, `quit`) removes the journal; when the terminal hung up
    /// (its window closed, the connection dropped) libedit reads end of input too, but the
    /// terminal no longer answers, and the journal stays for `recover`.
    /// With cells that no `save` or `export` wrote, the journal stays too, and the REPL says so:
    /// `recover` at the next start brings them back.
    static func closeJournal(_ journal: JournalFile?, unsaved: Int) {
        guard let journal else { return }
        var attributes = termios()
        if tcgetattr(0, &attributes) != 0 { journal.abandon(); return }
        guard unsaved == 0 else {
            journal.abandon()
            var errors = FileStream.standardError
            let cells = unsaved == 1 ? "1 cell was" : "\(unsaved) cells were"
            errors.write(TerminalLocale.text("hedgebook: \(cells) not saved: the journal keeps them,\n  and `recover` at the next start brings them back\n"))
            return
        }
        journal.close()
    }

    /// Writes the line's changes to the journal; on the first failure says so, and stops journalling.
    static func syncJournal(_ journal: inout JournalFile?, _ shell: Shell) {
        guard let open = journal else { return }
        do { try open.sync(shell.session) } catch {
            var errors = FileStream.standardError
            errors.write("hedgebook: cannot write the session journal (\(error.message)): a crash would lose this session\n")
            open.abandon()  // what it holds is kept for `recover`, never deleted
            journal = nil
        }
    }
}
