import Glibc
import HedgebookShell

/// The terminal's size, and long output through a pager, for the REPL.
enum TerminalSize {
    /// Columns and rows of the terminal on standard output, or `nil` when it is not one.
    static func current() -> (columns: Int, rows: Int)? {
        guard isatty(1) != 0 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Shows `text` (ending in a newline) through `$PAGER`, or `less -FRX` (which quits at once
    /// when the text fits one screen), when it is taller than the terminal; false when no pager
    /// ran (not a terminal, short text, no pager to be found), and the caller prints it.
    static func page(_ text: String, rows: Int) -> Bool {
        guard rows > 2, text.reduce(0, { $0 + ($1 == "\n" ? 1 : 0) }) > rows - 1 else { return false }
        var command = "less -FRX"
        if let value = getenv("PAGER"), value.pointee != 0 { command = String(cString: value) }
        guard let pipe = popen(command, "w") else { return false }
        fputs(text, pipe)
        let status = pclose(pipe)
        // 127: the shell could not find the pager; nothing was shown.
        return !(status != -1 && (status >> 8) & 0xff == 127)
    }
}
