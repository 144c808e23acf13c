import Glibc

/// The terminal settings saved before cbreak mode, for the signal handler to put back.
nonisolated(unsafe) private var savedTerminal = termios()
nonisolated(unsafe) private var terminalIsRaw = false

/// Restores the saved settings; safe to call from a signal handler (tcsetattr is async-signal-safe).
private func restoreSavedTerminal() {
    if terminalIsRaw {
        var saved = savedTerminal
        _ = tcsetattr(0, TCSAFLUSH, &saved)
        terminalIsRaw = false
    }
}

/// Single-key input on the terminal: cbreak mode (no line buffering, no echo) via termios.
///
/// The settings are restored by ``restore()``, and on SIGINT, SIGTERM or SIGHUP (the handler
/// restores them, then ends the process with the signal's conventional status).
enum RawTerminal {
    /// Puts stdin in cbreak mode; false when stdin is not a terminal.
    static func enable() -> Bool {
        guard isatty(0) != 0, tcgetattr(0, &savedTerminal) == 0 else { return false }
        var raw = savedTerminal
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(0, TCSAFLUSH, &raw) == 0 else { return false }
        terminalIsRaw = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                restoreSavedTerminal()
                _exit(128 + received)
            }
        }
        return true
    }

    /// Puts the terminal back as it was.
    static func restore() {
        restoreSavedTerminal()
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
    }

    /// Reads one key: a byte, or an arrow key folded to `n` (→, ↓) or `b` (←, ↑); `nil` at end of input.
    static func readKey() -> UInt8? {
        guard let byte = readByte() else { return nil }
        guard byte == 0x1b else { return byte }
        // An escape sequence arrives at once; a lone Escape does not wait for more.
        guard pending(), let second = readByte(), second == UInt8(ascii: "["), pending(),
              let third = readByte() else { return byte }
        switch third {
        case UInt8(ascii: "C"), UInt8(ascii: "B"): return UInt8(ascii: "n")
        case UInt8(ascii: "D"), UInt8(ascii: "A"): return UInt8(ascii: "b")
        default: return byte
        }
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(0, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// True when another byte arrives within 30 ms.
    private static func pending() -> Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 30) > 0
    }
}
