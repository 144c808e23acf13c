/// Safe, short renderings of user text for messages: no control characters reach the terminal.
public enum Display {
    /// The longest piece of user text quoted in a message.
    static let maximumQuoted = 32

    /// `text` in single quotes, sanitised and shortened: `'acount'`.
    static func quote(_ text: String) -> String { "'" + truncated(text) + "'" }

    /// `text` sanitised and cut to ``maximumQuoted`` characters with an ellipsis.
    static func truncated(_ text: String) -> String {
        var out = ""
        var count = 0
        for c in text {
            if count == maximumQuoted { return out + "…" }
            out.append(visible(c))
            count += 1
        }
        return out
    }

    /// `text` with every character that could act on the terminal shown as `?`: C0 and C1
    /// controls (escape sequences start with one), DEL and bidirectional overrides. Newlines
    /// (and CR LF, as a newline) and tabs are kept. Everything read from a file or typed that is
    /// echoed — a lesson, a notebook's diff, a journal's header, a path, the history — goes
    /// through this before it reaches the terminal.
    public static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if c == "\n" || c == "\r\n" { out.append("\n") } else { out.append(visible(c)) }
        }
        return out
    }

    /// A scalar that moves the cursor, changes the terminal's state or reorders text.
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" { return false }
        return s.properties.generalCategory == .control || (0x202A...0x202E).contains(s.value)
            || (0x2066...0x2069).contains(s.value) || s.value == 0x200E || s.value == 0x200F || s.value == 0x061C
    }

    /// `c`, or `?` when it would move the cursor, change the terminal's state or reorder the text
    /// around it (bidirectional overrides).
    static func visible(_ c: Character) -> Character {
        if c == "\t" { return c }
        return c.unicodeScalars.contains(where: isUnsafe) || c == "\n" ? "?" : c
    }

    /// `U+001B (escape)`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        let names: [UInt32: String] = [0: "NUL", 0x1B: "escape", 0x7F: "delete", 0x08: "backspace", 0x07: "bell"]
        return "U+" + hex + (names[scalar.value].map { " (\($0))" } ?? "")
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
