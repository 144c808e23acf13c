import HedgebookModel

/// What one line of input produced, ready for a terminal or a script runner to print.
public struct LineResult: Sendable {
    /// Output for people (tables, messages), without a trailing newline; may be empty.
    public var text: String
    /// One JSON object per command on the line (for `--json`).
    public var json: [String]
    /// False when a command on the line failed.
    public var ok: Bool
    /// True when the line asked to quit.
    public var quit: Bool
    /// The located error of the failing command (for standard error), without a trailing newline.
    public var error: String

    public init(text: String, json: [String], ok: Bool, quit: Bool, error: String = "") {
        self.text = text
        self.json = json
        self.ok = ok
        self.quit = quit
        self.error = error
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
    /// The branch, when it is not `main`.
    public var branch: String? = nil
    /// The marked equity (equity + open P&L), when positions are open.
    public var markedEquity: Double? = nil
}

/// The shell: the language over a session. No terminal here: text in, text out.
///
/// A line is parsed whole (a syntax error anywhere runs nothing of it); its commands then run
/// in order and the first that fails stops the rest of the line. A failed command changes nothing.
public final class Shell {
    /// The session the shell edits.
    public internal(set) var session: Session
    /// The session's branches (`fork`, `switch`); ``session`` is the current one's.
    var branches: Branches
    /// Set by a terminal: called with the fraction done of a long command (`simulate`).
    public var progress: ((Double) -> Void)?
    /// Set by a terminal: true when the user asked to stop a long command (Ctrl-C).
    public var cancelRequested: (() -> Bool)?
    /// Set by the REPL: the terminal's width in columns (charts are drawn to fit it).
    public var terminalWidth: Int?
    /// Whether charts may use Unicode (the executable says: a UTF-8 locale); ASCII otherwise.
    public var unicode = true
    /// Nested `load`s allowed (a script that loads itself stops here).
    static let maximumLoadDepth = 8
    var loadDepth = 0
    /// The most cells one `load` may add, its nested loads included (a few hundred bytes of
    /// scripts loading each other could otherwise make millions). A saved session of 100,000
    /// cells loads; 670 bytes of scripts loading each other ten times, six deep, stop here.
    public static let maximumLoadCells = 100_000
    /// ``maximumLoadCells``, lowered by tests.
    var loadCellLimit = Shell.maximumLoadCells
    /// The session's cell count when the outermost `load` began.
    var loadStart = 0
    /// The longest line hedgebook runs, in UTF-8 bytes; a longer one is refused at column 1.
    public static let maximumLineLength = 1 << 20
    /// The cell inputs last written by `save` or `export` (at first, the shell's own `date` cell).
    var savedInputs: [String] = []
    /// Cells not written by `save` or `export` since they were made: at quit the REPL keeps
    /// the journal for `recover` when there are any.
    public var unsavedCells: Int {
        let now = session.cells.map(\.input)
        guard now != savedInputs else { return 0 }
        var common = 0
        while common < now.count, common < savedInputs.count, now[common] == savedInputs[common] { common += 1 }
        return max(1, now.count - common)
    }
    /// Set by the REPL: where `recover` finds a session an earlier hedgebook did not close.
    public var recovery: (any RecoverySource)?
    /// The market store `data` and `replay` use (docs/data.md).
    public var marketHistory = MarketHistory()

    /// Creates a shell. With `today` (an interactive session) the first cell is `date <today>`,
    /// so a saved session replays identically tomorrow.
    public init(today: CalendarDate? = nil) {
        session = Session()
        branches = Branches(main: session)
        if let today {
            _ = try? session.accept(.date(today), input: "date \(today)")
        }
        savedInputs = session.cells.map(\.input)
    }

    /// Runs one line of input (`source` names the file for error locations, `nil` for the REPL).
    /// Without `withJSON` the successful commands' ``LineResult/json`` lines are not built.
    public func execute(_ line: String, lineNumber: Int = 1, source: String? = nil, withJSON: Bool = true) -> LineResult {
        guard Interruption.current != nil else {
            var result = Interruption.$current.withValue(Interruption(poll: cancelRequested)) {
                execute(line, lineNumber: lineNumber, source: source, withJSON: withJSON)
            }
            // Whatever a command echoes (a path, a journal's header, a cell's input) reaches
            // the terminal neutralised: no escape sequence, control or bidi override.
            result.text = Display.neutralised(result.text)
            result.error = Display.neutralised(result.error)
            return result
        }
        if line.utf8.count > Self.maximumLineLength {
            let message = "this line is \(line.utf8.count) bytes long; hedgebook reads lines of at most \(Self.maximumLineLength) bytes"
            let place = source.map { "\($0):" } ?? ""
            return LineResult(text: "", json: [Self.failureJSON(lineNumber, String(line.prefix(80)), message: message, hint: nil, column: 1)],
                              ok: false, quit: false,
                              error: "\(place)\(lineNumber):1: error: \(message)\n    \(Display.truncated(String(line.prefix(64))))\n    ^")
        }
        if let note = Self.note(in: line) { return record(note: note) }
        let commands: [ParsedCommand]
        switch Parser.parse(line: line) {
        case .success(let parsed): commands = parsed
        case .failure(let error):
            let text = DiagnosticRenderer.render(error, line: line, lineNumber: lineNumber, file: source)
            let json = Self.failureJSON(lineNumber, line, message: error.message, hint: error.hint, column: error.span.column)
            return LineResult(text: "", json: [json], ok: false, quit: false, error: text)
        }
        var outputs: [String] = []
        var json: [String] = []
        for parsed in commands {
            do throws(CommandFailure) {
                let outcome = try run(parsed)
                if !outcome.text.isEmpty { outputs.append(outcome.text) }
                if withJSON { json.append(Self.successJSON(lineNumber, parsed.source, outcome.result)) }
                if outcome.quit {
                    return LineResult(text: outputs.joined(separator: "\n"), json: json, ok: true, quit: true)
                }
            } catch {
                let span = error.argument.flatMap { $0 < parsed.argumentSpans.count ? parsed.argumentSpans[$0] : nil }
                    ?? parsed.nameSpan
                let diagnostic = Diagnostic(span: span, message: error.message, hint: error.hint)
                let text = DiagnosticRenderer.render(diagnostic, line: line, lineNumber: lineNumber, file: source)
                json.append(Self.failureJSON(lineNumber, parsed.source, message: error.message, hint: error.hint, column: span.column))
                return LineResult(text: outputs.joined(separator: "\n"), json: json, ok: false, quit: false, error: text)
            }
        }
        return LineResult(text: outputs.joined(separator: "\n"), json: json, ok: true, quit: false)
    }

    /// What one command printed and returned.
    struct Outcome {
        var text: String
        var result: JSONValue
        var quit = false
    }

    private func run(_ parsed: ParsedCommand) throws(CommandFailure) -> Outcome {
        switch parsed.command {
        case .undo: return undo()
        case .redo: return redo()
        case .history: return history()
        case .save(let path, let overwrite): return try save(path, overwrite: overwrite)
        case .load(let path): return try load(path)
        case .loadReplacing(let path): return try loadReplacing(path)
        case .help(let topic): return try help(topic)
        case .quit: return Outcome(text: "", result: .object([]), quit: true)
        case .edit(let n, let command, let input): return try edit(n, command, input)
        case .insert(let n, let command, let input): return try insert(n, command, input)
        case .drop(let n): return try drop(n)
        case .show(let n): return try show(n)
        case .export(let path, let overwrite): return try export(path, overwrite: overwrite)
        case .journalExport(let path, let overwrite): return try exportJournal(path, overwrite: overwrite)
        case .recover: return try recover()
        case .simulate(let request): return try simulate(request, parsed)
        case .payoff(let request) where request.svg != nil: return try payoffSVG(request)
        case .payoff(let request): return try payoffText(request, parsed)
        case .fork(let name): return try fork(name, parsed)
        case .switchBranch(let name): return try switchBranch(name)
        case .branches: return listBranches()
        case .compare(let a, let b): return try compare(a, b)
        case .data(let request): return try data(request)
        case .backtest(let request) where request.svg != nil: return try backtestSVG(request, path: request.svg!)
        default:
            let cell = try session.accept(try readingHistory(parsed.command), input: parsed.source)
            return Outcome(text: cell.output, result: cell.result)
        }
    }

    /// The prompt's state.
    public var prompt: PromptInfo {
        let a = session.state.account
        return PromptInfo(
            cell: session.cells.count + 1, step: a.hasAccount ? a.step : nil, equity: a.hasAccount ? a.equity : nil,
            branch: branches.current == Branches.main ? nil : branches.current,
            markedEquity: a.hasAccount && !session.state.positions.isEmpty ? Evaluator.markedEquity(session.state) : nil)
    }

    /// Completions for the word ending at the end of `prefix` (the line up to the cursor).
    public func complete(_ prefix: String) -> [String] { Completion.candidates(for: prefix) }

    // MARK: - JSON lines

    static func successJSON(_ line: Int, _ input: String, _ result: JSONValue) -> String {
        JSONValue.object([("line", .int(line)), ("input", .string(input)), ("ok", .bool(true)), ("result", result)]).encoded()
    }

    static func failureJSON(_ line: Int, _ input: String, message: String, hint: String?, column: Int) -> String {
        var error: [(String, JSONValue)] = [("message", .string(message)), ("column", .int(column))]
        if let hint { error.append(("hint", .string(hint))) }
        return JSONValue.object([("line", .int(line)), ("input", .string(input)), ("ok", .bool(false)),
                                 ("error", .object(error))]).encoded()
    }
}
