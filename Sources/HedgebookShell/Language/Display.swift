/// Safe, short renderings of user text for messages: no control characters reach the terminal.
enum Display {
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

    /// `c`, or `?` when it would move the cursor, change the terminal's state or reorder the text
    /// around it (bidirectional overrides).
    static func visible(_ c: Character) -> Character {
        if c == "\t" { return c }
        let unsafe = c.unicodeScalars.contains {
            $0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value)
        }
        return unsafe ? "?" : c
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
