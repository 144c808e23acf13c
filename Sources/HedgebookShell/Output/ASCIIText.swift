/// Text for a terminal whose locale is not UTF-8 (`LANG=C`): every character outside ASCII
/// becomes an ASCII stand-in (`›` `>`, `─` `-`, `−` `-`, `σ` `s`), or `?` when it has none.
///
/// The executable passes its prompt, its output and the teaching screen through ``fold(_:)``
/// under such a locale; libedit fails on a prompt it cannot decode, and a C-locale terminal
/// shows UTF-8 bytes as garbage.
public enum ASCIIText {
    static let stand: [Character: String] = [
        "─": "-", "━": "-", "│": "|", "┊": ":", "└": "`", "┌": "+", "┐": "+", "┘": "+", "├": "+", "┤": "+",
        "›": ">", "‹": "<", "·": "-", "•": "*", "●": "#", "∘": "o", "▶": ">",
        "−": "-", "–": "-", "—": "--", "…": "...", "×": "x", "÷": "/", "±": "+/-",
        "→": "->", "←": "<-", "↑": "^", "↓": "v", "≥": ">=", "≤": "<=", "≈": "~", "√": "sqrt",
        "σ": "s", "Σ": "S", "θ": "th", "κ": "k", "Δ": "D", "δ": "d", "μ": "u", "µ": "u", "β": "b",
        "Γ": "G", "φ": "ph", "π": "pi", "∂": "d", "²": "^2", "½": "1/2", "§": "S", "‘": "'", "’": "'",
        "“": "\"", "”": "\"", "₀": "0", "₁": "1", "₂": "2", "ᵢ": "i",
    ]

    /// `text` with every non-ASCII character replaced.
    public static func fold(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if c.isASCII { out.append(c) } else { out += stand[c] ?? "?" }
        }
        return out
    }
}
