import HedgebookModel

/// What one line of input produced, ready for a terminal or a script runner to print.
public struct LineResult: Sendable {
    /// Human-readable output (tables, messages), without a trailing newline; may be empty.
    public var text: String
    /// One JSON object per command on the line (for `--json`).
    public var json: [String]
    /// False when any command on the line failed (the error is in `text`).
    public var ok: Bool
    /// True when the line asked to quit.
    public var quit: Bool

    public init(text: String, json: [String], ok: Bool, quit: Bool) {
        self.text = text
        self.json = json
        self.ok = ok
        self.quit = quit
    }
}

/// The key state the REPL prompt shows.
public struct PromptInfo: Sendable, Equatable {
    /// The number the next accepted cell will get.
    public var cell: Int
    /// The martingale step, when an account is set.
    public var step: Int?
    /// The equity, when an account is set.
    public var equity: Double?
}

/// The shell: the language over a session. No terminal here: text in, text out.
public final class Shell {
    /// Creates a shell. An interactive shell records `date <today>` as its first cell.
    public init(today: CalendarDate? = nil) {}

    /// Runs one line of input (`source` names the file for error locations, `nil` for the REPL).
    public func execute(_ line: String, lineNumber: Int = 1, source: String? = nil) -> LineResult {
        LineResult(text: line, json: [], ok: true, quit: line == "quit")
    }

    /// The prompt's state.
    public var prompt: PromptInfo { PromptInfo(cell: 1, step: nil, equity: nil) }

    /// Completions for the word ending at the end of `prefix` (the line up to the cursor).
    public func complete(_ prefix: String) -> [String] { [] }
}
