/// Turns a ``Diagnostic`` into the text a terminal prints:
///
/// ```
/// session.hb:3:10: error: expected a percentage for base risk
///     set base 1
///              ^
/// did you mean 1%?
/// ```
///
/// The caret sits under the span's first column, with `~` under the rest. Tabs in the line are
/// repeated in the caret line so that they align; control characters print as `?`. Very long lines
/// are shown as a window around the span. The result has no trailing newline.
public enum DiagnosticRenderer {
    /// Columns of the line shown around the span when the line is longer than ``maximumShown``.
    static let maximumShown = 120
    static let indent = "    "

    /// Renders `diagnostic` for `line`, line number `lineNumber` of `file` (`nil` for the REPL).
    public static func render(_ diagnostic: Diagnostic, line: String, lineNumber: Int, file: String? = nil) -> String {
        let chars = Array(line)
        let column = max(1, diagnostic.span.column)
        var header = (file.map { $0 + ":" } ?? "") + "\(lineNumber):\(column): "
        header += "\(diagnostic.severity.rawValue): \(diagnostic.message)"

        // The window of the line to show, in 0-based character offsets.
        var lower = 0, upper = chars.count
        if chars.count > maximumShown {
            lower = max(0, min(column - 1 - maximumShown / 3, chars.count - maximumShown))
            upper = min(chars.count, lower + maximumShown)
        }
        var shown = lower > 0 ? "…" : ""
        var marker = lower > 0 ? " " : ""
        for i in lower..<upper { shown.append(Display.visible(chars[i])) }
        if upper < chars.count { shown += "…" }

        let start = min(column - 1, chars.count)
        for i in lower..<max(lower, start) { marker.append(i < chars.count && chars[i] == "\t" ? "\t" : " ") }
        let tildes = max(0, min(diagnostic.span.length, max(1, upper - start)) - 1)
        marker += "^" + String(repeating: "~", count: tildes)

        var out = header + "\n" + indent + shown + "\n" + indent + marker
        if let hint = diagnostic.hint { out += "\n" + hint }
        return out
    }

    /// Renders a parse error; see ``render(_:line:lineNumber:file:)-(Diagnostic,_,_,_)``.
    public static func render(_ error: ParseError, line: String, lineNumber: Int, file: String? = nil) -> String {
        render(error.diagnostic, line: line, lineNumber: lineNumber, file: file)
    }
}
