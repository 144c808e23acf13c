/// Notes: a line that is only a comment is kept as a cell that prints nothing and changes
/// nothing, so narration survives `save`, `load` and `export` (where it becomes prose).
extension Shell {
    /// The note a comment-only line makes: its saved form (`# text`, control characters shown as
    /// `?`) and its text (after the `#` and one space), or `nil` for any other line.
    static func note(in line: String) -> (input: String, text: String)? {
        let trimmed = line.drop { Lexer.isSpace($0) }
        guard trimmed.first == "#" else { return nil }
        var input = String(trimmed.map(Display.visible))
        while let last = input.last, Lexer.isSpace(last) { input.removeLast() }
        var text = input.dropFirst()
        if text.first == " " { text = text.dropFirst() }
        return (input, String(text))
    }

    /// Records a note cell; it cannot fail.
    func record(note: (input: String, text: String)) -> LineResult {
        _ = try? session.accept(.note(note.text), input: note.input)
        return LineResult(text: "", json: [], ok: true, quit: false)
    }
}
