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
        guard hasUnsafe(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if c == "\n" || c == "\r\n" { out.append("\n") } else { out.append(visible(c)) }
        }
        return out
    }

    /// A scalar that moves the cursor, changes the terminal's state or reorders text: a control
    /// (general category Cc, which Unicode fixes as U+0000–001F and U+007F–009F) other than tab
    /// and newline, or a bidirectional mark, embedding, override or isolate.
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 { return v != 0x09 && v != 0x0A }
        if v < 0x7F { return false }
        return v <= 0x9F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// Whether any scalar of `text` ``isUnsafe(_:)``, read from its UTF-8 bytes: every unsafe
    /// scalar is one byte (C0, DEL), `C2 80–9F` (C1), `D8 9C` (U+061C) or `E2 80 8E/8F/AA–AE`,
    /// `E2 81 A6–A9` (U+200E/F, U+202A–202E, U+2066–2069), and valid UTF-8 has no other way
    /// to spell them. Output is almost always printable ASCII, checked a byte at a time.
    static func hasUnsafe(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable(hasUnsafe(utf8:)) { return found }
        return text.unicodeScalars.contains(where: isUnsafe)
    }

    private static func hasUnsafe(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        var i = 0
        while i < n {
            // Eight bytes at a time while all are printable ASCII (0x20–0x7E): `low` is non-zero
            // when a byte is below 0x20, `high` when one is 0x7F or above (a carry out of an
            // 0xFF byte only adds a flag where one is already set). A flagged word, and the
            // tail, are read byte by byte below.
            if i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let low = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                let high = ((w &+ 0x0101_0101_0101_0101) | w) & 0x8080_8080_8080_8080
                if low | high == 0 { i += 8; continue }
            }
            let end = min(i + 8, n)
            while i < end {
                if byteIsUnsafe(bytes, at: i, count: n) { return true }
                i += 1
            }
        }
        return false
    }

    /// Whether the scalar that starts at byte `i` is unsafe (a continuation byte never is).
    @inline(__always)
    private static func byteIsUnsafe(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, count n: Int) -> Bool {
        do {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F { return false }
            if b < 0x20 { return b != 0x09 && b != 0x0A }
            if b == 0x7F { return true }
            // A lead byte of a multi-byte scalar; its continuation bytes follow (valid UTF-8).
            let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            switch b {
            case 0xC2: return next >= 0x80 && next <= 0x9F
            case 0xD8: return next == 0x9C
            case 0xE2:
                let third: UInt8 = i + 2 < n ? bytes[i + 2] : 0
                if next == 0x80 { return third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE) }
                return next == 0x81 && third >= 0xA6 && third <= 0xA9
            default: return false
            }
        }
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
