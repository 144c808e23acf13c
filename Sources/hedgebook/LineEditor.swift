import CLibedit
import Glibc
import HedgebookShell

/// Line editing on libedit: emacs bindings, history, Tab completion, Ctrl-C and Ctrl-D.
///
/// The only file that imports `CLibedit`; the REPL sees lines, interrupts and end of input.
final class LineEditor {
    /// What one read produced.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line being typed was cancelled.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
    }

    /// The marker that wraps escape sequences in prompts (libedit's `EL_PROMPT_ESC`).
    static let promptMarker: Character = "\u{1}"

    /// Completions for the word ending at the end of the text before the cursor.
    var completer: (String) -> [String] = { _ in [] }

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private var promptText: UnsafeMutablePointer<CChar>?
    private(set) var entries: [String] = []
    /// Entries kept for Up (libedit keeps its own count, set at start).
    var historyLimit: Int

    /// A line editor on fds 0, 1 and 2; `nil` when libedit cannot start.
    init?(program: String, historyLimit: Int = 1000) {
        // Before el_init, so libedit reads typed UTF-8 as characters.
        setlocale(LC_CTYPE, "")
        guard let input = fdopen(0, "r"), let output = fdopen(1, "w"), let errors = fdopen(2, "w") else {
            return nil
        }
        guard let editor = el_init(program, input, output, errors) else { return nil }
        guard let history = hb_history_init(Int32(historyLimit)) else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.output = output
        self.historyLimit = historyLimit

        hb_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
        hb_el_set_editor(editor, "emacs")
        hb_el_set_signal(editor, 1)
        hb_el_use_interruptible_read(editor)
        hb_el_set_history(editor, history)
        hb_el_set_prompt_esc(editor, { editor in
            guard let editor, let data = hb_el_get_clientdata(editor) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptText
        }, CChar(Self.promptMarker.asciiValue!))
        hb_el_add_function(editor, "hedgebook-complete", "Complete the word before the cursor") { editor, _ in
            guard let editor, let data = hb_el_get_clientdata(editor) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        }
        hb_el_bind(editor, "^I", "hedgebook-complete")
        hb_el_bind(editor, "^R", "em-inc-search-prev")
        hb_el_source_default(editor)  // the user's ~/.editrc, if any
        hb_install_sigint_handler()
    }

    deinit {
        el_end(editor)
        history_end(history)
        free(promptText)
    }

    /// Reads one line (without its newline) after showing `prompt`.
    func read(prompt: String) -> Input {
        free(promptText)
        promptText = strdup(prompt)
        _ = hb_take_sigint()  // a Ctrl-C while a command ran does not cancel the next line
        var count: Int32 = 0
        guard let line = el_gets(editor, &count) else {
            let interrupted = count < 0 && (errno == EINTR || hb_take_sigint() != 0)
            _ = hb_take_sigint()
            return interrupted ? .interrupted : .endOfInput
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// Whether Ctrl-C was pressed since the last look (while a command runs); clears it.
    func takeInterrupt() -> Bool { hb_take_sigint() != 0 }

    /// Adds a line to the history (Up arrow); consecutive duplicates are kept once. True when
    /// the line is a new entry (for the history file).
    @discardableResult
    func addHistory(_ line: String) -> Bool {
        // A line holding control characters (a Ctrl-D read as text, an escape sequence) is
        // never kept: Up would bring it back, and the file would hold it.
        guard !line.isEmpty, !line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" })
        else { return false }
        hb_history_enter(history, line)
        guard entries.last != line else { return false }
        entries.append(line)
        if entries.count > historyLimit { entries.removeFirst(entries.count - historyLimit) }
        return true
    }

    /// Loads earlier sessions' lines, oldest first.
    func loadHistory(_ lines: [String]) {
        for line in lines { addHistory(line) }
    }

    /// Writes text on the terminal, between lines.
    func write(_ text: String) {
        fputs(TerminalLocale.text(text), output)
        fflush(output)
    }

    /// Tab: asks the completer and applies ``TerminalCompletion``'s edit.
    private func complete() -> UInt8 {
        guard let info = el_line(editor), let buffer = info.pointee.buffer,
              let cursor = info.pointee.cursor else { return UInt8(CC_ERROR) }
        let length = cursor - buffer
        let prefix = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length).bindMemory(to: UInt8.self),
                            as: UTF8.self)
        guard let edit = TerminalCompletion.edit(prefix: prefix, candidates: completer(prefix)) else {
            return UInt8(CC_REFRESH_BEEP)
        }
        if edit.deleteCount > 0 { el_deletestr(editor, Int32(edit.deleteCount)) }
        if !edit.insert.isEmpty { el_insertstr(editor, edit.insert) }
        guard !edit.listing.isEmpty else { return UInt8(CC_REFRESH) }
        write("\n" + TerminalCompletion.columns(edit.listing, width: Int(hb_el_columns(editor))))
        return UInt8(CC_REDISPLAY)
    }
}
