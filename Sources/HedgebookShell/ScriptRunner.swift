/// Runs a script through a ``Shell`` line by line, as `hedgebook run`, `-c` and a piped stdin do.
///
/// Pure: text in, text out. Results (``LineResult/text``, or ``LineResult/json`` with
/// ``Options/json``) go to `output`, located errors (``LineResult/error``) to `errors`; the runner stops at
/// the first failing line unless ``Options/keepGoing``. Lines are numbered from 1 within each
/// source; a line ending in a backslash continues on the next one (the backslash becomes a
/// space, so columns on the first physical line stay right), and the joined line reports the
/// number of its first physical line. Blank lines are skipped.
public struct ScriptRunner {
    /// How the runner prints and when it stops.
    public struct Options: Sendable, Equatable {
        /// Run every line even after one failed (the exit status is still 1).
        public var keepGoing: Bool
        /// Print each command's JSON object on its own line instead of text.
        public var json: Bool

        public init(keepGoing: Bool = false, json: Bool = false) {
            self.keepGoing = keepGoing
            self.json = json
        }
    }

    /// What a whole script printed, and its exit status.
    public struct Outcome: Sendable, Equatable {
        public var output: String
        public var errors: String
        public var exitStatus: Int32
    }

    public let shell: Shell
    public var options: Options
    /// True once any line failed.
    public private(set) var failed = false
    /// True once the runner stopped: a `quit`, or a failure without ``Options/keepGoing``.
    public private(set) var stopped = false

    private var pending: (text: String, lineNumber: Int)?

    public init(shell: Shell, options: Options = Options()) {
        self.shell = shell
        self.options = options
    }

    /// The process exit status so far: 0, or 1 when a line failed.
    public var exitStatus: Int32 { failed ? 1 : 0 }

    /// The line without its continuation backslash, or `nil` when it does not continue.
    public static func continued(_ line: Substring) -> Substring? {
        line.hasSuffix("\\") ? line.dropLast() : nil
    }

    /// Feeds one physical line (without its newline) of `source`.
    public mutating func feed(
        _ line: Substring, lineNumber: Int, source: String?,
        output: inout some TextOutputStream, errors: inout some TextOutputStream
    ) {
        guard !stopped else { return }
        let line = line.hasSuffix("\r") ? line.dropLast() : line
        if let head = Self.continued(line) {
            if let open = pending {
                pending = (open.text + head + " ", open.lineNumber)
            } else {
                pending = (head + " ", lineNumber)
            }
            return
        }
        if let open = pending {
            pending = nil
            execute(open.text + line, lineNumber: open.lineNumber, source: source,
                    output: &output, errors: &errors)
        } else {
            execute(String(line), lineNumber: lineNumber, source: source,
                    output: &output, errors: &errors)
        }
    }

    /// Ends a source: a line left open by a trailing backslash runs as it is.
    public mutating func finishSource(
        _ source: String?, output: inout some TextOutputStream, errors: inout some TextOutputStream
    ) {
        guard let open = pending else { return }
        pending = nil
        guard !stopped else { return }
        execute(open.text, lineNumber: open.lineNumber, source: source, output: &output, errors: &errors)
    }

    /// Runs a whole script text (lines numbered from 1), then finishes the source.
    public mutating func run(
        _ text: String, source: String?,
        output: inout some TextOutputStream, errors: inout some TextOutputStream
    ) {
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            if stopped { break }
            feed(line, lineNumber: index + 1, source: source, output: &output, errors: &errors)
        }
        finishSource(source, output: &output, errors: &errors)
    }

    /// Runs `text` in a shell and returns everything it printed.
    public static func run(
        _ text: String, source: String?, shell: Shell, options: Options = Options()
    ) -> Outcome {
        var runner = ScriptRunner(shell: shell, options: options)
        var output = ""
        var errors = ""
        runner.run(text, source: source, output: &output, errors: &errors)
        return Outcome(output: output, errors: errors, exitStatus: runner.exitStatus)
    }

    private mutating func execute(
        _ line: String, lineNumber: Int, source: String?,
        output: inout some TextOutputStream, errors: inout some TextOutputStream
    ) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        let result = shell.execute(line, lineNumber: lineNumber, source: source, withJSON: options.json)
        if options.json {
            for object in result.json { output.write(object + "\n") }
        } else if !result.text.isEmpty {
            // What the commands before a failing one printed still goes to the output.
            output.write(result.text + "\n")
        }
        if !result.ok {
            errors.write(Self.message(result, lineNumber: lineNumber, source: source))
            failed = true
            if !options.keepGoing { stopped = true }
        }
        if result.quit { stopped = true }
    }

    /// The failing line's located error, or a located fallback when the shell gave none.
    private static func message(_ result: LineResult, lineNumber: Int, source: String?) -> String {
        if !result.error.isEmpty { return result.error + "\n" }
        return "\(source ?? "<input>"):\(lineNumber):1: error: the line failed\n"
    }
}
