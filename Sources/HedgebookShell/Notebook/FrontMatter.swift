import HedgebookModel

/// A notebook's front matter: `---` lines at the very top, holding `key: value` lines. The only
/// key hedgebook reads is `requires: history FROM..TO` (a lesson that replays market history);
/// Markdown viewers show the block as a small table, and the notebook parser treats it as prose.
enum FrontMatter {
    enum Requirement: Equatable {
        case none
        /// SPX and VIX closes over these dates (any history when `nil`).
        case history(ClosedRange<CalendarDate>?)
        case invalid(line: Int, message: String)
    }

    /// How many of the notebook's first lines are front matter (0 when it has none), so that
    /// teaching mode does not read them as narration.
    static func lineCount(_ lines: [String]) -> Int {
        guard let first = lines.first, Notebook.content(first) == "---" else { return 0 }
        guard let end = lines.dropFirst().firstIndex(where: { Notebook.content($0) == "---" }) else { return 0 }
        // A fence before the closing `---` means the `---` was no front matter: its blocks are cells.
        if lines[1..<end].contains(where: { Notebook.content($0).hasPrefix("```") }) { return 0 }
        return end + 1
    }

    static func requirement(in text: String) -> Requirement {
        let lines = NotebookParser.splitLines(text).map { Notebook.content($0) }
        guard lines.first == "---" else { return .none }
        for (i, line) in lines.enumerated().dropFirst() {
            if line == "---" { return .none }
            guard line.hasPrefix("requires:") else { continue }
            let words = line.dropFirst("requires:".count).split(separator: " ")
            guard words.first == "history", words.count <= 2 else {
                return .invalid(line: i + 1, message: "the front matter's requires: says what a notebook needs: `requires: history` or `requires: history 2018-01-02..2018-03-29`")
            }
            guard words.count == 2 else { return .history(nil) }
            let range = words[1]
            guard let dots = range.firstRange(of: ".."), let from = CalendarDate(iso: range[..<dots.lowerBound]),
                  let to = CalendarDate(iso: range[dots.upperBound...]), from <= to else {
                return .invalid(line: i + 1, message: "\(Display.quote(String(words[1]))) is not a range of dates: write 2018-01-02..2018-03-29")
            }
            return .history(from...to)
        }
        return .none
    }
}
