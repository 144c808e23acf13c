import HedgebookModel

/// The REPL's prompt text: `[3] step 2 · $98,200 › `, or `[1] › ` before an account is set.
///
/// Pure: the executable decides whether to colour (a terminal, no `NO_COLOR`) and which
/// marker its line editor uses to skip escape sequences when it measures the prompt.
public enum TerminalPrompt {
    /// The prompt shown while a line continues after a trailing backslash.
    public static let continuation = "...> "

    /// The prompt for `info`; with `colorMarker`, ANSI colours wrapped in that marker
    /// (libedit's `EL_PROMPT_ESC`), so the editor does not count them in the width.
    public static func render(_ info: PromptInfo, colorMarker: Character? = nil) -> String {
        func paint(_ text: String, _ sgr: String) -> String {
            guard let marker = colorMarker else { return text }
            return "\(marker)\u{1B}[\(sgr)m\(marker)\(text)\(marker)\u{1B}[0m\(marker)"
        }
        var parts = [paint("[\(info.cell)]", "1;36")]
        if let branch = info.branch { parts.append(paint("(\(branch))", "35")) }
        var state: [String] = []
        if let step = info.step { state.append(paint("step \(step)", "33")) }
        if let equity = info.equity {
            var text = ModelFormat.dollars(equity, decimals: 0)
            if let marked = info.markedEquity { text += " (marked \(ModelFormat.dollars(marked, decimals: 0)))" }
            state.append(paint(text, "32"))
        }
        if !state.isEmpty { parts.append(state.joined(separator: " · ")) }
        parts.append(paint("›", "1"))
        return parts.joined(separator: " ") + " "
    }
}
