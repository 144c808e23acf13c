import HedgebookModel

/// Teaching mode's stepper: a lesson run once in a fresh shell, then shown one cell at a time.
///
/// Outputs are computed by running the lesson's commands, never copied from the file; the
/// cell at position N shows the state folded up to it, so going back re-shows an earlier
/// cell exactly as it was. Keys: next, back, why (the explanations of the cell's numbers), quit.
public struct TeachingSession: Sendable {
    /// One shown cell: the step, what its commands printed, and the explanations of its numbers.
    public struct Cell: Sendable {
        public var step: Lesson.Step
        /// Results, as `hedgebook run` prints them to stdout.
        public var output: String
        /// Located errors, as `hedgebook run` prints them to stderr.
        public var errors: String
        /// The session cells the step added that explain numbers: session cell number, input, trees.
        public var explained: [(cell: Int, input: String, trees: [Explanation])]
    }

    /// What a key asks for.
    public enum Key: Sendable, Equatable {
        case next, back, why, quit
        case other(String)

        /// A key typed on a terminal: Enter, space or `n` next; `b` back; `w` why; `q`, Ctrl-C, Ctrl-D quit.
        public init(byte: UInt8) {
            switch byte {
            case 10, 13, 32, UInt8(ascii: "n"), UInt8(ascii: "N"): self = .next
            case UInt8(ascii: "b"), UInt8(ascii: "B"): self = .back
            case UInt8(ascii: "w"), UInt8(ascii: "W"): self = .why
            case UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4: self = .quit
            default: self = .other(String(decoding: [byte], as: UTF8.self))
            }
        }

        /// A key command read as a line when stdin is not a terminal: an empty line or `n` is next.
        public init(line: String) {
            let word = line.trimmingSpaces.lowercased()
            switch word {
            case "", "n", "next": self = .next
            case "b", "back": self = .back
            case "w", "why": self = .why
            case "q", "quit": self = .quit
            default: self = .other(word)
            }
        }
    }

    /// What to do after a key.
    public enum Response: Sendable, Equatable {
        /// Show a cell (the whole screen).
        case show(String)
        /// Print a message below the current cell.
        case message(String)
        case quit
    }

    public let title: String
    public let cells: [Cell]
    /// The 0-based index of the cell on screen.
    public private(set) var position = 0
    /// True right after "end of the lesson" was said: another `next` ends it.
    private var endSaid = false

    /// Runs `lesson` in a fresh shell (every command, even after one fails) and starts at cell 1.
    public init(lesson: Lesson, source: String? = nil) {
        title = lesson.title
        let shell = Shell()
        var runner = ScriptRunner(shell: shell, options: .init(keepGoing: true))
        var cells: [Cell] = []
        for step in lesson.steps {
            let before = shell.session.cells.count
            var output = ""
            var errors = ""
            for (offset, line) in step.input.enumerated() {
                runner.feed(line[...], lineNumber: step.line + offset, source: source, output: &output, errors: &errors)
            }
            runner.finishSource(source, output: &output, errors: &errors)
            let added = shell.session.cells.indices.filter { $0 >= before }
            let explained = added.compactMap { i -> (Int, String, [Explanation])? in
                let c = shell.session.cells[i]
                return c.explanations.isEmpty ? nil : (i + 1, c.input, c.explanations)
            }
            cells.append(Cell(step: step, output: Self.chomp(output), errors: Self.chomp(errors), explained: explained))
        }
        self.cells = cells
    }

    /// "cell 3/12".
    public var progress: String { "cell \(position + 1)/\(cells.count)" }

    /// The response to `key`; `next` and `back` move the position.
    public mutating func handle(_ key: Key) -> Response {
        let warned = endSaid
        endSaid = false
        switch key {
        case .next:
            guard position + 1 < cells.count else {
                // Said once; the next `n` ends the lesson.
                if warned { return .quit }
                endSaid = true
                return .message("end of the lesson: n again ends it, b goes back")
            }
            position += 1
            return .show(screen())
        case .back:
            guard position > 0 else { return .message("this is the first cell: Enter goes on, q quits") }
            position -= 1
            return .show(screen())
        case .why:
            return .message(whyText())
        case .quit:
            return .quit
        case .other(let k):
            return .message(Display.neutralised("\(k.isEmpty ? "that key" : "`\(k)`") does nothing here: " + Self.keyHelp))
        }
    }

    /// The keys, as the screen's last line says them.
    public static let keyHelp = "Enter or n next · b back · w why · q quit"
}

extension TeachingSession {
    /// The current cell: title and progress, narration, the command and what it printed, the keys.
    public func screen() -> String {
        guard !cells.isEmpty else { return Display.neutralised("\(title)\n(this lesson has no cells)") }
        let cell = cells[position]
        var lines = ["\(title) · \(progress)", String(repeating: "─", count: min(72, title.count + progress.count + 3))]
        if !cell.step.narration.isEmpty { lines += [""] + cell.step.narration }
        if !cell.step.input.isEmpty {
            lines.append("")
            lines += cell.step.input.map { "› " + $0 }
            if !cell.output.isEmpty { lines.append(cell.output) }
            if !cell.errors.isEmpty { lines.append(cell.errors) }
        }
        lines += ["", "[\(Self.keyHelp)]"]
        // The lesson's bytes (title, narration, commands) never act on the terminal.
        return Display.neutralised(lines.joined(separator: "\n"))
    }

    /// The explanations of the current cell's numbers, printed as `why` prints them; when the
    /// cell has none, those of the latest earlier cell that has some.
    public func whyText() -> String {
        guard !cells.isEmpty else { return "nothing to explain" }
        return Display.neutralised(whyLines())
    }

    private func whyLines() -> String {
        if !cells[position].explained.isEmpty { return Self.render(cells[position].explained) }
        guard let earlier = cells[..<position].lastIndex(where: { !$0.explained.isEmpty }) else {
            return "nothing to explain yet: this cell sets inputs or prints no computed numbers"
        }
        return "this cell computes no new numbers; the last ones were in lesson cell \(earlier + 1):\n"
            + Self.render(cells[earlier].explained)
    }

    static func render(_ explained: [(cell: Int, input: String, trees: [Explanation])]) -> String {
        var lines: [String] = []
        for e in explained {
            lines.append("cell \(e.cell): \(e.input)")
            for tree in e.trees { lines += tree.lines(indent: 1) }
        }
        return lines.joined(separator: "\n")
    }

    static func chomp(_ text: String) -> String {
        var t = Substring(text)
        while t.last == "\n" { t = t.dropLast() }
        return String(t)
    }
}
